"""Site-wide guards: a polite 503 when the database is down or a reader's query ran too long,
and a time limit on readers' queries. (The second-factor check is accounts.middleware.)"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from psycopg.errors import QueryCanceled

logger = logging.getLogger(__name__)
RETRY_AFTER = 30


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
