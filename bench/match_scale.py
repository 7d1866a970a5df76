"""Matching by meaning at scale: `match` end to end with 1,000,000 claims, the index's size
and build time, the encoder's throughput, and what matching adds to an ingested article.

    python bench/match_scale.py --claims 1000000 [--queries 200] [--runs 3]

Works in its own database (verify_bench, or BENCH_DATABASE_URL) and its own index folder
(var/bench-index). Claims are generated as in bench/related_lookup.py. Their vectors are
synthetic (random unit vectors, stored as the worker would store them): encoding a million
claims for real takes the encoder about a day on these two cores (its throughput is
measured and printed), and the index's speed does not depend on what the vectors mean.
Queries are real sentences, encoded by the real encoder on every call, so each `match`
pays for encoding, the index search, the word search and the scoring, as in production.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def fill_vectors(rng_seed=7):
    """ClaimVector rows for every claim without one: random unit vectors, the right digest."""
    import numpy as np
    from django.db import connection

    from claims.meaning.encoder import encoder
    from claims.meaning.vectors import digest, to_bytes
    from claims.models import Claim, ClaimVector

    name, dim = encoder().name, encoder().dim
    rng = np.random.default_rng(rng_seed)
    missing = Claim.objects.filter(vector__isnull=True).count()
    if not missing:
        return 0
    print(f"storing synthetic vectors for {missing:,} claims…", flush=True)
    started, last, done = time.monotonic(), 0, 0
    with connection.cursor() as cursor:
        while True:
            rows = list(
                Claim.objects.filter(pk__gt=last, vector__isnull=True)
                .order_by("pk")
                .values_list("pk", "checkable_text", "text")[:50_000]
            )
            if not rows:
                break
            matrix = rng.standard_normal((len(rows), dim)).astype(np.float32)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
            with cursor.cursor.copy(
                "COPY claims_claimvector (claim_id, encoder, digest, checkable, embedded_at)"
                " FROM STDIN"
            ) as copy:
                for (pk, checkable, text), vector in zip(rows, matrix, strict=True):
                    copy.write_row(
                        (pk, name, digest(checkable, text, name), to_bytes(vector), "now()")
                    )
            last, done = rows[-1][0], done + len(rows)
            print(f"  {done:,}", flush=True)
        cursor.execute("ANALYZE claims_claimvector")
    print(f"stored in {time.monotonic() - started:.0f} s ({ClaimVector.objects.count():,} rows)")
    return done


def build_index():
    from claims.meaning import index

    started = time.monotonic()
    merged = index.merge(batch=100_000)
    while True:
        step = index.merge(batch=100_000)
        if not step:
            break
        merged += step
    seconds = time.monotonic() - started
    size = index.path().stat().st_size
    print(
        f"index: {merged:,} claims merged in {seconds:.0f} s "
        f"({merged / max(seconds, 1e-9):,.0f} claims/s); file {size / 1e6:,.0f} MB"
    )


def encoder_throughput():
    from claims.meaning.encoder import encoder

    sentences = [
        f"Azerbaijani forces shelled the village of Martuni on {day} November, killing "
        f"{day % 7 + 1} civilians, the ministry said."
        for day in range(1, 65)
    ]
    model = encoder()
    model.embed(sentences[:4])
    started = time.perf_counter()
    model.embed(sentences)
    batch = len(sentences) / (time.perf_counter() - started)
    single = []
    for sentence in sentences[:30]:
        started = time.perf_counter()
        model.embed([sentence])
        single.append((time.perf_counter() - started) * 1000)
    return batch, statistics.median(single)


def time_matches(queries):
    from claims.meaning.search import match

    timings = []
    for text in queries:
        started = time.perf_counter()
        match(text, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_article(queries, score_all=False):
    """What matching costs an article of 20 statements in the suggest step, as the step does
    it (claims/ingest/steps.py related_for_statements): the statements encoded while their
    word searches run, then one pass by meaning for all of them. Returns (ms for statements never
    seen, ms for the same statements seen before: the cache remembers their vectors).

    The synthetic vectors are far from every query, so the pass skips scoring them
    (search.SKIP_FAR_CANDIDATES); in a newsroom most of a statement's nearest claims are near.
    `score_all` times that case: every candidate scored."""
    from django.core.cache import cache

    from claims.ingest.attribution import Found
    from claims.ingest.matching import side_words
    from claims.ingest.steps import related_for_statements
    from claims.meaning import search
    from claims.meaning.encoder import encoder, remembered_key

    statements = [Found(text=q, speaker="the ministry", start=i, end=i + 1) for i, q in
                  enumerate(queries[:20])]  # fmt: skip
    cache.delete_many([remembered_key(encoder(), found.text) for found in statements])
    ignore = side_words()
    timings = []
    search.SKIP_FAR_CANDIDATES = not score_all
    try:
        for _seen_before in (False, True):
            started = time.perf_counter()
            related_for_statements(
                statements, [None] * len(statements), article_id=None, ignore=ignore
            )
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        search.SKIP_FAR_CANDIDATES = True
    return tuple(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    os.environ.setdefault("CLAIM_INDEX_DIR", str(ROOT / "var" / "bench-index"))
    from bench.related_lookup import fill, use_bench_database

    use_bench_database()
    from django.db import connection

    from claims.meaning import index
    from claims.models import Claim

    rng = random.Random(20201102)
    fill(args.claims, rng)
    fill_vectors()
    build_index()
    total = Claim.objects.count()
    print(f"{total:,} claims; index: {index.state()['detail']}")

    batch, single = encoder_throughput()
    print(
        f"encoder ({os.environ.get('OMP_NUM_THREADS', 'all')} threads): {batch:.1f} sentences/s "
        f"in batches, {single:.1f} ms for one sentence (median)"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM claims_claim ORDER BY random() LIMIT %s", [args.queries])
        samples = [row[0] for row in cursor.fetchall()]
    queries = []
    for text in samples:
        words = text.rstrip(".").split()
        rng.shuffle(words)
        queries.append(" ".join(words[: max(6, len(words) * 2 // 3)]))  # a reworded statement
    time_matches(queries[:10])  # warm: the encoder, the index file, PostgreSQL's cache
    summary = []
    for run in range(1, args.runs + 1):
        timings = time_matches(queries)
        article, remembered = time_article(queries)
        near, near_remembered = time_article(queries[20:], score_all=True)
        p50, p95, p99 = (percentile(timings, q) for q in (0.5, 0.95, 0.99))
        summary.append((p50, p95, p99, article, near))
        print(
            f"run {run}: match × {len(timings)}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"p99 {p99:.1f} ms; an article of 20 statements: {article:.0f} ms "
            f"(the same statements seen before: {remembered:.0f} ms); with every candidate "
            f"scored: {near:.0f} ms (seen before: {near_remembered:.0f} ms)"
        )
    p95s = [row[1] for row in summary]
    articles = [row[3] for row in summary]
    nears = [row[4] for row in summary]
    print(
        f"over {args.runs} runs: match p95 {min(p95s):.1f}–{max(p95s):.1f} ms "
        f"(median {statistics.median(p95s):.1f}); article {min(articles):.0f}–"
        f"{max(articles):.0f} ms, every candidate scored {min(nears):.0f}–{max(nears):.0f} ms"
    )


if __name__ == "__main__":
    main()
