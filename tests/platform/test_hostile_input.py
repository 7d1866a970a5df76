"""Over 200 hostile inputs sent to every form and API endpoint that takes text.

Each one gets a clear 4xx or is stored and shown harmlessly (escaped); no response is a
5xx. tests/e2e/test_stored_scripts.py then shows, in Chromium, that stored markup never runs.
"""

import json
import re
import uuid

import pytest
from django.test import Client, override_settings
from django.utils.crypto import get_random_string
from rest_framework.test import APIClient

from accounts import roles
from claims.demo.newsroom import load_demo
from claims.models import Note
from tests.sessions import log_in, with_token

pytestmark = pytest.mark.django_db

MARKUP = [
    "<script>window.__pwned=1</script>",
    '"><script>window.__pwned=1</script>',
    "'><img src=x onerror=window.__pwned=1>",
    "<svg onload=window.__pwned=1>",
    "<iframe src=javascript:window.__pwned=1>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "</textarea><script>window.__pwned=1</script>",
    "</script><script>window.__pwned=1</script>",
    "<style>body{display:none}</style>",
    "<!-- comment -->",
]
TEMPLATES_AND_SQL = [
    "{{ 7*7 }}",
    "{% debug %}",
    "{{ settings.SECRET_KEY }}",
    "${7*7}",
    "'; DROP TABLE claims_claim; --",
    "' OR '1'='1",
    '" OR ""="',
    "1; SELECT pg_sleep(10)",
    "%s%s%s%n",
    "\\'\\\"\\\\",
]
UNICODE = [
    "null\x00byte",
    "\u202eevil reversed\u202c",
    "zero\u200bwidth\u200djoiner",
    "e\u0301\u0301\u0301 combining",
    "😀🔥🇦🇲🇦🇿",
    "\ufeffbom at start",
    "line\rbreak\nand\ttab",
    "ᴀʀᴍᴇɴɪᴀ homoglyph",
    "𝕬𝖗𝖒𝖊𝖓𝖎𝖆 math letters",
    "\U0010ffff last code point",
]
LENGTHS = ["", " ", "a", "a" * 301, "a" * 2001, "word " * 2000, "x" * 100_000, "9" * 30, "-1"]
URLS = [
    "http://2130706433/",
    "http://0x7f.0.0.1/",
    "http://0177.0.0.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://localhost/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/",
    "http://user:pass@example.org/",
    "http://exa mple.org/",
    "http://[::1",
    "ftp://example.org/",
    "https://example.org/" + "a" * 3000,
    "http://xn--80ak6aa92e.com/",
]
BASE = MARKUP + TEMPLATES_AND_SQL + UNICODE + LENGTHS + URLS
# Each base input alone, inside ordinary text, quoted, and next to text in other scripts.
CORPUS = (
    BASE
    + [f"Officials said {value} near Shushi." for value in BASE]
    + [f'The ministry: "{value}"' for value in BASE]
    + [f"Министерство заявило {value} Պաշտոնյաները" for value in BASE]
)
assert len(CORPUS) >= 200


def csrf_post(client, url, data):
    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


@pytest.fixture
def newsroom():
    demo = load_demo()
    editor = Client(enforce_csrf_checks=True)
    log_in(editor, demo["users"][roles.EDITOR])
    checker = Client(enforce_csrf_checks=True)
    log_in(checker, demo["users"][roles.FACT_CHECKER])
    return demo, editor, checker


def no_server_error(response, value):
    assert response.status_code < 500, (response.status_code, repr(value)[:80])
    return response


def shown_escaped(page, value):
    """No markup from `value` reaches the page unescaped."""
    for tag in re.findall(r"<(?:script|img|svg|iframe|a|style)[^>]*>", value):
        assert tag not in page, tag


def test_notes_store_anything_and_show_it_escaped(newsroom):
    demo, editor, _ = newsroom
    claim = demo["claims"]["rockets"]
    for value in CORPUS:
        no_server_error(
            csrf_post(editor, f"/newsroom/claims/{claim.pk}/notes/", {"body": value}), value
        )
    page = editor.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    for value in MARKUP:
        shown_escaped(page, value)
    assert Note.objects.filter(claim=claim, body__contains="<script>").exists()
    assert all("\x00" not in note.body for note in Note.objects.all())  # refused, not stored


def test_claim_edits_and_verdict_drafts_survive_every_input(newsroom):
    demo, editor, _ = newsroom
    claim = demo["claims"]["turkey-recruits"]  # in review: editors may edit both
    for value in CORPUS:
        claim.refresh_from_db()
        no_server_error(
            csrf_post(
                editor,
                f"/newsroom/claims/{claim.pk}/edit/",
                {"version": claim.version, "text": value, "checkable_text": value},
            ),
            value,
        )
        claim.refresh_from_db()
        no_server_error(
            csrf_post(
                editor,
                f"/newsroom/claims/{claim.pk}/verdict/",
                {
                    "version": claim.verdict.version,
                    "headline": value,
                    "summary": value,
                    "explanation": value,
                },
            ),
            value,
        )
    page = editor.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    for value in MARKUP:
        shown_escaped(page, value)


