"""The second-factor check: the newsroom, the admin and the newsroom API need a confirmed
session."""

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import two_factor

# Under /api/ only these are for everyone; the rest is the newsroom's.
PUBLIC_API = ("/api/public/", "/api/schema/")


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
