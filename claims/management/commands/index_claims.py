"""python manage.py index_claims [--rebuild]

Brings every claim into the index, synchronously: embeds the claims whose vectors are
missing or read other words, then merges them into the index file. Idempotent: run it after
a restore, a first install or an import, or to mend a corrupt index (--rebuild makes the
file anew from the stored vectors).
"""

import time

from django.core.management.base import BaseCommand

from claims.meaning import index, vectors
from claims.models import Claim


class Command(BaseCommand):
    help = "Embed every claim and bring it into the index file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="make the index file anew from the vectors"
        )

    def handle(self, rebuild, **options):
        started = time.monotonic()
        total = Claim.objects.count()

        def progress(last_id, done):
            self.stderr.write(f"  … up to claim #{last_id}: {done} embedded")

        embedded = vectors.embed_everything(progress=progress if total > 5000 else None)
        merged = index.rebuild() if rebuild else 0
        while True:
            step = index.merge()
            merged += step
            if not step:
                break
        state = index.state()
        self.stdout.write(
            f"{total} claims: {embedded} embedded, {merged} merged into the index in "
            f"{time.monotonic() - started:.1f} s. Index: {state['detail']}"
        )
