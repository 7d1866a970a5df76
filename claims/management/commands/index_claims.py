"""python manage.py index_claims [--rebuild] [--follow [--every SECONDS]]

Brings every claim into the index, synchronously: embeds the claims whose vectors are
missing or read other words, then merges them into the index file. Idempotent: run it after
a restore, a first install or an import, or to mend a corrupt index (--rebuild makes the
file anew from the stored vectors).

--follow keeps this machine's file up to date afterwards, merging every --every seconds
(60): run it beside the web processes of a machine with an index file of its own
(CLAIM_INDEX_DIR on a local disk), where no worker of this machine merges it.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from claims.meaning import index, vectors
from claims.models import Claim


class Command(BaseCommand):
    help = "Embed every claim and bring it into the index file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="make the index file anew from the vectors"
        )
        parser.add_argument(
            "--follow", action="store_true", help="then keep merging what is embedded since"
        )
        parser.add_argument(
            "--every", type=float, default=60.0, help="seconds between merges with --follow"
        )

    def handle(self, rebuild, follow, every, **options):
        if every <= 0:
            raise CommandError("--every must be a positive number of seconds")
        started = time.monotonic()
        total = Claim.objects.count()

        def progress(last_id, done):
            self.stderr.write(f"  … up to claim #{last_id}: {done} embedded")

        embedded = vectors.embed_everything(progress=progress if total > 5000 else None)
        merged = index.rebuild() if rebuild else 0
        merged += merge_all()
        state = index.state()
        self.stdout.write(
            f"{total} claims: {embedded} embedded, {merged} merged into the index in "
            f"{time.monotonic() - started:.1f} s. Index: {state['detail']}"
        )
        while follow:
            self.stdout.flush()  # a log collector reads it as it goes
            time.sleep(every)
            step = merge_all()
            if step:
                self.stdout.write(f"{step} merged. Index: {index.state()['detail']}")


def merge_all():
    merged = 0
    while step := index.merge():
        merged += step
    return merged
