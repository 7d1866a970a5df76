"""python manage.py prune: delete delivered outbox rows and read notifications that are old.

Beat runs the same daily (verify.prune); how old is PRUNE_OUTBOX_DAYS and
PRUNE_NOTIFICATIONS_DAYS.
"""

from django.core.management.base import BaseCommand

from claims.notifications import prune


class Command(BaseCommand):
    help = "Delete delivered outbox messages and read notifications past their keeping time."

    def handle(self, **options):
        deleted = prune()
        self.stdout.write(", ".join(f"{n} {what} deleted" for what, n in deleted.items()) + ".")
