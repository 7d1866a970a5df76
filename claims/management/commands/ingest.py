"""python manage.py ingest URL_OR_FILE [--wait] [--accept] [--json]

Submits a web address or a .txt/.html file to the ingestion pipeline (run by the Celery
worker). --wait waits for the pipeline; --accept also accepts every suggested claim, as a
fact-checker would, for bulk imports of trusted material; --json prints one JSON object:
{"article": {...}, "claims": [...]}, defined in claims/ingest/contract.py. The JSON shape is
a contract other tools rely on.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from claims.ingest import contract, review
from claims.ingest.submit import IngestError, Source, submit
from claims.models import Article


class Command(BaseCommand):
    help = "Ingest an article from a web address or a .txt/.html file."

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="URL_OR_FILE")
        parser.add_argument("--wait", action="store_true", help="wait for the pipeline")
        parser.add_argument(
            "--accept", action="store_true", help="accept every suggestion (implies --wait)"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--timeout", type=float, default=120, help="seconds to wait (default 120)"
        )

    def handle(self, source, wait, accept, timeout, **options):
        article = self.submit(source)
        if wait or accept:
            article = self.wait(article, timeout)
        if accept and article.status == Article.Status.READY:
            review.accept_all(article, by=None)
        self.report(article, as_json=options["json"])
        if article.status == Article.Status.FAILED:
            raise CommandError(f"The article failed: {article.error}")
        if (wait or accept) and article.status != Article.Status.READY:
            raise CommandError(
                f"Still “{article.get_status_display()}” after {timeout:g} s: is a worker running?"
            )

    def submit(self, argument):
        try:
            return submit(Source.from_argument(argument))[0]
        except IngestError as exc:
            raise CommandError(str(exc)) from None

    def wait(self, article, timeout):
        deadline = time.monotonic() + timeout
        while True:
            article.refresh_from_db()
            if not article.in_progress or time.monotonic() > deadline:
                return article
            time.sleep(0.1)

    def report(self, article, as_json):
        data = contract.as_json(article)
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        self.stdout.write(f"Article {article.pk}: {article} [{article.get_status_display()}]")
        for claim in data["claims"]:
            who = claim["actor"] or f"{claim['speaker']} (new speaker)"
            self.stdout.write(f"- {who}: {claim['text']}")
            for link in claim["related"]:
                self.stdout.write(f"    {link['kind']} claim {link['claim_id']} ({link['score']})")
