"""Notifications go out through a real Celery worker, once each, after the commit."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts import roles
from claims import actions
from claims.models import Claim, Notification, OutboxMessage
from tests.conftest import wait_for
from verify.celery import app as celery_app


@pytest.fixture
def desk(make_user, newsroom_setup):
    return {
        "checker": make_user("farid", role=roles.FACT_CHECKER, email="farid@example.org"),
        "editor": make_user("elena", role=roles.EDITOR, email="elena@example.org"),
        "claim": Claim.objects.create(text="Azerbaijan used phosphorus munitions."),
    }


def emailed(notification):
    notification.refresh_from_db()
    return notification.emailed_at is not None


def test_an_assignment_emails_the_fact_checker_once(worker, desk):
    actions.assign_claim(desk["claim"], desk["editor"], desk["checker"])

    notification = Notification.objects.get(user=desk["checker"])
    wait_for(lambda: emailed(notification), message="the assignment e-mail")
    mail = worker.sent_mail()
    assert len(mail) == 1
    assert "To: farid@example.org" in mail[0]
    assert "assigned you a claim" in mail[0]
    assert OutboxMessage.objects.get(task="verify.deliver_notification").sent_at is not None


def test_a_notification_task_run_twice_sends_one_email(worker, desk):
    notification = Notification.objects.create(
        user=desk["checker"], claim=desk["claim"], key="manual", message="Hello twice"
    )

    for _ in range(2):
        celery_app.send_task(
            "verify.deliver_notification", kwargs={"notification_id": notification.pk}
        )
    wait_for(lambda: emailed(notification), message="the e-mail")
    # The second delivery has run too once a task sent after both has finished.
    marker = Notification.objects.create(user=desk["editor"], key="marker", message="marker")
    celery_app.send_task("verify.deliver_notification", kwargs={"notification_id": marker.pk})
    wait_for(lambda: emailed(marker), message="the marker e-mail")

    assert sum("Hello twice" in m for m in worker.sent_mail()) == 1


def test_deadline_reminders_go_out_once_however_often_beat_runs(worker, desk):
    claim = actions.assign_claim(
        desk["claim"],
        desk["editor"],
        desk["checker"],
        due_at=timezone.now() - dt.timedelta(hours=1),
    )
    wait_for(lambda: emailed(Notification.objects.get(key__startswith="assigned")))

    for _ in range(3):
        celery_app.send_task("verify.remind_deadlines")

    def overdue_notices_emailed():
        # A fresh query each time: a QuerySet kept across polls would answer from its cache.
        notices = list(Notification.objects.filter(key__startswith=f"overdue:c{claim.pk}"))
        return len(notices) == 2 and all(n.emailed_at for n in notices)

    wait_for(overdue_notices_emailed, message="overdue notices to the assignee and the editor")

    mail = worker.sent_mail()
    assert sum("Overdue" in m and "farid@example.org" in m for m in mail) == 1
    assert sum("Overdue" in m and "elena@example.org" in m for m in mail) == 1


def test_the_outbox_drain_sends_what_the_broker_missed(worker, desk):
    notification = Notification.objects.create(
        user=desk["checker"], key="missed", message="Sent late"
    )
    # As if Redis had been down at commit time: the message is in the outbox, unsent.
    OutboxMessage.objects.create(
        task="verify.deliver_notification", kwargs={"notification_id": notification.pk}
    )

    celery_app.send_task("verify.drain_outbox")

    wait_for(lambda: emailed(notification), message="the drained message")
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
