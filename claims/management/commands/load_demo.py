from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor
from claims.demo.newsroom import DEMO_AUTHENTICATOR_KEYS, DEMO_USERS, demo_recovery_codes, load_demo


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
        users = load_demo()["users"]
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready. Logins:"))
        for username, password, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {role:<13} {username} / {password}")
        self.stdout.write(
            "Editors and admins also give a second factor: a code from an authenticator app "
            "with the key below, or a recovery code (each works once; load_demo renews them)."
        )
        for username, _password, role, *_ in DEMO_USERS:
            if username in DEMO_AUTHENTICATOR_KEYS:
                device = two_factor.authenticator_of(users[role])
                codes = ", ".join(demo_recovery_codes(username))
                self.stdout.write(f"  {username:<13} key {two_factor.secret_for_typing(device)}")
                self.stdout.write(f"  {'':<13} recovery codes {codes}")