def test_evidence_replies_and_reasons_survive_every_input(newsroom):
    demo, editor, _ = newsroom
    claim = demo["claims"]["turkey-recruits"]
    for value in CORPUS:
        no_server_error(
            csrf_post(
                editor,
                f"/newsroom/claims/{claim.pk}/evidence/",
                {"url": value, "title": value, "excerpt": value, "stance": "context"},
            ),
            value,
        )
        no_server_error(
            csrf_post(
                editor,
                f"/newsroom/claims/{claim.pk}/replies/",
                {"channel": value, "outcome": "no_answer", "answer": value},
            ),
            value,
        )
        no_server_error(
            csrf_post(
                editor,
                f"/newsroom/claims/{claim.pk}/do/return_to_research/",
                {"comment": value},
            ),
            value,
        )
    page = editor.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    for value in MARKUP:
        shown_escaped(page, value)


def test_ingesting_hostile_urls_and_texts_never_fails_badly(newsroom):
    demo, _, checker = newsroom
    for value in CORPUS:
        no_server_error(csrf_post(checker, "/newsroom/articles/new/", {"url": value}), value)
        no_server_error(csrf_post(checker, "/newsroom/articles/new/", {"text": value}), value)
    for value in URLS:
        response = csrf_post(checker, "/newsroom/articles/new/", {"url": value})
        assert response.status_code in (302, 400), value


def test_the_ingestion_api_answers_4xx_to_hostile_bodies(newsroom):
    demo, _, _ = newsroom
    api = with_token(APIClient(enforce_csrf_checks=True), demo["users"][roles.FACT_CHECKER])
    for value in CORPUS:
        for payload in ({"url": value}, {"text": value}, {"url": value, "text": value}):
            no_server_error(api.post("/api/ingestions/", payload, format="json"), value)
    for body, content_type in [
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00invalid utf-8", "application/json"),
        (b'{"url": ' * 1000, "application/json"),
        (json.dumps({"url": ["a", "list"]}).encode(), "application/json"),
        (json.dumps({"text": {"nested": 1}}).encode(), "application/json"),
        (b"url=javascript:alert(1)", "application/x-www-form-urlencoded"),
        (b"<xml/>", "application/xml"),
        (b"a" * 6_000_000, "application/json"),
    ]:
        response = api.generic("POST", "/api/ingestions/", body, content_type=content_type)
        assert 400 <= response.status_code < 500, (response.status_code, body[:40])


def test_readers_forms_and_search_survive_every_input(newsroom):
    # Its own address, so the public API's per-client limit counts only this reader.
    reader = Client(enforce_csrf_checks=True, REMOTE_ADDR=f"hostile-{uuid.uuid4()}")
    for value in CORPUS:
        no_server_error(reader.get("/verdicts/", {"q": value}), value)
        no_server_error(reader.get("/verdicts/", {"side": value, "published_after": value}), value)
        no_server_error(
            csrf_post(reader, "/ask/", {"text": value, "url": value, "email": value}), value
        )
        no_server_error(reader.get("/api/public/verdicts/", {"q": value}), value)
    page = reader.get("/verdicts/", {"q": "<script>window.__pwned=1</script>"}).content.decode()
    shown_escaped(page, "<script>window.__pwned=1</script>")


def test_login_and_the_queue_filters_survive_every_input(newsroom):
    _, editor, _ = newsroom
    anonymous = Client(enforce_csrf_checks=True)
    for value in CORPUS[:120]:  # the login lockout stops the rest, as it should
        no_server_error(
            csrf_post(anonymous, "/accounts/login/", {"username": value, "password": value}),
            value,
        )
    for value in CORPUS:
        query = {"q": value, "speaker": value, "status": value, "made_after": value}
        no_server_error(editor.get("/newsroom/queue/", query), value)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)
def test_the_second_factor_forms_survive_every_input(newsroom, make_user):
    demo, _, _ = newsroom
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(demo["users"][roles.EDITOR])  # password given, code not yet
    enrolling = Client(enforce_csrf_checks=True)
    enrolling.force_login(make_user(role=roles.FACT_CHECKER))
    forms = [(editor, "/accounts/two-factor/"), (enrolling, "/accounts/two-factor/set-up/")]
    for value in CORPUS:
        for client, url in forms:
            response = csrf_post(client, url, {"code": value, "next": value})
            no_server_error(response, value)
            assert response.status_code == 200, repr(value)[:80]  # refused, with the form
            shown_escaped(response.content.decode(), value)
    assert editor.get("/newsroom/").status_code == 302
    assert enrolling.get("/accounts/two-factor/recovery-codes/").status_code == 302
