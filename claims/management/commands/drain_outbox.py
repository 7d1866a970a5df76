"""python manage.py drain_outbox: send the outbox messages the broker missed (beat does this
every 30 s; by hand after an outage, to see it done)."""

from django.core.management.base import BaseCommand

from claims.platform import outbox


class Command(BaseCommand):
    help = "Send every outbox message that is not sent yet."

    def handle(self, **options):
        self.stdout.write(f"{outbox.drain()} message(s) sent.")
