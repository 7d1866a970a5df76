"""End-to-end time of an ingestion: from submitting a URL to "ready", through a real worker.

    python bench/ingest_e2e.py [--articles 30]

Serves news pages on 127.0.0.1, starts a Celery worker (its own queue, the development
database), submits each page as a fact-checker would and waits for the article to be ready:
fetch, text extraction, claim finding and related-claim lookup. Prints p50/p95/max.
Needs the development database (bin/run creates it) and Redis.
"""

import argparse
import http.server
import os
import sys
import threading
import time
from pathlib import Path

import processes  # bench/processes.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verify.settings")
os.environ.setdefault("DEBUG", "1")
os.environ["CELERY_QUEUE"] = "verify-bench"
os.environ["FETCH_ALLOWED_PRIVATE_HOSTS"] = "127.0.0.1"

ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def serve(pages):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = pages.get(self.path.split("?")[0], b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from claims.ingest import submit
    from claims.models import Article
    from verify.celery import app

    texts = [p.read_text() for p in sorted(ARTICLES.glob("*.txt"))]
    pages = {}
    for n in range(args.articles):
        paragraphs = texts[n % len(texts)].split("\n\n")
        html = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
        pages[f"/news/{n}"] = (
            f"<html lang='en'><head><title>{paragraphs[0]} ({n})</title></head>"
            f"<body><article><h1>{paragraphs[0]}</h1>{html}</article></body></html>"
        ).encode()
    server = serve(pages)
    run = int(time.time())
    worker = processes.celery_worker("verify-bench", {}, name=f"bench-{run}@localhost", quiet=False)
    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(destination=[f"bench-{run}@localhost"], timeout=0.5):
            if time.monotonic() > deadline:
                sys.exit("the worker did not start")
        timings = []
        for path in pages:
            url = f"http://127.0.0.1:{server.server_port}{path}?run={run}"
            started = time.perf_counter()
            article, _ = submit.submit_url(url)
            while Article.objects.filter(pk=article.pk, status__in=Article.IN_PROGRESS).exists():
                time.sleep(0.01)
            timings.append(time.perf_counter() - started)
            article.refresh_from_db()
            if article.status != Article.Status.READY:
                print(f"{url}: {article.status} {article.error}")
    finally:
        processes.stop(worker)
        server.shutdown()
    timings.sort()
    p50 = timings[len(timings) // 2]
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(
        f"{len(timings)} articles submit → ready: p50 {p50 * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
