"""Tokens for newsroom scripts: issued only to people with a confirmed second factor, stored
as a digest, expiring, and scoped (read only, or also ingest)."""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions, permissions

from accounts import two_factor
from claims.models import ApiToken

DEFAULT_DAYS = 90
MAX_DAYS = 365


class TokenRefused(Exception):
    """Why a token was not issued."""


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def refusal(user, days):
    """Why `user` may not be given a token lasting `days`, or None."""
    if not user.is_active:
        return _("%(user)s is not active.") % {"user": user}
    if not two_factor.has_authenticator(user):
        return _(
            "%(user)s has no confirmed second factor: a token is issued only once they have."
        ) % {"user": user}
    if not 1 <= int(days) <= MAX_DAYS:
        return _("A token lasts from 1 to %(max)d days.") % {"max": MAX_DAYS}
    return None


def arm(token: ApiToken, days=DEFAULT_DAYS) -> str:
    """Give an unsaved token its key (returned, shown once, never stored) and its expiry."""
    if reason := refusal(token.user, days):
        raise TokenRefused(reason)
    key = secrets.token_urlsafe(32)
    token.digest, token.prefix = _digest(key), key[:8]
    token.expires_at = timezone.now() + timedelta(days=int(days))
    return key


def issue_token(user, name, scope=ApiToken.Scope.READ, days=DEFAULT_DAYS) -> tuple[ApiToken, str]:
    """A new token for `user` and its key."""
    token = ApiToken(user=user, name=name, scope=scope)
    key = arm(token, days)
    token.save()
    return token, key


class ScopedTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>`, checked against the digest, the expiry and the owner's
    second factor (a token stops working when its owner's authenticator is removed)."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if token.has_expired:
            raise exceptions.AuthenticationFailed(
                _("This token expired on %(date)s; ask an admin for a new one.")
                % {"date": f"{token.expires_at:%Y-%m-%d}"}
            )
        if not two_factor.has_authenticator(token.user):
            raise exceptions.AuthenticationFailed(
                _("This token's owner no longer has a second factor.")
            )
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token


class TokenScopeAllows(permissions.BasePermission):
    """A read-only token may only read; a session or an ingest token may also write."""

    message = _("This token is read-only.")

    def has_permission(self, request, view):
        token = request.auth
        if not isinstance(token, ApiToken) or request.method in permissions.SAFE_METHODS:
            return True
        return token.scope == ApiToken.Scope.INGEST
