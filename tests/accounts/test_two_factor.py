"""Editors and admins confirm each log-in with a second factor: an app's code or a recovery code."""

import base64
import datetime as dt
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles, two_factor
from tests.sessions import log_in

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
# Most tests here type one wrong code and then the right one; the wait that follows a wrong
# code has a test of its own.
no_wait_after_a_wrong_code = override_settings(
    OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0
)


def code_from_app(key: bytes, steps_ahead=0):
    """What an authenticator app holding `key` shows now (or `steps_ahead` periods later)."""
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def with_authenticator(user):
    return TOTPDevice.objects.create(user=user, name=two_factor.AUTHENTICATOR, confirmed=True)


def password_login(client, user):
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def newsroom_opens(client):
    return client.get("/newsroom/").status_code == 200


def test_an_editor_without_an_app_must_set_one_up_before_the_newsroom_opens(client, make_user):
    editor = make_user(role=roles.EDITOR)
    password_login(client, editor)

    response = client.get("/newsroom/queue/")
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/two-factor/set-up/")
    assert not newsroom_opens(client)

    # The key on the page is the one the server checks: an app set up from it works.
    typed = re.search(r'<code class="secret" id="secret">([A-Z2-7 ]+)</code>', response.text)
    key = base64.b32decode(typed.group(1).replace(" ", ""))
    assert "<svg" in response.text  # the QR code, drawn inline
    response = client.post(response.request["PATH_INFO"], {"code": code_from_app(key)})

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert newsroom_opens(client)


@no_wait_after_a_wrong_code
def test_an_editor_types_the_code_from_the_app_after_the_password(client, make_user):
    editor = make_user(role=roles.EDITOR)
    device = with_authenticator(editor)
    password_login(client, editor)
    response = client.get("/newsroom/queue/")
    assert response["Location"] == "/accounts/two-factor/?next=/newsroom/queue/"

    response = client.post(response["Location"], {"code": "123456"})
    assert "That code is not right" in response.text
    assert not newsroom_opens(client)

    response = client.post(
        "/accounts/two-factor/", {"code": code_from_app(device.bin_key), "next": "/newsroom/queue/"}
    )
    assert response.status_code == 302 and response["Location"] == "/newsroom/queue/"
    assert newsroom_opens(client)


def test_a_code_from_the_app_works_only_once(make_user):
    editor = make_user(role=roles.EDITOR)
    device = with_authenticator(editor)
    code = code_from_app(device.bin_key)
    first, second = password_login(Client(), editor), password_login(Client(), editor)

    first.post("/accounts/two-factor/", {"code": code})
    second.post("/accounts/two-factor/", {"code": code})

    assert newsroom_opens(first)
    assert not newsroom_opens(second)


@no_wait_after_a_wrong_code
def test_a_recovery_code_works_once_and_a_new_set_replaces_the_old(make_user):
    editor = make_user(role=roles.EDITOR)
    with_authenticator(editor)
    old_codes = two_factor.new_recovery_codes(editor)

    phone_lost = password_login(Client(), editor)
    phone_lost.post("/accounts/two-factor/", {"code": old_codes[0].upper()})
    assert newsroom_opens(phone_lost)
    assert two_factor.recovery_codes_left(editor) == len(old_codes) - 1

    again = password_login(Client(), editor)
    response = again.post("/accounts/two-factor/", {"code": old_codes[0]})
    assert "already used" in response.text
    assert not newsroom_opens(again)

    response = phone_lost.post("/accounts/two-factor/recovery-codes/")
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert len(new_codes) == two_factor.RECOVERY_CODE_COUNT
    again.post("/accounts/two-factor/", {"code": old_codes[1]})
    assert not newsroom_opens(again)
    again.post("/accounts/two-factor/", {"code": new_codes[0]})
    assert newsroom_opens(again)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=10)  # so that a slow machine cannot outwait it
