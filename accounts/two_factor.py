"""The second factor: who must give one, enrolling an authenticator app, recovery codes.

Editors and admins (and anyone staff, or anyone who chose to enrol) must confirm each new
session with a time-based one-time password (TOTP, RFC 6238) from an authenticator app, or
with one of their single-use recovery codes. The devices, the replay protection (a code
works once) and the throttling of wrong codes (1, 2, 4, 8… seconds) are django-otp's; this
module decides who needs what and names the steps. `SecondFactorRequired` in
claims/middleware.py is where the rule is enforced, for the newsroom, the admin and the API.
"""

import re
from base64 import b32encode

import django_otp
import segno
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles

AUTHENTICATOR = "Authenticator app"
RECOVERY = "Recovery codes"
RECOVERY_CODE_COUNT = 10


class SecondFactorRefused(Exception):
    """A code was not accepted; the message says why and what to do."""


def is_required_for(user) -> bool:
    """Editors, admins and staff must give a second factor; so must anyone who enrolled."""
    if not user.is_authenticated:
        return False
    required = getattr(user, "_verify_second_factor_required", None)
    if required is None:  # asked by the middleware and the page: one query per request
        required = (
            user.is_staff
            or user.is_superuser
            or roles.has_role(user, roles.EDITOR, roles.ADMIN)
            or has_authenticator(user)
        )
        user._verify_second_factor_required = required
    return required


def is_missing(user) -> bool:
    """True when this session must still be confirmed with a second factor."""
    return user.is_authenticated and not user.is_verified() and is_required_for(user)


def _authenticators(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk")


def has_authenticator(user) -> bool:
    return _authenticators(user).exists()


def authenticator_of(user) -> TOTPDevice | None:
    return _authenticators(user).first()


def may_set_up_authenticator(user) -> bool:
    """A first app, or a new one once this session proved the old (or a recovery code)."""
    return user.is_verified() or not has_authenticator(user)


def authenticator_to_confirm(user) -> TOTPDevice:
    """The unconfirmed authenticator that enrolment shows, made once and reused on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps that cannot scan a QR code."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG markup (no script, no external image)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]+", "", code or "").lower()


def _is_app_code(code: str) -> bool:
    return re.fullmatch(r"\d{6}", code) is not None


def confirm_authenticator(request, device: TOTPDevice, code: str) -> list[str]:
    """Check the first code from a newly added app; it replaces any earlier app.

    Returns fresh recovery codes (the only time they are shown) and confirms the session.
    A wrong code is committed as a failure, so that the throttling counts it.
    """
    code = _normalise(code)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
        refusal = _throttled(device)
        accepted = not refusal and _is_app_code(code) and device.verify_token(code)
        if accepted:
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = new_recovery_codes(request.user)
    if not accepted:
        raise SecondFactorRefused(
            refusal
            or _("That code is not right. Check the clock of your phone and type the newest code.")
        )
    django_otp.login(request, device)
    return codes


def verify(request, code: str):
    """Confirm this session with a code from the app or a recovery code (used up by it)."""
    code = _normalise(code)
    model = TOTPDevice if _is_app_code(code) else StaticDevice
    with transaction.atomic():
        device = (
            model.objects.select_for_update()
            .filter(user=request.user, confirmed=True)
            .order_by("pk")
            .first()
        )
        refusal = _throttled(device) if device else None
        accepted = device is not None and not refusal and code and device.verify_token(code)
    if not accepted:
        raise SecondFactorRefused(
            refusal or _("That code is not right, or it was already used. Try the newest code.")
        )
    django_otp.login(request, device)
    return device


def new_recovery_codes(user) -> list[str]:
    """Make a new set of single-use recovery codes; the previous set stops working."""
    _recovery_device(user).token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    add_recovery_codes(user, codes)
    return codes


def add_recovery_codes(user, codes: list[str]):
    """Add these codes to the user's recovery codes (those already there stay as they are)."""
    device = _recovery_device(user)
    for code in codes:
        StaticToken.objects.get_or_create(device=device, token=_normalise(code))


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def set_known_second_factor(user, key_hex: str, recovery_codes: list[str]):
    """Give a (demo) user a fixed authenticator key and recovery codes. Safe to run again."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name=AUTHENTICATOR, defaults={"key": key_hex, "confirmed": True}
    )
    add_recovery_codes(user, recovery_codes)
    return device


def _recovery_device(user) -> StaticDevice:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY, defaults={"confirmed": True}
    )
    return device


def _throttled(device) -> str | None:
    """Why no code may be tried on this device yet (after wrong ones), or None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
    return _("Too many wrong codes. Wait %(seconds)d seconds and try again.") % {"seconds": seconds}
