"""The second factor, after the password: type a code, set up an app, renew recovery codes.

The rules (who must, what counts as a code) are in claims/two_factor.py; these views only
show the forms and move people on to where they were going.
"""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from accounts import two_factor
from accounts.forms import SecondFactorForm


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("newsroom:home")


def _with_next(request, name):
    return f"{reverse(name)}?next={quote(_next(request))}"


@never_cache
@login_required
def second_factor(request):
    """Confirm this session with a code from the authenticator app or a recovery code."""
    if not two_factor.has_authenticator(request.user):
        return redirect(_with_next(request, "second-factor-setup"))
    if request.user.is_verified():
        return redirect(_next(request))
    form = SecondFactorForm(request.POST or None)
    if form.is_valid():
        try:
            two_factor.verify(request, form.cleaned_data["code"])
        except two_factor.SecondFactorRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            return redirect(_next(request))
    return render(
        request, "registration/second_factor.html", {"form": form, "next": _next(request)}
    )


@never_cache
@login_required
def set_up_second_factor(request):
    """Add an authenticator app: scan the code, type the first code it shows."""
    if not two_factor.may_set_up_authenticator(request.user):
        return redirect(_with_next(request, "second-factor"))
    device = two_factor.authenticator_to_confirm(request.user)
    form = SecondFactorForm(request.POST or None)
    if form.is_valid():
        try:
            codes = two_factor.confirm_authenticator(request, device, form.cleaned_data["code"])
        except two_factor.SecondFactorRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            return _show_recovery_codes(request, codes, first_time=True)
    return render(
        request,
        "registration/second_factor_setup.html",
        {
            "form": form,
            "next": _next(request),
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_typing(device),
        },
    )


@never_cache
@login_required
def recovery_codes(request):
    """How many recovery codes are left; a new set replaces them all."""
    if not request.user.is_verified():
        return redirect(_with_next(request, "second-factor"))
    if request.method == "POST":
        return _show_recovery_codes(request, two_factor.new_recovery_codes(request.user))
    return render(
        request,
        "registration/recovery_codes.html",
        {"left": two_factor.recovery_codes_left(request.user), "next": _next(request)},
    )


def _show_recovery_codes(request, codes, first_time=False):
    return render(
        request,
        "registration/recovery_codes_new.html",
        {"codes": codes, "first_time": first_time, "next": _next(request)},
    )
