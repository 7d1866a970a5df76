"""Site-wide guards: a polite 503 when the database is down or a reader's query ran too long,
and a time limit on readers' queries. (The second-factor check is accounts.middleware.)"""

import logging
from contextlib import ExitStack

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from psycopg.errors import QueryCanceled

from claims.platform import replica

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
        # Behind PgBouncer in transaction mode (the primary's DATABASE_URL, with
        # DATABASE_POOLED) a session's SET would follow the server connection to another
        # client: there the request is one transaction and the limit is SET LOCAL, gone
        # with it. The replica is reached directly.
        pooled = {"default"} if settings.DATABASE_POOLED else set()

        def with_limit(execute, sql, params, many, context):
            connection = context["connection"]
            raw = connection.connection
            if raw not in limited:
                scope = "LOCAL " if connection.alias in pooled else ""
                with connection.wrap_database_errors:  # Django's errors, not psycopg's
                    context["cursor"].cursor.execute(f"SET {scope}statement_timeout = {int(limit)}")
                limited.append(raw)
            return execute(sql, params, many, context)

        # The primary's connection, and the replica's when readers read from one.
        aliases = [a for a in ("default", replica.REPLICA) if a in settings.DATABASES]
        try:
            with ExitStack() as stack:
                for alias in aliases:
                    if alias in pooled:
                        stack.enter_context(transaction.atomic(using=alias))
                    stack.enter_context(connections[alias].execute_wrapper(with_limit))
                return self.get_response(request)
        finally:
            for alias in aliases:
                if alias not in pooled and limited and connections[alias].connection in limited:
                    self._remove_limit(connections[alias])

    @staticmethod
    def _remove_limit(connection):
        try:
            with connection.connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")
        except Exception:  # noqa: BLE001 - a broken connection is simply not reused
            if not connection.in_atomic_block:
                connection.close()


# Public views that write, or read what the reader has just written: always the primary.
WRITING_VIEWS = {"ask", "follow-verdict", "follow-speaker", "follow-confirm", "follow-stop",
                 "unsubscribe"}  # fmt: skip


class ReplicaReads:
    """A reader's GET of a public page, feed, sitemap or the public API may read from the
    replica (claims/platform/replica.py decides whether it is fit to). A reader who has just
    posted is pinned to the primary for a while by a cookie, so their own write shows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._for_readers(request):
            with replica.readers_reads():
                return self.get_response(request)
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and replica.configured():
            response.set_cookie(
                replica.PIN_COOKIE, "1", max_age=replica.PIN_SECONDS, httponly=True,
                samesite="Lax", secure=request.is_secure(),
            )  # fmt: skip
        return response

    @staticmethod
    def _for_readers(request) -> bool:
        if not (
            replica.configured()
            and request.method in ("GET", "HEAD")
            and replica.PIN_COOKIE not in request.COOKIES
            and not request.user.is_authenticated
        ):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.namespace == "public" and match.url_name not in WRITING_VIEWS
