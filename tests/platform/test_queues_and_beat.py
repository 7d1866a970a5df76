"""Work is split into queues by kind, so a flood of one kind never delays another; beat
sends each task once even when two beats run."""

import time

import pytest
from django.conf import settings

from claims.ingest import tasks as ingest_tasks
from claims.models import Notification
from claims.tasks import deliver_notification
from tests.conftest import WorkerProcess, wait_for
from tests.newsroom.test_notifications import desk, emailed  # noqa: F401 - a fixture
from verify import beat
from verify.celery import app as celery_app


def queue_length(name) -> int:
    with celery_app.connection_for_write() as conn:
        return conn.default_channel.client.llen(name)


def purge(name):
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge(name)


def test_every_task_has_a_queue_of_its_kind_and_beat_only_names_known_tasks():
    celery_app.loader.import_default_modules()
    ours = {name for name in celery_app.tasks if name.startswith("verify.")}
    routed = set(settings.CELERY_TASK_ROUTES)
    assert ours == routed, (ours - routed, routed - ours)
    for kind, queue in settings.WORK_QUEUES.items():
        for task in settings.WORK_KINDS[kind]:
            assert celery_app.amqp.router.route({}, task)["queue"].name == queue
    assert {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()} <= ours


def test_a_flood_of_ingestions_does_not_delay_a_notification(
    transactional_db,
    desk,  # noqa: F811
    tmp_path,
):
    ingest, notify = settings.WORK_QUEUES["ingest"], settings.WORK_QUEUES["notify"]
    for queue in settings.CELERY_TASK_QUEUES:
        purge(queue.name)
    for n in range(200):
        ingest_tasks.fetch_article.delay(article_id=10_000_000 + n)
    assert queue_length(ingest) == 200
    for other in {*settings.WORK_QUEUES.values(), settings.CELERY_TASK_DEFAULT_QUEUE} - {ingest}:
        assert queue_length(other) == 0, other  # one copy, in its own queue only
    notification = Notification.objects.create(
        user=desk["checker"], key="flood", message="A correction to look at"
    )
    worker = WorkerProcess(tmp_path / "notify.log", tmp_path / "mail", queues=[notify]).start()
    try:
        deliver_notification.delay(notification_id=notification.pk)
        wait_for(lambda: emailed(notification), timeout=30, message="the notification")
    finally:
        worker.stop()
    assert queue_length(ingest) == 200  # still waiting for the ingestion workers
    purge(ingest)


@pytest.fixture
def probe_schedule(tmp_path):
    """A schedule of one task every half second, sent to a queue no worker reads."""
    probe = f"{settings.CELERY_TASK_DEFAULT_QUEUE}.beat-probe"
    purge(probe)
    before = celery_app.conf.beat_schedule
    celery_app.conf.beat_schedule = {
        "probe": {"task": "verify.prune", "schedule": 0.5, "options": {"queue": probe}}
    }
    yield probe
    celery_app.conf.beat_schedule = before
    purge(probe)


def scheduler(tmp_path, name):
    return beat.SingleBeatScheduler(
        app=celery_app, schedule_filename=str(tmp_path / name), lazy=False
    )


def ticks(schedulers, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for each in schedulers:
            each.tick()
        time.sleep(0.05)


def test_two_beats_send_each_task_once_and_the_second_takes_over_when_the_first_stops(
    probe_schedule, tmp_path
):
    first, second = scheduler(tmp_path, "one"), scheduler(tmp_path, "two")
    try:
        ticks([first, second], 3.0)
        sent_by_one = queue_length(probe_schedule)
        assert 4 <= sent_by_one <= 8, sent_by_one  # every 0.5 s for 3 s, by one beat only
        assert first.holds_lock() and not second.holds_lock()

        first.close()  # stopped: its lock is released
        ticks([second], 2.0)
        assert second.holds_lock()
        assert queue_length(probe_schedule) >= sent_by_one + 2
    finally:
        second.close()
