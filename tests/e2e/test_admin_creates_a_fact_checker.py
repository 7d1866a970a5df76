"""In real Chromium: the demo admin creates a fact-checker, who then logs in."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import log_in

pytestmark = pytest.mark.browser


def test_admin_creates_a_fact_checker_who_can_then_log_in(page, demo):
    log_in(page, "admin", "demo-admin-pass")
    expect(page.get_by_role("link", name="Admin", exact=True)).to_be_visible()

    page.goto("/admin/auth/user/add/")
    page.locator("#id_username").fill("nadia")
    page.locator("#id_password1").fill("a-strong-password-for-nadia")
    page.locator("#id_password2").fill("a-strong-password-for-nadia")
    # The three roles come first, explained, as choices (not 100+ raw permissions).
    roles_box = page.locator("fieldset", has_text="Editor: also selects and assigns claims")
    expect(roles_box.get_by_label("Fact-checker")).to_be_visible()
    expect(roles_box.get_by_role("checkbox")).to_have_count(3)
    roles_box.get_by_label("Fact-checker").check()
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    expect(page.get_by_label("Fact-checker")).to_be_checked()
    expect(page.locator("#id_user_permissions_from")).not_to_be_visible()  # folded away
    page.locator("#id_first_name").fill("Nadia")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("#result_list")).to_contain_text("Fact-checker")

    page.get_by_role("button", name="Log out").first.click()
    log_in(page, "nadia", "a-strong-password-for-nadia")

    expect(page).to_have_url(re.compile(r"/newsroom/$"))
    expect(page.locator(".who")).to_contain_text("Nadia · Fact-checker")
    expect(page.get_by_role("link", name="Admin", exact=True)).to_have_count(0)
    expect(page.get_by_role("cell").first).to_be_visible()
