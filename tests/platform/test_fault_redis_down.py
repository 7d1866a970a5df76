"""Redis stops answering while an editor publishes: nothing is lost, nothing stays stale.

A private Redis server is started for this test and frozen with SIGSTOP (a hung broker, the
worst case: connections open but nothing answers), so the test's own Redis is untouched. The
publication, the page requests and the outbox drain run in separate processes configured
for that Redis, as the web process would be.
"""

import signal
import socket
import subprocess
import sys
import time

import pytest
from django.utils.html import escape

from claims.models import Claim, OutboxMessage
from tests.conftest import ROOT, WorkerProcess, wait_for


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def private_redis(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
    )
    wait_for(lambda: _answers(port), timeout=10, message="the private Redis")
    yield server, f"redis://127.0.0.1:{port}/0"
    server.send_signal(signal.SIGCONT)
    server.terminate()
    server.wait()


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def django(code, environment):
    """Run `code` in a fresh Django process; its standard output."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


HOME_PAGE = "from django.test import Client; print(Client().get('/').content.decode())"
PUBLISH = """
from django.contrib.auth import get_user_model
from claims import actions
from claims.models import Claim
actions.publish_verdict(
    Claim.objects.get(pk={pk}), get_user_model().objects.get(username="editor"),
    confirmed=True, accept_unarchived=True, no_reply_sought=True, no_counter_claims=True,
    sources_exception="Only the ministry has spoken.",
)
"""
DRAIN = "from claims.platform import outbox; print(outbox.drain())"


def test_a_publication_while_redis_hangs_is_kept_and_delivered_when_it_is_back(
    demo, private_redis, tmp_path
):
    server, redis_url = private_redis
    claim = demo["claims"]["turkey-recruits"]
    headline = escape(claim.verdict.headline)  # as the page shows it
    worker = WorkerProcess(
        tmp_path / "worker.log", tmp_path / "mail", extra_env={"REDIS_URL": redis_url}
    )
    environment = worker.environment() | {"ALLOWED_HOSTS": "testserver"}
    worker.start()
    try:
        # Readers have the home page cached, without the verdict.
        assert headline not in django(HOME_PAGE, environment)

        server.send_signal(signal.SIGSTOP)
        started = time.monotonic()
        django(PUBLISH.format(pk=claim.pk), environment)
        # The publication committed although the broker never answered.
        claim.refresh_from_db()
        assert claim.status == Claim.Status.PUBLISHED
        assert claim.verdict.published_at is not None
        waiting = OutboxMessage.objects.filter(task="verify.verdict_changed", sent_at__isnull=True)
        assert waiting.count() == 1 and waiting.get().last_error
        assert time.monotonic() - started < 60

        server.send_signal(signal.SIGCONT)
        # What beat's drain_outbox does every 30 s.
        assert int(django(DRAIN, environment)) >= 1
        assert not waiting.exists()
        # The worker ran verdict_changed: the cached home page was invalidated.
        wait_for(
            lambda: headline in django(HOME_PAGE, environment),
            timeout=60,
            message="the home page to show the published verdict",
        )
    finally:
        server.send_signal(signal.SIGCONT)
        worker.stop()
