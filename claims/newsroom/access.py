from functools import wraps

from django.contrib.auth.decorators import login_required
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from claims import workflow


def newsroom_member_required(view):
    """Logged in and in a newsroom role; otherwise the login page or a 403 that says why."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not workflow.can_use_newsroom(request.user):
            raise workflow.NotAllowed(
                _("This page is for the newsroom's fact-checkers and editors.")
            )
        return view(request, *args, **kwargs)

    return wrapped


def editor_required(view):
    @newsroom_member_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not workflow.is_editor(request.user):
            raise workflow.NotAllowed(_("This page is for editors."))
        return view(request, *args, **kwargs)

    return wrapped


def safe_next(request):
    """The form's `next`, if it stays on this site; never an address elsewhere."""
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None
