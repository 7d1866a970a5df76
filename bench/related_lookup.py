"""Time of the related-claim lookup with many claims in the database.

    python bench/related_lookup.py --claims 10000 [--queries 300] [--runs 3]
    python bench/related_lookup.py --claims 1000000

Works in its own database (verify_bench on the local PostgreSQL, or BENCH_DATABASE_URL),
fills it with generated claims (a 40,000-word vocabulary drawn with a Zipf distribution,
place and people names, speakers on four sides) and times related_claims() for statements
that share words with some of them. Prints p50, p95 and p99 in milliseconds.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SYLLABLES = "ka ra ba to mi ne sa lu vo de ri an el or us ta po li gu ze ha ni sho ar"
DOMAIN = (
    "shelled fired missiles artillery village town positions civilians killed wounded "
    "drones struck power station munitions phosphorus cluster rockets ceasefire talks "
    "troops army ministry defence foreign fighters mercenaries captured control front "
    "border convoy humanitarian corridor hospital school bridge airport refinery"
)


def vocabulary(rng, size=40_000):
    syllables, domain = SYLLABLES.split(" "), DOMAIN.split(" ")
    words = set(domain)
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (w not in domain, rng.random()))


def sentence(rng, words, names, weights):
    length = rng.randint(10, 24)
    chosen = rng.choices(words, cum_weights=weights, k=length)
    for i in rng.sample(range(length), 2):
        chosen[i] = rng.choice(names)
    return " ".join(chosen).capitalize() + "."


def fill(count, rng):
    from django.db import connection

    from claims.models import Actor, Claim, Side

    have = Claim.objects.count()
    if have >= count:
        return
    sides = [Side.objects.get_or_create(name=n, slug=n.lower())[0] for n in "ABCD"]
    actors = [
        Actor.objects.get_or_create(
            name=f"Speaker {i}", defaults={"slug": f"speaker-{i}", "side": sides[i % 4]}
        )[0]  # fmt: skip
        for i in range(40)
    ]
    words = vocabulary(rng)
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank  # Zipf: the n-th word is n times rarer than the first
        weights.append(total)
    syllables = SYLLABLES.split(" ")
    names = ["".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(3000)]
    print(f"generating {count - have:,} claims…", flush=True)
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS claim_search_gin")
        batch = 50_000
        for offset in range(have, count, batch):
            buffer = io.StringIO()
            for _ in range(min(batch, count - offset)):
                text = sentence(rng, words, names, weights)
                actor = rng.choice(actors).pk
                stance = rng.choice(["assertion", "assertion", "accusation", "denial"])
                buffer.write(f"{text}\t{actor}\t{stance}\n")
            buffer.seek(0)
            with cursor.cursor.copy(
                "COPY claims_claim (text, speaker_id, stance, checkable_text, language, status,"
                " rejection_reason, created_at, updated_at, version) FROM STDIN"
                " WITH (FORMAT text)"
            ) as copy:
                for line in buffer:
                    text, actor, stance = line.rstrip("\n").split("\t")
                    copy.write_row((text, actor, stance, "", "en", "new", "", "now()", "now()", 1))
            print(f"  {min(offset + batch, count):,}", flush=True)
        print("indexing…", flush=True)
        cursor.execute("CREATE INDEX claim_search_gin ON claims_claim USING gin (search)")
        cursor.execute("ANALYZE claims_claim")
    print(f"filled in {time.monotonic() - started:.0f} s")


def use_bench_database():
    """Django set up on the benchmarks' own database (verify_bench, or BENCH_DATABASE_URL),
    created and migrated if need be."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verify.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verify_bench"
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("ensure_db", verbosity=0)
    call_command("migrate", verbosity=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    use_bench_database()
    from django.db import connection

    from claims.ingest.matching import related_claims
    from claims.models import Claim, Side

    rng = random.Random(20201102)
    fill(args.claims, rng)
    total = Claim.objects.count()
    side = Side.objects.first().pk
    p95s = []
    for run in range(1, args.runs + 1):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT text FROM claims_claim ORDER BY random() LIMIT %s", [args.queries]
            )
            samples = [row[0] for row in cursor.fetchall()]
        timings, hits = [], 0
        for text in samples:
            words = text.rstrip(".").split()
            rng.shuffle(words)
            query = " ".join(words[: max(6, len(words) * 2 // 3)])  # a reworded statement
            started = time.perf_counter()
            found = related_claims(query, side_id=side, stance="assertion")
            timings.append((time.perf_counter() - started) * 1000)
            hits += bool(found)
        timings.sort()
        p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]  # noqa: E731, B023
        p95s.append(p(0.95))
        print(
            f"run {run}: {total:,} claims, {len(timings)} lookups: p50 {p(0.5):.1f} ms, "
            f"p95 {p(0.95):.1f} ms, p99 {p(0.99):.1f} ms, mean {statistics.mean(timings):.1f} "
            f"ms; {hits} of {len(timings)} found related claims"
        )
    print(
        f"over {args.runs} runs: p95 {min(p95s):.1f}–{max(p95s):.1f} ms "
        f"(median {statistics.median(p95s):.1f})"
    )


if __name__ == "__main__":
    main()
