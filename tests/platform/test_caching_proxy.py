"""A real Varnish (Debian's varnishd, with deploy/varnish/default.vcl) in front of the test
server: readers' pages are served from it, the newsroom never is, and a correction or a
retraction purges exactly the pages that show the verdict."""

import contextlib
from urllib.parse import urlsplit

import pytest
import requests

from accounts import roles
from claims import actions, tasks
from claims.public import cache_tags
from claims.selectors import published_verdicts
from tests.platform.varnish import Varnish, free_port
from tests.publishing import update_rating
from verify.celery import app as celery_app

# The outbox's own send_task is not run in this process (the retraction's other tasks).
pytestmark = pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")


class Proxy(Varnish):
    def get(self, path, **kwargs):
        return requests.get(self.url(path), timeout=10, allow_redirects=False, **kwargs)


@pytest.fixture
def varnish(live_server, settings):
    address = urlsplit(live_server.url)
    try:
        proxy = Proxy(address.hostname, address.port)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    settings.CACHE_PURGE_URLS = [proxy.url("/")]
    settings.ALLOWED_HOSTS = ["*"]
    yield proxy
    proxy.stop()


@contextlib.contextmanager
def tasks_run_here():
    """The tasks a change enqueues run in this process, one after the other, with this
    test's settings (the proxy's address): verdict_changed, then purge_cache_tags."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = before


def test_readers_hit_the_cache_and_a_correction_purges_exactly_its_pages(varnish, demo):
    corrected = demo["claims"]["russian-reply"]
    stale = set(cache_tags.changed_by(corrected.verdict)) - {cache_tags.LIST}
    untouched = next(  # a verdict whose page shows nothing the correction changes
        v
        for v in published_verdicts()
        if not stale & set(varnish.get(v.public_url()).headers["Surrogate-Key"].split())
    )
    cache_tags.purge([cache_tags.SITE])
    pages = [corrected.verdict.public_url(), untouched.public_url(), "/", "/verdicts/"]
    for path in pages:
        first = varnish.get(path)
        assert first.status_code == 200 and first.headers["X-Cache"] == "MISS", path
        assert varnish.get(path).headers["X-Cache"] == "HIT", path
    tags = varnish.get(corrected.verdict.public_url()).headers["Surrogate-Key"].split()
    assert {f"verdict-{corrected.verdict.pk}", f"claim-{corrected.pk}", "site"} <= set(tags)

    with tasks_run_here():
        update_rating(
            corrected, demo["users"][roles.EDITOR], "The ministry clarified which treaty it meant."
        )
        tasks.verdict_changed(corrected.pk)

    fresh = varnish.get(corrected.verdict.public_url())
    assert fresh.headers["X-Cache"] == "MISS"
    assert "The ministry clarified which treaty it meant." in fresh.text
    assert varnish.get("/").headers["X-Cache"] == "MISS"  # lists show it too
    assert varnish.get(untouched.public_url()).headers["X-Cache"] == "HIT"  # not its page


def test_a_retracted_verdict_is_never_served_from_the_cache(varnish, demo):
    claim = demo["claims"]["russian-reply"]
    path = claim.verdict.public_url()
    varnish.get(path)
    assert varnish.get(path).headers["X-Cache"] == "HIT"

    with tasks_run_here():
        actions.retract_verdict(claim, demo["users"][roles.EDITOR], reason="Wrong treaty.")
        tasks.verdict_changed(claim.pk)

    after = varnish.get(path)
    # The URL now tells readers of the retraction (410 Gone), never the cached verdict.
    assert after.status_code == 410 and after.headers["X-Cache"] != "HIT"
    assert "Wrong treaty." in after.text and "application/ld+json" not in after.text
    assert varnish.get(path).headers["X-Cache"] != "HIT"  # the notice is not kept either


def test_the_newsroom_and_a_reader_who_posted_pass_straight_through(varnish, demo):
    assert varnish.get("/newsroom/").headers["X-Cache"] == "PASS"
    assert varnish.get("/newsroom/").headers["X-Cache"] == "PASS"
    path = demo["claims"]["russian-reply"].verdict.public_url()
    varnish.get(path)
    pinned = varnish.get(path, cookies={"verify_primary": "1"})
    assert pinned.headers["X-Cache"] == "PASS"
    with_session = varnish.get(path, cookies={"sessionid": "x"})
    assert with_session.headers["X-Cache"] == "PASS"
    assert varnish.get(path, cookies={"csrftoken": "x"}).headers["X-Cache"] == "HIT"


def test_purges_are_refused_when_malformed_and_a_proxy_that_is_down_is_retried(varnish, settings):
    refused = requests.request(
        "BAN", varnish.url("/"), headers={"X-Purge-Tags": 'site") || obj.status ~ ("'}, timeout=5
    )
    assert refused.status_code == 400
    assert requests.request("BAN", varnish.url("/"), headers={}, timeout=5).status_code == 400
    assert cache_tags.purge(["site"]) == {varnish.url("/"): 200}

    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}/"]
    with pytest.raises(cache_tags.PurgeFailed, match="ConnectionError"):
        cache_tags.purge(["site"])
