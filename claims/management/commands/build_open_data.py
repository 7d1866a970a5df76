"""python manage.py build_open_data: write the open-data files now (beat does it nightly)."""

from django.core.management.base import BaseCommand

from claims.public import open_data


class Command(BaseCommand):
    help = "Write every published verdict to OPEN_DATA_DIR as JSON and CSV."

    def handle(self, **options):
        count = open_data.build()
        self.stdout.write(f"{count} verdicts written to {open_data.directory()}")
