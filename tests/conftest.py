"""Fixtures on the real services: PostgreSQL, Redis, a Celery worker process and Chromium."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from claims.defaults import ensure_default_scale
from claims.models import Rating, RatingScale
from verify.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(autouse=True)
def fresh_public_cache():
    """Each test starts with no cached public page (the cache lives in the test Redis)."""
    from claims.public.page_cache import invalidate

    invalidate()


@pytest.fixture(autouse=True)
def own_claim_index(settings, tmp_path):
    """Each test has a claim index file of its own. One file for the whole run would gather
    the vectors of every test's claims (the database is emptied between tests, the file is
    not), and those old copies would crowd the nearest neighbours of the test's own."""
    settings.CLAIM_INDEX_DIR = str(tmp_path / "claim-index")


@pytest.fixture
def newsroom_setup(db):
    """Roles and the default scale: created by migrations, but wiped by transactional tests."""
    roles.sync_roles()
    return ensure_default_scale(RatingScale, Rating)


@pytest.fixture
def make_user(newsroom_setup):
    def make(username=None, role=None, password="a-long-test-password", **extra):
        user = get_user_model().objects.create_user(
            username=username or f"user-{uuid.uuid4().hex[:8]}", password=password, **extra
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def demo(transactional_db):
    from claims.demo.newsroom import load_demo

    yield load_demo()


# --- a real Celery worker --------------------------------------------------------------------


class WorkerProcess:
    """A `celery worker` subprocess on the test database, the test Redis and the test queue."""

    def __init__(self, log_path, mail_dir, extra_env=None, queues=None):
        self.name = f"test-{uuid.uuid4().hex[:8]}@localhost"
        # Every queue unless told (compose.yaml runs a worker per kind of work).
        self.queues = queues or [queue.name for queue in settings.CELERY_TASK_QUEUES]
        self.log_path = log_path
        self.mail_dir = mail_dir
        self.extra_env = extra_env or {}
        self.process = None

    def sent_mail(self):
        """Every e-mail the worker sent so far, as raw text."""
        messages = []
        for path in sorted(self.mail_dir.glob("*")):
            messages += [m for m in path.read_text().split("-" * 79) if "Subject:" in m]
        return messages

    def environment(self):
        db = settings.DATABASES["default"]
        env = dict(os.environ)
        env.update(
            TEST_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            TEST_EMAIL_DIR=str(self.mail_dir),
            CLAIM_INDEX_DIR=str(self.mail_dir.parent / "claim-index"),
            DJANGO_SETTINGS_MODULE="verify.settings_test",
            DATABASE_URL=(
                f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            ),
        )
        env.update(self.extra_env)
        return env

    def start(self, timeout=30):
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed by the process' end
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "verify",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "-n",
                self.name,
                "-Q",
                ",".join(self.queues),
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the worker exited; see {self.log_path}")
            if self._ready():
                return self
        self.stop()
        raise RuntimeError(f"the worker did not answer within {timeout} s; see {self.log_path}")

    def _ready(self):
        if "REDIS_URL" in self.extra_env:  # another broker: our app cannot ping it
            time.sleep(0.2)
            return b" ready." in self.log_path.read_bytes()
        return bool(celery_app.control.ping(destination=[self.name], timeout=0.5))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self):
        """SIGKILL, as when the machine runs out of memory: no clean shutdown, no ack."""
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    with celery_app.connection_for_write() as conn:
        for queue in settings.CELERY_TASK_QUEUES:
            conn.default_channel.queue_purge(queue.name)
    folder = tmp_path_factory.mktemp("worker")
    worker = WorkerProcess(folder / "worker.log", folder / "mail").start()
    _MODULE_WORKERS.append(worker)
    yield worker
    _MODULE_WORKERS.remove(worker)
    worker.stop()


_MODULE_WORKERS = []  # the module's worker, alive between tests that do not ask for it


@pytest.fixture(autouse=True)
def module_worker_done_before_flush(request):
    """A module's worker, started for an earlier test, is still running and takes the tasks
    of every later test in the module, even one that does not ask for it (one that loads
    the demo, say). Before a transactional test's database is flushed, let it finish, or
    the flush can deadlock on the rows a task holds (seen in CI)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    if not (transactional and _MODULE_WORKERS):
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so flushed after this ends
    yield
    for worker in _MODULE_WORKERS:
        if worker.process.poll() is None:
            _let_the_worker_finish(worker)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def worker(request, celery_worker_process, transactional_db):
    """A running worker, and a database whose commits that worker can see.

    When the test fails, the end of the worker's log is printed with the failure.
    """
    for path in celery_worker_process.mail_dir.glob("*"):
        path.unlink()
    log_size = celery_worker_process.log_path.stat().st_size
    yield celery_worker_process
    _let_the_worker_finish(celery_worker_process)
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        with open(celery_worker_process.log_path, "rb") as log:
            log.seek(log_size)
            print("--- the worker's log during this test ---")
            print(log.read().decode(errors="replace")[-6000:])


def _let_the_worker_finish(process, timeout=30):
    """Before the test's database is flushed: drop the tasks still queued (their rows are
    about to go) and wait for the one running to end. A task holding row locks while the
    flush truncates the tables is a deadlock, which PostgreSQL breaks by failing the flush."""
    with celery_app.connection_for_write() as conn:
        for queue in settings.CELERY_TASK_QUEUES:
            conn.default_channel.queue_purge(queue.name)
    inspect = celery_app.control.inspect(destination=[process.name], timeout=1.0, limit=1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        active = inspect.active()  # None while the solo worker is busy with a task
        if active is not None and not any(active.values()):
            return
        time.sleep(0.1)


def wait_for(condition, timeout=45, interval=0.1, message="condition"):
    """Poll until `condition()` is true. Generous: a loaded CI machine can be slow."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}")


# --- a real browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A browser tab on the live server. A test fails if the page broke our
    Content-Security-Policy (an inline script, a foreign source) or raised a script error."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield page
    context.close()
    assert not problems, problems


# --- pages served on 127.0.0.1 -----------------------------------------------------------------


class LocalSite:
    """A tiny web server on 127.0.0.1 serving what a test puts in `pages`."""

    def __init__(self):
        import http.server
        import threading

        pages = self.pages = {}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                status, headers, body = pages.get(self.path, (404, {}, b"not found"))
                if callable(body):
                    body = body()
                self.send_response(status)
                for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site():
    site = LocalSite()
    yield site
    site.close()
