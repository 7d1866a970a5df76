"""When the database is unreachable, say so politely (503) instead of crashing (500)."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

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
        logger.error("database unavailable for %s: %s", request.path, exception)
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
