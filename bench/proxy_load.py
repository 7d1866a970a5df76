"""Readers through Varnish against readers straight to gunicorn, in the same run, and how
long a correction takes to reach a reader through the cache.

    apt-get install -y wrk varnish   # once
    python bench/public_load.py      # once: fills the load database
    python bench/proxy_load.py [--seconds 10] [--runs 3] [--purges 10]

Starts gunicorn as compose.yaml runs it (127.0.0.1:8765), Varnish with
deploy/varnish/default.vcl in front of it (a free port) and a Celery worker, all on the
load database. For a verdict page and the home page, wrk (32 connections) runs against
each, `--runs` times in turn; then a verdict is corrected `--purges` times and the time
from the correction's commit to the first reader answer through Varnish that shows it is
measured (the outbox, the worker's verdict_changed, its purge task, Varnish's ban).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import processes  # bench/processes.py, beside this script
from public_load import ENV, PERCENTILES, PORT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "platform"))  # varnish.py, as the tests use it
from varnish import Varnish  # noqa: E402

ENV.update(CELERY_QUEUE="verify-proxy-bench", PUBLIC_SHARED_MAX_AGE="3600")
os.environ.update(ENV)


def wrk(port, path, seconds, script):
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", script, f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = float(re.search(r"P99 ([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p99, int(bad.group(1)) if bad else 0


def fetch(url):
    """(body, headers) of a page of our local servers."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - http on 127.0.0.1
        return response.read(), dict(response.headers)


def purge_to_visible(cache, verdict_pk, times):
    """Seconds from a correction's commit to a reader seeing it through Varnish."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accounts import roles
    from claims import actions
    from claims.models import Claim

    editor, _ = get_user_model().objects.get_or_create(username="bench-proxy-editor")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    url = cache.url(f"/verdicts/{verdict_pk}/")
    seen = []
    for _ in range(times):
        for _ in range(2):  # cached before the change
            fetch(url)
        note = f"Corrected for the benchmark ({uuid.uuid4().hex[:12]})."
        claim = Claim.objects.get(verdict__pk=verdict_pk)
        verdict = claim.verdict
        actions.record_correction(
            claim, editor, kind="update", note=note, version=verdict.version,
            rating=verdict.rating, headline=verdict.headline, summary=verdict.summary,
            explanation=verdict.explanation,
        )  # fmt: skip
        committed = time.perf_counter()
        while True:
            if note.encode() in fetch(url)[0]:
                break
            if time.perf_counter() - committed > 60:
                direct = f"http://127.0.0.1:{PORT}/verdicts/{verdict_pk}/"
                at_origin = note.encode() in fetch(direct)[0]
                headers = fetch(url)[1]
                sys.exit(
                    "the correction did not reach readers within 60 s "
                    f"(gunicorn shows it: {at_origin}; Varnish answered {headers})"
                )
            time.sleep(0.01)
        seen.append(time.perf_counter() - committed)
    return seen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--purges", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from claims.models import Verdict

    verdict = Verdict.objects.filter(published_at__isnull=False, claim__status="published")
    verdict = verdict.order_by("pk").first()
    if verdict is None:
        sys.exit("Fill the load database first: python bench/public_load.py")
    subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=True, capture_output=True)
    script = Path(tempfile.mkdtemp()) / "percentiles.lua"
    script.write_text(PERCENTILES)
    web = processes.gunicorn(PORT, ENV, quiet=True)
    cache = Varnish("127.0.0.1", PORT, memory="256m")
    ENV["CACHE_PURGE_URLS"] = os.environ["CACHE_PURGE_URLS"] = cache.url("/")
    worker = processes.celery_worker(ENV["CELERY_QUEUE"], ENV)
    try:
        for label, path in (("verdict page", f"/verdicts/{verdict.pk}/"), ("home page", "/")):
            for name, port in (("gunicorn", PORT), ("varnish", cache.port)):
                runs = [wrk(port, path, args.seconds, str(script)) for _ in range(args.runs)]
                rps = [r[0] for r in runs]
                p99 = [r[1] for r in runs]
                print(
                    f"{label:12} via {name:8}: {min(rps):8.0f}–{max(rps):8.0f} req/s, "
                    f"p99 {min(p99):6.1f}–{max(p99):6.1f} ms, non-2xx {sum(r[2] for r in runs)}"
                    f" ({args.runs} runs of {args.seconds} s, 32 connections)",
                    flush=True,
                )
        seen = purge_to_visible(cache, verdict.pk, args.purges)
        print(
            f"correction → visible through Varnish: median {statistics.median(seen) * 1000:.0f}"
            f" ms, max {max(seen) * 1000:.0f} ms ({len(seen)} corrections)"
        )
    finally:
        processes.stop(worker, web)
        cache.stop()


if __name__ == "__main__":
    main()
