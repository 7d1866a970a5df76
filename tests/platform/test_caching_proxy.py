"""A real Varnish (Debian's varnishd, with deploy/varnish/default.vcl) in front of the test
server: readers' pages are served from it, the newsroom never is, and a correction or a
retraction purges exactly the pages that show the verdict."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings as django_settings

from accounts import roles
from claims import actions, tasks
from claims.models import Rating
from claims.public import cache_tags
from claims.selectors import published_verdicts
from verify.celery import app as celery_app

# The outbox's own send_task is not run in this process (the retraction's other tasks).
pytestmark = pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Varnish:
    def __init__(self, backend_host, backend_port):
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        if not Path(varnishd).exists():
            pytest.fail("varnishd is missing: apt-get install -y varnish (bin/test does it)")
        self.folder = Path(tempfile.mkdtemp(prefix="verify-varnish-"))
        os.chmod(self.folder, 0o755)
        vcl = VCL.read_text()
        assert '.host = "web";' in vcl and '.port = "8000";' in vcl
        vcl = vcl.replace('.host = "web";', f'.host = "{backend_host}";').replace(
            '.port = "8000";', f'.port = "{backend_port}";'
        )
        (self.folder / "test.vcl").write_text(vcl)
        self.port = _free_port()
        self.process = subprocess.Popen(
            [varnishd, "-F", "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(self.folder / "test.vcl"), "-s", "malloc,64m"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd exited: {self.process.stdout.read().decode()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            time.sleep(0.2)
        pytest.fail("varnishd did not start listening within 30 s")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, **kwargs):
        return requests.get(self.url(path), timeout=10, allow_redirects=False, **kwargs)

    def stop(self):
        self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        if self.process.poll() is None:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def varnish(live_server, settings):
    address = urlsplit(live_server.url)
    proxy = Varnish(address.hostname, address.port)
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


def correct(demo, claim, note):
    actions.record_correction(
        claim,
        demo["users"][roles.EDITOR],
        kind="update",
        note=note,
        version=claim.verdict.version,
        rating=Rating.objects.get(slug="mostly-true"),
        headline=claim.verdict.headline,
        summary=claim.verdict.summary,
        explanation=claim.verdict.explanation,
    )


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
        correct(demo, corrected, "The ministry clarified which treaty it meant.")
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
    assert after.status_code == 404 and after.headers["X-Cache"] != "HIT"
    assert varnish.get(path).headers["X-Cache"] != "HIT"  # a 404 is not kept either


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

    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{_free_port()}/"]
    with pytest.raises(cache_tags.PurgeFailed, match="ConnectionError"):
        cache_tags.purge(["site"])
