"""In real Chromium: an editor turns on two-factor login with an app, then logs in with it."""

import base64
import re

import pytest
from playwright.sync_api import expect

from tests.accounts.test_two_factor import code_from_app
from tests.e2e.browser import log_out

pytestmark = pytest.mark.browser


def type_password(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_an_editor_sets_up_an_app_and_logs_in_with_its_codes(page, make_user):
    make_user("olga", role="Editor", password="a-long-password-for-olga")

    type_password(page, "olga", "a-long-password-for-olga")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/\?next=/newsroom/$"))
    expect(page.locator(".qr-code svg")).to_be_visible()
    # What a person types into an app that cannot scan.
    key = base64.b32decode(page.locator("#secret").inner_text().replace(" ", ""))
    page.get_by_label("Code from the app").fill(code_from_app(key))
    page.get_by_role("button", name="Turn on two-factor login").click()

    expect(page.get_by_role("status")).to_contain_text("Two-factor login is on")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="I have saved them, continue").click()
    expect(page).to_have_url(re.compile(r"/newsroom/$"))
    log_out(page)

    type_password(page, "olga", "a-long-password-for-olga")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/\?next=/newsroom/$"))
    page.goto("/newsroom/queue/")  # no way round it
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/\?next=/newsroom/queue/$"))
    field = page.get_by_label("Code from the app, or a recovery code")
    field.fill("000000")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    page.wait_for_timeout(1100)  # the wait after a wrong code
    # The code of the last step was used to set up; the app's next one is accepted too.
    field.fill(code_from_app(key, steps_ahead=1))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/newsroom/queue/$"))
