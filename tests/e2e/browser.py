"""Steps every browser story shares: logging in (second factor included) and out."""

import re

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import expect

from accounts import two_factor


def log_in(page, username, password):
    """Log in through the form; editors and admins then type a recovery code.

    The code is minted for this log-in, so that stories may log the same editor in several
    times a minute (an app's code works once per 30 seconds). Typing a code from the app
    has its own browser test in test_two_factor_login.py.
    """
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    user = get_user_model().objects.get(username=username)
    if two_factor.is_required_for(user):
        expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
        page.get_by_label("Code from the app, or a recovery code").fill(_recovery_code(user))
        page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/newsroom/$"))


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def _recovery_code(user):
    code = StaticToken.random_token()
    two_factor.add_recovery_codes(user, [code])
    return code
