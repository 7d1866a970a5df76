"""Readers and fact-checkers at once for a minute: does anything fail, is any write lost?

    python bench/mixed_load.py [--seconds 60] [--readers 8] [--writers 4] [--replica]

Runs against gunicorn (compose.yaml's options) and a real Celery worker on this machine,
in the load database (verify_load, or BENCH_DATABASE_URL; `bench/public_load.py` fills it).
Readers open the home page, verdict pages and searches; fact-checkers log in and add notes
and evidence (whose sources the worker archives from a page served on 127.0.0.1). Every
write the server acknowledged (a redirect back to the claim) is looked for in the database
afterwards, and each writer reads its claim back at once (a stale read: its own write
missing). Prints requests per second, p50/p99 latency, 5xx and errors for each group,
acknowledged and missing writes, stale reads and archived evidence.

With --replica, a streaming replica of this machine's PostgreSQL is started (as the tests
do) and given to gunicorn as DATABASE_REPLICA_URL: readers' pages read from it. The run
also prints the replica's largest replay lag seen (sampled from pg_stat_replication every
0.2 s) and how many transactions it served.
"""

import argparse
import http.server
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import processes  # bench/processes.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "platform"))  # postgres_replica.py, as the tests use it

PORT = 8767
ENV = {
    "DJANGO_SETTINGS_MODULE": "verify.settings",
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verify_load"
    ),
    "REDIS_URL": "redis://127.0.0.1:6379/13",
    "CELERY_QUEUE": "verify-mixed-bench",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "LOG_LEVEL": "WARNING",
    "PUBLIC_SEARCH_PER_MINUTE": "0",
    "FETCH_ALLOWED_PRIVATE_HOSTS": "127.0.0.1",
}
os.environ.update(ENV)
PASSWORD = "bench-password-long-enough"


def prepare(writers):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from accounts import roles, two_factor
    from claims.models import Claim, Verdict

    call_command("ensure_db", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    roles.sync_roles()
    editors = []
    for n in range(writers):
        user, _ = get_user_model().objects.get_or_create(username=f"bench-writer-{n}")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=roles.EDITOR))
        # Editors give a second factor: each writer logs in with a recovery code of its own.
        two_factor.set_known_second_factor(user, uuid.uuid4().hex + "0" * 8, [])
        editors.append((user.username, two_factor.new_recovery_codes(user)[0]))
    claims = list(Claim.objects.filter(status="new").values_list("pk", flat=True)[:50])
    verdicts = list(
        Verdict.objects.filter(published_at__isnull=False).values_list("pk", flat=True)[:2000]
    )
    return editors, claims, verdicts


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.server_errors, self.errors = [], 0, 0

    def add(self, seconds, status):
        with self.lock:
            self.latencies.append(seconds)
            if status >= 500:
                self.server_errors += 1

    def failed(self):
        with self.lock:
            self.errors += 1

    def line(self, label, elapsed):
        lat = sorted(self.latencies) or [0]
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
        return (
            f"{label:12} {len(lat) / elapsed:8.0f} req/s  p50 {p(0.5):6.1f} ms  "
            f"p99 {p(0.99):7.1f} ms  5xx {self.server_errors}  errors {self.errors}"
        )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session():
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect()
    )  # fmt: skip
    return opener, jar


def call(opener, stats, method, path, data=None, headers=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", data=data, method=method, headers=headers or {}
    )
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except OSError:
        stats.failed()
        return None
    stats.add(time.perf_counter() - started, status)
    return status


def reader(stop, stats, verdicts, words):
    opener, _ = session()
    while not stop.is_set():
        roll = random.random()
        if roll < 0.2:
            path = "/"
        elif roll < 0.8:
            path = f"/verdicts/{random.choice(verdicts)}/"
        else:
            path = f"/verdicts/?q={random.choice(words)}"
        call(opener, stats, "GET", path)


def read(opener, stats, path):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=30) as response:
            body = response.read()
            stats.add(time.perf_counter() - started, response.status)
            return body
    except urllib.error.HTTPError as error:
        error.read()
        stats.add(time.perf_counter() - started, error.code)
    except OSError:
        stats.failed()
    return None


