"""python manage.py checked_elsewhere add NAME URL
python manage.py checked_elsewhere read [ID ...]
python manage.py checked_elsewhere find "TEXT"

`add` registers a source of other outlets' ClaimReviews (a DataFeed or a page with
ClaimReview JSON-LD) and prints its id; `read` reads the given sources (all active ones when
none is given) now, as beat does hourly, and prints what each gave; `find` prints the
imported fact-checks of the claim TEXT states.
"""

from django.core.management.base import BaseCommand, CommandError

from claims.ingest.fetch import FetchError, check_url
from claims.models import FactCheckSource
from claims.partners import elsewhere


class Command(BaseCommand):
    help = "Other outlets' fact-checks: add a source, read sources now, find a claim's."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="register a source; prints its id")
        add.add_argument("name", metavar="NAME", help="the outlet, as fact-checkers see it")
        add.add_argument("url", metavar="URL")
        read = sub.add_parser("read", help="read sources now")
        read.add_argument("ids", nargs="*", type=int, metavar="ID")
        find = sub.add_parser("find", help="the imported fact-checks of a claim")
        find.add_argument("text", metavar="TEXT")

    def handle(self, action, **options):
        return getattr(self, f"do_{action}")(**options)

    def do_add(self, name, url, **options):
        try:
            url = check_url(url)
        except FetchError as exc:
            raise CommandError(str(exc)) from None
        if not name.strip():
            raise CommandError("Give the outlet's name.")
        source, _made = FactCheckSource.objects.update_or_create(
            url=url, defaults={"name": name.strip()[:200], "active": True}
        )
        self.stdout.write(str(source.pk))

    def do_read(self, ids, **options):
        sources = FactCheckSource.objects.filter(active=True)
        if ids:
            sources = FactCheckSource.objects.filter(pk__in=ids)
            missing = set(ids) - set(sources.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No source with id {', '.join(map(str, sorted(missing)))}.")
        failed = False
        for source in sources:
            report = elsewhere.import_source(source)
            source.refresh_from_db()
            self.stdout.write(
                f"{source.pk} {source.name}: {report.imported} new, {report.updated} updated, "
                f"{report.unchanged} unchanged, {len(report.skipped)} skipped"
            )
            for reason in report.skipped:
                self.stderr.write(f"  skipped: {reason}")
            if source.last_error and not (report.imported or report.updated or report.unchanged):
                self.stderr.write(f"  {source.last_error}")
                failed = True
        if failed:
            raise CommandError("A source could not be read.")

    def do_find(self, text, **options):
        for found in elsewhere.checked_elsewhere(text):
            check = found.fact_check
            self.stdout.write(
                f"{found.score:.2f}  {check.outlet}: {check.rating or check.rating_value} "
                f"({check.published_on or 'undated'}) {check.url}\n      {check.claim_reviewed}"
            )
