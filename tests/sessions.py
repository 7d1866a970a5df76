"""Logging a test client in the way a person ends up logged in, second factor included."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import api_tokens, two_factor
from claims.models import ApiToken


def log_in(client, user):
    """force_login, and for editors and admins a session confirmed with their authenticator.

    The full path (password, then a code) has its own tests in test_two_factor.py; every
    other test starts from the session that path ends in.
    """
    client.force_login(user)
    if two_factor.is_required_for(user):
        device = two_factor.authenticator_of(user) or TOTPDevice.objects.create(
            user=user, name=two_factor.AUTHENTICATOR, confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def with_token(client, user, scope=ApiToken.Scope.INGEST):
    """An API client holding a token of `user`'s, who first confirms an authenticator app
    (tokens are issued to no one else). The token is kept as `client.token`."""
    TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": two_factor.AUTHENTICATOR}
    )
    client.token, key = api_tokens.issue_token(user, "test script", scope)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client
