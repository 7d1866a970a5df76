"""python manage.py webhooks add URL --events verdict.published,verdict.corrected [--secret S]
python manage.py webhooks ping ID
python manage.py webhooks list

`add` prints the new endpoint's id (and, when no --secret is given, the secret it made: shown
this once). `ping` sends a signed `ping` event at once and prints the HTTP status it got;
a failure exits with status 1 and the reason on standard error.
"""

from django.core.management.base import BaseCommand, CommandError

from claims.models import WebhookEndpoint
from claims.partners import webhooks


class Command(BaseCommand):
    help = "Register partners' webhook endpoints and test them."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="register an endpoint; prints its id")
        add.add_argument("url", metavar="URL")
        add.add_argument(
            "--events",
            required=True,
            help=f"comma-separated, among: {', '.join(webhooks.EVENTS)}",
        )
        add.add_argument("--secret", help="the signing secret (made for you when left out)")
        ping = sub.add_parser("ping", help="send a signed ping now; prints the HTTP status")
        ping.add_argument("id", type=int, metavar="ID")
        sub.add_parser("list", help="the endpoints, their events and state")

    def handle(self, action, **options):
        return getattr(self, f"do_{action}")(**options)

    def do_add(self, url, events, secret=None, **options):
        try:
            endpoint, made = webhooks.add_endpoint(url, events.split(","), secret)
        except webhooks.BadEndpoint as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(endpoint.pk))
        if not secret:
            self.stderr.write(f"secret (shown once): {made}")

    def do_ping(self, id, **options):
        endpoint = WebhookEndpoint.objects.filter(pk=id).first()
        if endpoint is None:
            raise CommandError(f"There is no webhook endpoint {id}.")
        try:
            status = webhooks.ping(endpoint)
        except webhooks.BadEndpoint as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(status))

    def do_list(self, **options):
        for endpoint in WebhookEndpoint.objects.all():
            state = "active" if endpoint.active else f"off: {endpoint.disabled_reason}"
            self.stdout.write(
                f"{endpoint.pk}\t{endpoint.url}\t{','.join(endpoint.events)}\t{state}"
            )
