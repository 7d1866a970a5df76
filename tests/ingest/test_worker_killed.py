"""A worker killed in the middle of an ingestion: the work is finished once after a restart.

Its own module, so that no other test worker is consuming the queue at the same time.
"""

import os
import signal
import time

from django.conf import settings

from claims.ingest import submit
from claims.models import Article
from tests.conftest import WorkerProcess, wait_for
from tests.ingest.test_ingestion import finished, news_page
from verify.celery import app as celery_app


def test_a_worker_killed_mid_fetch_finishes_the_article_after_a_restart(
    demo, local_site, tmp_path, monkeypatch, django_db_blocker
):
    """SIGKILL while the page is being fetched: the task is not acknowledged, so a new
    worker gets it again (after the broker's visibility timeout, 3 s here) and the article
    is finished once, with no duplicate suggestions."""
    started = []

    def slow_page():
        started.append(time.monotonic())
        time.sleep(2 if len(started) == 1 else 0)
        return news_page("baku-answers.txt")

    local_site.pages["/slow"] = (200, {}, slow_page)
    with celery_app.connection_for_write() as conn:
        for queue in settings.CELERY_TASK_QUEUES:
            conn.default_channel.queue_purge(queue.name)
    monkeypatch.setenv("CELERY_VISIBILITY_TIMEOUT", "3")
    first = WorkerProcess(tmp_path / "first.log", tmp_path / "mail").start()
    try:
        article, _ = submit.submit_url(local_site.url("/slow"))
        wait_for(lambda: started, message="the fetch to start")
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait()
        article.refresh_from_db()
        assert article.status == Article.Status.FETCHING
    finally:
        first.stop()

    time.sleep(3.5)  # past the visibility timeout: the message is due again
    second = WorkerProcess(tmp_path / "second.log", tmp_path / "mail").start()
    try:
        wait_for(lambda: finished(article), timeout=60, message="the restarted pipeline")
    finally:
        second.stop()
    assert article.status == Article.Status.READY, article.error
    assert len(started) >= 2
    assert article.suggestions.count() == 7
