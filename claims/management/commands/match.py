"""python manage.py match "TEXT" [--limit N] [--json]

Has this been checked? Prints the newsroom's claims that TEXT repeats ("same"), answers
("counter") or is about ("related"), best first, in any language. --json prints one object,
a contract other tools rely on:

{"query": "...", "language": "xx", "matches": [{"claim_id": 12, "text": "...",
 "kind": "same"|"counter"|"related", "score": 0.87, "language": "en",
 "verdict_url": "/verdicts/3/" or null}]}

Claims that have no vectors yet (no worker was running when they were made) are embedded
first, up to CATCH_UP of them; more than that needs `manage.py index_claims`.
"""

import json
import logging

from django.core.management.base import BaseCommand, CommandError

from claims.meaning import vectors
from claims.meaning.search import MAX_LIMIT, BadQuery, match

logger = logging.getLogger(__name__)
CATCH_UP = 2000


class Command(BaseCommand):
    help = "Find the claims a sentence repeats or answers, in any language."

    def add_arguments(self, parser):
        parser.add_argument("text", metavar="TEXT")
        parser.add_argument("--limit", type=int, default=10, help=f"at most {MAX_LIMIT}")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, text, limit, **options):
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
        self.catch_up()
        try:
            result = match(text, limit=limit)
        except BadQuery as exc:
            raise CommandError(f"Cannot match this text: {exc}") from exc
        if result.degraded:
            self.stderr.write(f"Warning: matching by words only: {result.degraded}")
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"{result.query}  [{result.language}]")
        if not result.matches:
            self.stdout.write("No claim of ours matches.")
        for found in result.matches:
            verdict = found.verdict_url or "no verdict yet"
            self.stdout.write(
                f"{found.score:.2f}  {found.kind:<8} #{found.claim_id} [{found.language}] "
                f"{found.text}  ({verdict})"
            )

    def catch_up(self):
        missing = vectors.claims_without_vectors(CATCH_UP + 1)
        if len(missing) > CATCH_UP:
            self.stderr.write(
                f"Warning: more than {CATCH_UP} claims have no vectors yet; "
                "run `manage.py index_claims` (or start a worker) to match them by meaning."
            )
            missing = missing[:CATCH_UP]
        if missing:
            vectors.embed_claims(missing)
