"""Readers read from a real streaming replica; the newsroom, every write and a reader who
has just posted read from the primary; a replica that lags or is down sends readers back
to the primary, and /healthz says so."""

import time
from unittest import mock

import pytest
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import roles
from claims.models import Verdict
from claims.platform import replica
from claims.platform.health import OPTIONAL_CHECKS
from claims.public import page_cache
from tests.platform.postgres_replica import Replica
from tests.sessions import log_in

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.fixture(scope="module")
def running_replica(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        server = Replica(connections["default"].settings_dict).create()
    yield server
    server.remove()


@pytest.fixture
def with_replica(running_replica, demo, settings, django_db_blocker):
    """The replica as DATABASE_REPLICA_URL would make it, checked on every read.

    Django's test case fences off the databases it was not told about when it starts; the
    replica joins later, as a second door to the same data, so the fence is lifted for it
    (pytest-django keeps the real connect method)."""
    alias = replica.REPLICA
    wanted = running_replica.settings()
    settings.DATABASES = {**settings.DATABASES, alias: wanted}
    settings.REPLICA_CHECK_SECONDS = 0
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    connections.settings[alias] = dict(wanted)  # complete: copied from the primary's
    replica.forget()
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", django_db_blocker._real_ensure_connection
    ):
        caught_up(Verdict.objects.latest("pk").pk)
        yield demo
    connections[alias].close()
    del connections[alias]
    del connections.settings[alias]
    replica.forget()


def caught_up(verdict_pk, timeout=30):
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            if Verdict.objects.using(replica.REPLICA).filter(pk=verdict_pk).exists():
                return
        except Exception as exc:  # noqa: BLE001 - the replica is still starting
            last = exc
            connections[replica.REPLICA].close()
        time.sleep(0.2)
    raise AssertionError(f"the replica did not catch up: {last!r}")


def read(client, url):
    """The page, and how many queries it sent to each database (the page cache emptied)."""
    page_cache.invalidate()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[replica.REPLICA]) as secondary,
    ):
        response = client.get(url)
    pages = [q for q in secondary.captured_queries if "pg_is_in_recovery" not in q["sql"]]
    return response, len(primary), len(pages)  # not counting the replica's health checks


def replay(paused: bool):
    with connections[replica.REPLICA].cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{'pause' if paused else 'resume'}()")


def rename(verdict, headline):
    Verdict.objects.filter(pk=verdict.pk).update(headline=headline)


def test_readers_pages_read_from_the_replica_and_the_newsroom_from_the_primary(with_replica):
    verdict = with_replica["claims"]["russian-reply"].verdict
    for url in (verdict.public_url(), "/", "/verdicts/", "/feeds/rss/", "/sitemap.xml",
                "/api/public/verdicts/"):  # fmt: skip
        response, on_primary, on_replica = read(Client(), url)
        assert response.status_code == 200, url
        assert on_replica > 0 and on_primary == 0, (url, on_primary, on_replica)

    editor = log_in(Client(), with_replica["users"][roles.EDITOR])
    for url in (verdict.claim.newsroom_url(), "/newsroom/", verdict.public_url()):
        response, on_primary, on_replica = read(editor, url)
        assert response.status_code == 200, url
        assert on_replica == 0 and on_primary > 0, (url, on_primary, on_replica)


def test_a_reader_who_posts_reads_the_primary_and_sees_what_the_replica_has_not_yet(
    with_replica,
):
    verdict = with_replica["claims"]["russian-reply"].verdict
    pinned = Client()
    pinned.post("/ask/", {"text": ""})  # even a refused post pins the reader for a while
    assert replica.PIN_COOKIE in pinned.cookies
    replay(paused=True)
    try:
        rename(verdict, "Headline written after the replica paused")

        stale, _, on_replica = read(Client(), verdict.public_url())
        assert on_replica > 0
        assert "Headline written after the replica paused" not in stale.content.decode()

        fresh, on_primary, on_replica = read(pinned, verdict.public_url())
        assert on_replica == 0 and on_primary > 0
        assert "Headline written after the replica paused" in fresh.content.decode()
    finally:
        replay(paused=False)


def test_a_replica_lagging_behind_sends_readers_to_the_primary_and_healthz_says_so(
    with_replica, settings
):
    verdict = with_replica["claims"]["russian-reply"].verdict
    replay(paused=True)
    try:
        rename(verdict, "Corrected headline the replica has not replayed")
        settings.REPLICA_MAX_LAG_SECONDS = 0.5
        time.sleep(1.5)

        response, on_primary, on_replica = read(Client(), verdict.public_url())
        assert on_replica == 0 and on_primary > 0
        assert "Corrected headline the replica has not replayed" in response.content.decode()
        state = Client().get("/healthz").json()["services"]["replica"]
        assert not state["ok"] and "lagging" in state["detail"]
    finally:
        replay(paused=False)
    caught_up(verdict.pk)
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    assert Client().get("/healthz").json()["services"]["replica"]["ok"]


def test_a_replica_that_is_down_sends_readers_to_the_primary(with_replica, running_replica):
    verdict = with_replica["claims"]["russian-reply"].verdict
    running_replica.stop()
    try:
        response, on_primary, _ = read(Client(), verdict.public_url())
        assert response.status_code == 200 and on_primary > 0
        state = Client().get("/healthz").json()["services"]["replica"]
        assert not state["ok"] and "down" in state["detail"]
        assert "replica" in OPTIONAL_CHECKS  # degraded, not unavailable: readers still read
    finally:
        running_replica.start()
    replica.forget()
    caught_up(verdict.pk)
    assert read(Client(), verdict.public_url())[2] > 0  # back on the replica


def test_without_a_replica_everything_reads_the_primary_and_healthz_says_not_configured(
    demo, client
):
    assert not replica.configured()
    assert client.get("/healthz").json()["services"]["replica"] == {
        "ok": True,
        "detail": "not configured: readers use the primary",
    }


def test_after_a_change_caches_wait_for_the_replica_to_replay_it(with_replica):
    verdict = with_replica["claims"]["russian-reply"].verdict
    assert replica.wait_until_replayed(timeout=5)
    replay(paused=True)
    try:
        rename(verdict, "Written while the replica is paused")
        started = time.monotonic()
        assert not replica.wait_until_replayed(timeout=0.5)
        assert time.monotonic() - started >= 0.5
    finally:
        replay(paused=False)
    assert replica.wait_until_replayed(timeout=10)
    assert Verdict.objects.using(replica.REPLICA).get(pk=verdict.pk).headline == (
        "Written while the replica is paused"
    )
