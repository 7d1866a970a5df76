"""Readers under a traffic spike: gunicorn as in compose.yaml, 10,000 published verdicts, wrk.

    apt-get install -y wrk          # once
    python bench/public_load.py [--verdicts 10000] [--claims 0] [--seconds 15]

Uses its own database (verify_load, or BENCH_DATABASE_URL) and its own Redis database (14),
fills it with published verdicts (and, with --claims, unpublished claims as well, to see
search with a large claims table), starts gunicorn with compose.yaml's options on
127.0.0.1:8765 and runs wrk for each of:

- robots.txt: a trivial view on the same server, the framework's floor;
- one verdict page (what a viral link does: the same page for everyone, from the cache);
- search with a different query on every request (mostly not cached).

It prints requests per second, p50/p95/p99 latency and non-2xx responses for each, with
32 connections (a spike), and for search also with 3 (one per worker: the time a search
takes without waiting in line).
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import processes  # bench/processes.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {
    "DJANGO_SETTINGS_MODULE": "verify.settings",
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verify_load"
    ),
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "LOG_LEVEL": "WARNING",
    "PUBLIC_SEARCH_PER_MINUTE": "0",  # wrk is one client sending thousands of searches
}
os.environ.update(ENV)
PORT = 8765
WORDS = [
    "shelling",
    "missiles",
    "village",
    "ceasefire",
    "treaty",
    "phosphorus",
    "fighters",
    "drones",
    "border",
    "army",
    "ministry",
    "civilians",
    "rockets",
    "artillery",
    "convoy",
    "hospital",
    "talks",
    "corridor",
    "bridge",
    "airport",
]

LUA = """
local words = {%(words)s}
math.randomseed(os.time())
request = function()
  local q = words[math.random(#words)] .. "+" .. words[math.random(#words)]
  return wrk.format("GET", "/verdicts/?q=" .. q .. "&n=" .. math.random(1000000))
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %%.2f P95 %%.2f P99 %%.2f\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""
PERCENTILES = """
done = function(summary, latency, requests)
  io.write(string.format("P50 %.2f P95 %.2f P99 %.2f\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def fill(verdicts, claims):
    from django.core.management import call_command

    call_command("ensure_db", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from related_lookup import vocabulary  # the same words: Zipf over a 40,000-word vocabulary

    from claims.models import Actor, Claim, Rating, Side, Topic, Verdict

    rng = random.Random(7)
    words = vocabulary(rng)
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        weights.append(total)

    def text(n):
        return " ".join(rng.choices(words, cum_weights=weights, k=n)).capitalize()

    have = Verdict.objects.filter(published_at__isnull=False).count()
    if have < verdicts:
        editor, _ = get_user_model().objects.get_or_create(username="bench-editor")
        sides = [Side.objects.get_or_create(name=f"Side {n}", slug=f"side-{n}")[0] for n in "AB"]
        actors = [
            Actor.objects.get_or_create(
                name=f"Ministry {i}", defaults={"slug": f"ministry-{i}", "side": sides[i % 2]}
            )[0]
            for i in range(20)
        ]
        topics = [Topic.objects.get_or_create(name=w, slug=w)[0] for w in WORDS[:6]]
        ratings = list(Rating.objects.all())
        now = timezone.now()
        print(f"creating {verdicts - have:,} published verdicts…", flush=True)
        for start in range(have, verdicts, 2000):
            batch = range(start, min(verdicts, start + 2000))
            made = Claim.objects.bulk_create(
                Claim(
                    text=f"{text(14)} (statement {i})",
                    checkable_text=text(10),
                    speaker=rng.choice(actors),
                    status=Claim.Status.PUBLISHED,
                )
                for i in batch
            )
            Claim.topics.through.objects.bulk_create(
                Claim.topics.through(claim=c, topic=rng.choice(topics)) for c in made
            )
            Verdict.objects.bulk_create(
                Verdict(
                    claim=c,
                    rating=rng.choice(ratings),
                    headline=text(6),
                    summary=" ".join(text(20) for _ in range(2)),
                    explanation=" ".join(text(24) for _ in range(6)),
                    author=editor,
                    reviewer=editor,
                    published_at=now,
                )
                for c in made
            )
    if claims:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "related_lookup.py"),
                "--claims",
                str(claims),
                "--queries",
                "1",
            ],  # fmt: skip
            env=os.environ | {"BENCH_DATABASE_URL": ENV["DATABASE_URL"]},
            check=True,
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # Readers search for words that are neither the commonest nor unheard of.
    return Verdict.objects.filter(published_at__isnull=False).first().pk, words[20:420]


def wrk(path, seconds, script, connections=32):
    threads = min(2, connections)
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            script,
            f"http://127.0.0.1:{PORT}{path}",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50, p95, p99 = map(float, re.search(r"P50 ([\d.]+) P95 ([\d.]+) P99 ([\d.]+)", out).groups())
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: (.*)", out)
    return rps, p50, p95, p99, int(errors.group(1)) if errors else 0, sockets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--verdicts", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=0, help="also this many claims in all")
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    import django

    django.setup()
    verdict_id, query_words = fill(args.verdicts, args.claims)
    subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=True, capture_output=True)
    server = processes.gunicorn(PORT, ENV)
    folder = Path(tempfile.mkdtemp())
    search_lua = folder / "search.lua"
    search_lua.write_text(LUA % {"words": ", ".join(f'"{w}"' for w in query_words)})
    plain_lua = folder / "plain.lua"
    plain_lua.write_text(PERCENTILES)
    try:
        rows = [
            ("floor: /robots.txt", "/robots.txt", plain_lua, 32),
            (f"verdict page /verdicts/{verdict_id}/", f"/verdicts/{verdict_id}/", plain_lua, 32),
            ("search, a new query each time", "/verdicts/", search_lua, 32),
            # One connection per gunicorn worker: the time a search takes, without queueing.
            ("search, 3 connections", "/verdicts/", search_lua, 3),
        ]
        print(f"{'':38} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
        results = {}
        for label, path, script, connections in rows:
            wrk(path, 3, script, connections)  # warm up
            rps, p50, p95, p99, errors, sockets = wrk(path, args.seconds, script, connections)
            results[label] = rps
            print(f"{label:38} {rps:8.0f} {p50:8.1f} {p95:8.1f} {p99:8.1f} {errors:8d}"
                  + (f"  socket errors: {sockets.group(1)}" if sockets else ""))  # fmt: skip
        floor = results["floor: /robots.txt"]
        page = results[f"verdict page /verdicts/{verdict_id}/"]
        print(f"verdict page at {page / floor:.0%} of the floor's throughput")
    finally:
        processes.stop(server)


if __name__ == "__main__":
    main()