def writer(stop, stats, login, claims, acknowledged, stale, site):
    from urllib.parse import urlencode

    username, recovery_code = login
    opener, jar = session()
    call(opener, stats, "GET", "/accounts/login/")
    token = next(c.value for c in jar if c.name == "csrftoken")
    form = {"Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{PORT}/accounts/login/"}  # fmt: skip
    call(opener, stats, "POST", "/accounts/login/",
         urlencode({"username": username, "password": PASSWORD,
                    "csrfmiddlewaretoken": token}).encode(), form)  # fmt: skip
    token = next(c.value for c in jar if c.name == "csrftoken")
    call(opener, stats, "POST", "/accounts/two-factor/",
         urlencode({"code": recovery_code, "csrfmiddlewaretoken": token}).encode(),
         form)  # fmt: skip
    if call(opener, stats, "GET", "/newsroom/") != 200:
        raise RuntimeError(f"{username} could not log in to the newsroom")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": token,
        "Referer": f"http://127.0.0.1:{PORT}/newsroom/",
    }
    while not stop.is_set():
        claim = random.choice(claims)
        mark = uuid.uuid4().hex
        if random.random() < 0.6:
            kind, path = "note", f"/newsroom/claims/{claim}/notes/"
            body = {"body": f"Checked the footage again ({mark})"}
        else:
            kind, path = "evidence", f"/newsroom/claims/{claim}/evidence/"
            body = {"url": f"{site}/source/{mark}", "title": f"Source {mark}",
                    "stance": "context", "excerpt": ""}  # fmt: skip
        body["csrfmiddlewaretoken"] = token
        status = call(opener, stats, "POST", path, urlencode(body).encode(), headers)
        if status == 302:
            acknowledged.append((kind, mark))
            page = read(opener, stats, f"/newsroom/claims/{claim}/")
            if page is not None and mark.encode() not in page:
                stale.append((kind, mark))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--replica", action="store_true", help="readers read from a replica")
    args = parser.parse_args()

    editors, claims, verdicts = prepare(args.writers)
    if not verdicts or not claims:
        sys.exit("Fill the load database first: python bench/public_load.py")

    class Source(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<html><body><p>An archived source.</p></body></html>")

        def log_message(self, *args):
            pass

    source = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Source)
    threading.Thread(target=source.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{source.server_port}"
    subprocess.run(["redis-cli", "-n", "13", "flushdb"], check=True, capture_output=True)
    standby = lag = None
    if args.replica:
        standby, lag = start_replica()
    servers = [
        processes.gunicorn(PORT, ENV, quiet=True),
        processes.celery_worker(ENV["CELERY_QUEUE"], ENV),
    ]
    try:
        words = ["treaty", "missiles", "village", "ceasefire", "border", "army", "drones"]
        readers, writers, acknowledged, stale = Stats(), Stats(), [], []
        stop = threading.Event()
        threads = [
            threading.Thread(target=reader, args=(stop, readers, verdicts, words))
            for _ in range(args.readers)
        ] + [
            threading.Thread(
                target=writer,
                args=(stop, writers, editors[n], claims, acknowledged, stale, site),
            )
            for n in range(args.writers)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        print(readers.line("readers", elapsed))
        print(writers.line("writers", elapsed))
        print(f"stale reads by a writer of its own write: {len(stale)}")
        check(acknowledged)
        if standby is not None:
            print(lag.report())
    finally:
        processes.stop(*servers)
        source.shutdown()
        if standby is not None:
            lag.stop.set()
            standby.remove()


class Lag(threading.Thread):
    """Samples the replica's replay lag (from the primary) and counts its transactions."""

    def __init__(self, standby):
        super().__init__(daemon=True)
        self.standby, self.stop, self.worst, self.samples = standby, threading.Event(), 0.0, 0
        self.served_before = self.served()

    def served(self):
        import psycopg

        settings = self.standby.settings()
        with psycopg.connect(
            host="127.0.0.1", port=settings["PORT"], user=settings["USER"] or "postgres",
            dbname=settings["NAME"], autocommit=True,
        ) as conn:  # fmt: skip
            return conn.execute(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
                [settings["NAME"]],
            ).fetchone()[0]

    def run(self):
        from django.db import connection

        while not self.stop.is_set():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT COALESCE(EXTRACT(EPOCH FROM max(replay_lag)), 0) "
                    "FROM pg_stat_replication"
                )
                self.worst = max(self.worst, float(cursor.fetchone()[0]))
                self.samples += 1
            time.sleep(0.2)

    def report(self):
        return (
            f"replica: largest replay lag {self.worst * 1000:.0f} ms over {self.samples} "
            f"samples; transactions it served: {self.served() - self.served_before:,}"
        )


def start_replica():
    from django.db import connection
    from postgres_replica import Replica  # tests/platform/postgres_replica.py

    standby = Replica(connection.settings_dict).create()
    settings = standby.settings()
    ENV["DATABASE_REPLICA_URL"] = (
        f"postgres://{settings['USER'] or 'postgres'}@127.0.0.1:{settings['PORT']}/"
        f"{settings['NAME']}"
    )
    lag = Lag(standby)
    lag.start()
    print(f"replica on port {settings['PORT']}", flush=True)
    return standby, lag


def check(acknowledged):
    from claims.models import Evidence, Note

    notes = {m for kind, m in acknowledged if kind == "note"}
    evidence = {m for kind, m in acknowledged if kind == "evidence"}
    found_notes = sum(
        Note.objects.filter(body__endswith=f"({mark})").exists() for mark in notes
    )  # fmt: skip
    found_evidence = Evidence.objects.filter(title__in=[f"Source {m}" for m in evidence])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and found_evidence.exclude(archive_status="archived"):
        time.sleep(1)
    archived = found_evidence.filter(archive_status="archived").count()
    print(
        f"acknowledged writes: {len(acknowledged)} ({len(notes)} notes, {len(evidence)} "
        f"evidence); missing from the database: {len(notes) - found_notes} notes, "
        f"{len(evidence) - found_evidence.count()} evidence; archived by the worker: "
        f"{archived} of {found_evidence.count()}"
    )


if __name__ == "__main__":
    main()
