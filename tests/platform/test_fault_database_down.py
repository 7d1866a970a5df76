"""PostgreSQL unreachable while the site serves: a polite 503, /healthz says why, and the
site comes back by itself.

The outage is real for the server: its database stops accepting connections and its open
ones are cut (ALTER DATABASE … ALLOW_CONNECTIONS false, pg_terminate_backend), while this
test keeps its own connection to put things back. The server is gunicorn in a subprocess.
"""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests.conftest import ROOT, WorkerProcess, wait_for
from tests.platform.test_fault_redis_down import free_port


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@pytest.fixture
def site(demo, tmp_path):
    port = free_port()
    environment = WorkerProcess(tmp_path / "unused.log", tmp_path).environment() | {
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": "60",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "verify.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "30",
        ],  # fmt: skip
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "wb"),  # noqa: SIM115
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: _up(base), timeout=30, message="gunicorn")
    yield base
    server.terminate()
    server.wait()


def _up(base):
    try:
        return get(f"{base}/robots.txt")[0] == 200
    except OSError:
        return False


def database_outage(on):
    """Close the test database to everyone but this test (whose connection stays open)."""
    settings = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        mine = cursor.fetchone()[0]
    with psycopg.connect(
        dbname="postgres",
        user=settings["USER"] or "postgres",
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        autocommit=True,
    ) as admin:
        allow = "false" if on else "true"
        admin.execute(f'ALTER DATABASE "{settings["NAME"]}" ALLOW_CONNECTIONS {allow}')
        if on:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> %s",
                [settings["NAME"], mine],
            )


def test_pages_answer_503_during_a_database_outage_and_recover_by_themselves(site):
    assert get(f"{site}/verdicts/?q=treaty")[0] == 200
    try:
        database_outage(True)
        status, page, headers = get(f"{site}/verdicts/?q=ceasefire")
        assert status == 503
        assert "We cannot reach our database right now" in page
        assert headers["Retry-After"] == "30"
        status, body, _ = get(f"{site}/healthz")
        assert status == 503
        health = json.loads(body)
        assert health["status"] != "ok"
        assert health["services"]["database"]["ok"] is False
        assert health["services"]["database"]["detail"]  # why, in words
    finally:
        database_outage(False)

    wait_for(lambda: get(f"{site}/verdicts/?q=ceasefire")[0] == 200, message="the recovery")
    assert json.loads(get(f"{site}/healthz")[1])["services"]["database"]["ok"] is True
