"""python manage.py resume_ingestions: enqueue again the articles whose pipeline step has not
moved for a while, e.g. after a worker was lost (beat does this every 5 minutes)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from claims.ingest.submit import resume_stalled


class Command(BaseCommand):
    help = "Enqueue again the ingestions that have not moved for --minutes (default 15)."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=float, default=15)

    def handle(self, minutes, **options):
        count = resume_stalled(older_than=timedelta(minutes=minutes))
        self.stdout.write(f"{count} article(s) enqueued again.")
