"""Site-wide guards: a polite 503 when the database is down or a reader's query ran too long,
a time limit on readers' queries, and the second-factor check."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from psycopg.errors import QueryCanceled

from claims import two_factor

logger = logging.getLogger(__name__)
RETRY_AFTER = 30
# Under /api/ only these are for everyone; the rest is the newsroom's.
PUBLIC_API = ("/api/public/", "/api/schema/")


class DatabaseUnavailable:
    """A view that cannot reach PostgreSQL answers 503 with a page saying when to retry.

    Django reconnects by itself on the next request (CONN_HEALTH_CHECKS), so the site
    comes back as soon as the database does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        too_long = isinstance(exception.__cause__, QueryCanceled)
        if too_long:
            logger.warning("query cancelled after the time limit for %s", request.path)
        else:
            logger.error("database unavailable for %s: %s", request.path, exception)
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER, "too_long": too_long})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


class ReaderStatementTimeout:
    """An anonymous request's SQL is cancelled by PostgreSQL after PUBLIC_STATEMENT_TIMEOUT_MS.

    A stopped web worker does not stop its statement inside PostgreSQL; this does. The limit
    is set on the connection just before the request's first query (a page served from the
    cache costs nothing) and removed when the response is done, so the newsroom, the admin
    and the workers on the same connection keep no limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.PUBLIC_STATEMENT_TIMEOUT_MS
        if limit <= 0 or request.user.is_authenticated:
            return self.get_response(request)
        limited = []  # the raw connections the limit was set on

        def with_limit(execute, sql, params, many, context):
            raw = context["connection"].connection
            if raw not in limited:
                context["cursor"].cursor.execute(f"SET statement_timeout = {int(limit)}")
                limited.append(raw)
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(with_limit):
                return self.get_response(request)
        finally:
            if limited and connection.connection in limited:
                self._remove_limit()

    @staticmethod
    def _remove_limit():
        try:
            with connection.connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")
        except Exception:  # noqa: BLE001 - a broken connection is simply not reused
            if not connection.in_atomic_block:
                connection.close()


class SecondFactorRequired:
    """The newsroom, the admin and the API open only once a session has its second factor.

    Who needs one is `two_factor.is_required_for`. A session without it is sent to type a
    code (or to set up an authenticator app first); an API call gets a 403 that says so.
    Public pages are not touched, so reading them costs no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._guards(request.path) and two_factor.is_missing(request.user):
            if request.path.startswith("/api/"):
                message = _("Confirm this session with your second factor first.")
                return JsonResponse({"detail": message}, status=403)
            return redirect_to_login(request.get_full_path(), reverse("second-factor"))
        return self.get_response(request)

    @staticmethod
    def _guards(path):
        if path == reverse("admin:logout") or path.startswith(PUBLIC_API):
            return False
        return path.startswith((reverse("newsroom:home"), reverse("admin:index"), "/api/"))
