"""python manage.py export [FILE]: the whole newsroom as JSON (standard output without FILE)."""

import json

from django.core.management.base import BaseCommand

from claims.portability import export_newsroom


class Command(BaseCommand):
    help = "Export the whole newsroom (claims, verdicts, evidence, audit trail…) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="write here instead of standard output")

    def handle(self, file=None, **options):
        text = json.dumps(export_newsroom(), ensure_ascii=False, indent=1, sort_keys=True)
        if file:
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Exported the newsroom to {file}.")
        else:
            self.stdout.write(text)