def test_after_a_wrong_code_even_the_right_one_must_wait(make_user):
    editor = make_user(role=roles.EDITOR)
    device = with_authenticator(editor)
    client = password_login(Client(), editor)
    client.post("/accounts/two-factor/", {"code": "000000"})

    response = client.post("/accounts/two-factor/", {"code": code_from_app(device.bin_key)})

    assert "Too many wrong codes. Wait" in response.text
    assert not newsroom_opens(client)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the refused try was not even checked
    # Once the wait (10 s here; 1, 2, 4… s by default) is over, the right code works.
    waited = device.throttling_failure_timestamp - dt.timedelta(seconds=11)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=waited)
    client.post("/accounts/two-factor/", {"code": code_from_app(device.bin_key)})
    assert newsroom_opens(client)


def test_a_fact_checker_is_asked_only_after_choosing_an_app(make_user):
    checker = make_user(role=roles.FACT_CHECKER)
    assert newsroom_opens(password_login(Client(), checker))

    with_authenticator(checker)

    assert not newsroom_opens(password_login(Client(), checker))


def test_the_admin_site_and_the_newsroom_api_need_the_second_factor(make_user):
    admin = make_user(role=roles.ADMIN, is_staff=True)
    client = password_login(Client(), admin)

    assert client.get("/admin/")["Location"] == "/accounts/two-factor/?next=/admin/"
    refused = client.get("/api/ingestions/")
    assert refused.status_code == 403
    assert "second factor" in refused.json()["detail"]
    # Public pages and the public API do not ask: anyone may read them.
    assert client.get("/api/public/verdicts/").status_code == 200
    assert client.get("/").status_code == 200


@no_wait_after_a_wrong_code
def test_an_admin_removes_a_lost_app_and_its_owner_sets_up_a_new_one(make_user):
    editor = make_user(role=roles.EDITOR)
    editors_browser = log_in(Client(), editor)
    assert newsroom_opens(editors_browser)
    device = two_factor.authenticator_of(editor)

    admins_browser = log_in(Client(), make_user(role=roles.ADMIN, is_staff=True))
    response = admins_browser.post(
        f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302

    response = editors_browser.get("/newsroom/queue/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/two-factor/set-up/")


def test_replacing_the_app_needs_the_old_one_first(make_user):
    editor = make_user(role=roles.EDITOR)
    with_authenticator(editor)
    client = password_login(Client(), editor)

    response = client.get("/accounts/two-factor/set-up/")

    assert response["Location"].startswith("/accounts/two-factor/?")
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_new_app_replaces_the_old_one_once_its_first_code_is_right(make_user):
    editor = make_user(role=roles.EDITOR)
    client = log_in(Client(), editor)
    old = two_factor.authenticator_of(editor)

    client.get("/accounts/two-factor/set-up/")
    new = TOTPDevice.objects.get(user=editor, confirmed=False)
    client.post("/accounts/two-factor/set-up/", {"code": code_from_app(new.bin_key)})

    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert newsroom_opens(client)


def test_logging_out_means_the_next_log_in_asks_again(make_user):
    editor = make_user(role=roles.EDITOR)
    client = log_in(Client(), editor)
    client.post("/accounts/logout/")

    password_login(client, editor)

    assert not newsroom_opens(client)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_after_the_code_only_pages_of_this_site_are_followed(make_user, target):
    editor = make_user(role=roles.EDITOR)
    device = with_authenticator(editor)
    client = password_login(Client(), editor)

    response = client.post(
        "/accounts/two-factor/", {"code": code_from_app(device.bin_key), "next": target}
    )

    assert response["Location"] == "/newsroom/"


def test_the_demo_editor_logs_in_with_a_printed_recovery_code(capsys, settings):
    settings.DEBUG = True
    call_command("load_demo")
    printed = capsys.readouterr().out
    assert "editor-recovery-1" in printed and "checker-recovery" not in printed
    editor = get_user_model().objects.get(username="editor")
    client = Client()
    client.post("/accounts/login/", {"username": "editor", "password": "demo-editor-pass"})
    client.post("/accounts/two-factor/", {"code": "editor-recovery-1"})
    assert newsroom_opens(client)
    # Loading the demo again gives the used code back and changes nothing else.
    tokens = StaticToken.objects.filter(device__user=editor).count()
    call_command("load_demo")
    assert StaticToken.objects.filter(device__user=editor).count() == tokens + 1
