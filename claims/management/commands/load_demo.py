from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.demo import DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent: only what is missing is created)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off. The demo users have published passwords.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "The demo users have well-known passwords; refusing with DEBUG off. "
                "Use --force on a machine nobody else can reach."
            )
        load_demo()
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready. Logins:"))
        for username, password, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {role:<13} {username} / {password}")
