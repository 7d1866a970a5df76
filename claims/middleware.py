"""Site-wide guards: a polite 503 when the database is down, and the second-factor check."""

import logging

from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from . import two_factor

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
        logger.error("database unavailable for %s: %s", request.path, exception)
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


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
