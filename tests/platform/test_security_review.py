"""What a hostile reader, a hostile import and a careless insider could do, each shut off."""

import json
from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts import api_tokens, roles
from claims import actions, selectors
from claims.models import (
    ApiToken,
    Article,
    AuditEvent,
    Claim,
    ClaimLink,
    ReaderRequest,
    ReaderSubscription,
    Side,
    Verdict,
)
from claims.platform.middleware import ReaderStatementTimeout
from claims.portability import ImportRefused, export_newsroom, import_newsroom
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(demo):
    return demo


def published(demo):
    return Verdict.objects.filter(published_at__isnull=False).select_related("claim").first()


# --- 1. search: capped and normalised, readers' statements time out ----------------------------


def test_a_repeated_search_word_reaches_postgresql_once():
    assert selectors.normalise_search("bulk " * 800) == "bulk"
    words = " ".join(f"word{i}" for i in range(50))
    normalised = selectors.normalise_search(words)
    assert len(normalised.split()) == selectors.SEARCH_MAX_TERMS
    assert len(selectors.normalise_search("x" * 5000)) <= selectors.SEARCH_MAX_CHARS
    assert selectors.normalise_search('"white white phosphorus" -fake -fake') == (
        '"white phosphorus" -fake'
    )


def test_a_search_of_800_repeated_words_is_answered_with_the_normalised_query(client, newsroom):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/verdicts/", {"q": "phosphorus " * 800})

    assert response.status_code == 200
    assert "phosphorus phosphorus" not in " ".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("pooled", [False, True], ids=["direct", "behind-pgbouncer"])
def test_a_readers_slow_statement_is_cancelled_and_the_limit_removed_after(settings, pooled):
    """Behind PgBouncer (transaction mode) the limit is SET LOCAL in the request's one
    transaction, so it can never follow the server connection to another client."""
    settings.PUBLIC_STATEMENT_TIMEOUT_MS = 100
    settings.DATABASE_POOLED = pooled
    from django.contrib.auth.models import AnonymousUser

    def slow_view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")

    request = RequestFactory().get("/verdicts/")
    request.user = AnonymousUser()
    with pytest.raises(OperationalError) as raised:
        ReaderStatementTimeout(slow_view)(request)
    assert "statement timeout" in str(raised.value)

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"

    def fast_view(request):
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return cursor.fetchone()[0]

    assert ReaderStatementTimeout(fast_view)(request) == "100ms"
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def test_a_cancelled_readers_query_gets_a_polite_503(client, settings, monkeypatch):
    settings.PUBLIC_STATEMENT_TIMEOUT_MS = 50
    from claims.public import views

    def sleeping_methodology(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr(views, "render", lambda *a, **k: sleeping_methodology(a[0]))
    response = client.get("/methodology/")
    assert response.status_code == 503
    assert "took too long" in response.content.decode()


# --- 4. imports ---------------------------------------------------------------------------------


def empty_export():
    data = export_newsroom()
    for key in data:
        if key not in ("format", "version"):
            data[key] = []
    return data


def test_an_import_that_hides_a_superuser_in_another_section_is_refused(newsroom):
    data = empty_export()
    data["claims.side"] = [
        {
            "model": "auth.user",
            "fields": {"username": "mallory", "is_superuser": True, "password": "pbkdf2$x"},
        }
    ]
    with pytest.raises(ImportRefused, match="only “claims.side” records"):
        _import_into_empty(data)


def _import_into_empty(data):
    """import_newsroom checks an empty newsroom first; these checks come before that."""
    from claims import portability

    original = portability._check
    portability._check = lambda data: None
    try:
        return import_newsroom(data)
    finally:
        portability._check = original


@pytest.mark.parametrize(
    ("section", "record", "message"),
    [
        ("authtoken.token", {"model": "authtoken.token", "fields": {}}, "never import"),
        (
            "users",
            {"model": "auth.user", "fields": {"username": "m", "password": "x"}},
            "passwords, permissions",
        ),
        (
            "users",
            {"model": "auth.user", "fields": {"username": "m", "user_permissions": []}},
            "passwords, permissions",
        ),
        (
            "users",
            {"model": "auth.user", "fields": {"username": "m", "groups": [["Root"]]}},
            "not one of",
        ),
        ("users", {"model": "auth.user", "fields": {"username": "editor"}}, "already exists"),
    ],
)
def test_a_hostile_import_is_refused_and_changes_nothing(newsroom, section, record, message):
    data = empty_export()
    data[section] = [record]
    users = newsroom["users"][roles.EDITOR].__class__.objects.count()
    with pytest.raises(ImportRefused, match=message):
        _import_into_empty(data)
    assert newsroom["users"][roles.EDITOR].__class__.objects.count() == users
    assert not ApiToken.objects.exists()


def test_imported_people_are_never_superusers_and_have_no_password(newsroom):
    data = empty_export()
    data["users"] = [
        {
            "model": "auth.user",
            "fields": {"username": "newcomer", "is_superuser": True, "groups": [["Editor"]]},
        }
    ]
    _import_into_empty(data)
    user = newsroom["users"][roles.EDITOR].__class__.objects.get(username="newcomer")
    assert not user.is_superuser and not user.has_usable_password()
    assert user.groups.filter(name="Editor").exists()


# --- 5. control characters ---------------------------------------------------------------------


def test_a_control_character_in_a_correction_never_reaches_the_feeds(client, newsroom):
    verdict = published(newsroom)
    editor = newsroom["users"][roles.EDITOR]
    if verdict.author_id == editor.pk or verdict.reviewer_id == editor.pk:
        editor = newsroom["users"][roles.ADMIN]
    actions.record_correction(
        verdict.claim, editor, "correction", "Fixed\x0b a date", headline="Bad\x0bheadline"
    )
    verdict.refresh_from_db()
    assert verdict.headline == "Badheadline"
    # Text stored before the door was shut must not break the feeds either.
    Verdict.objects.filter(pk=verdict.pk).update(summary="Old\x0b\x1fsummary")

    for url in ("/feeds/rss/", "/feeds/atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"\x0b" not in response.content


def test_control_characters_are_stripped_wherever_text_is_saved(newsroom):
    side = Side.objects.create(name="Ne\x00utral\x1b", slug="neutral")
    assert side.name == "Neutral"
    note = actions.add_note(
        newsroom["claims"]["phosphorus"], newsroom["users"][roles.EDITOR], "line one\nline\ttwo\x07"
    )
    assert note.body == "line one\nline\ttwo"


# --- 6. heavy anonymous pages -------------------------------------------------------------------


def test_a_random_parameter_does_not_bypass_the_page_cache(client, newsroom):
    verdict = published(newsroom)
    speaker = verdict.claim.speaker
    client.get(f"/speakers/{speaker.slug}/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/speakers/{speaker.slug}/", {"x": "random-1234"})
    assert response.status_code == 200
    assert len(queries) == 0


def test_listings_and_the_claimreview_feed_are_paginated(client, newsroom, monkeypatch):
    from claims.public import api

    monkeypatch.setattr(api, "CLAIMREVIEW_FEED_PAGE", 1)
    first_verdict = published(newsroom)
    second = Claim.objects.create(
        text="A second published claim.", status="published", speaker=first_verdict.claim.speaker
    )
    Verdict.objects.create(
        claim=second,
        rating=first_verdict.rating,
        summary="s",
        explanation="e",
        published_at=timezone.now(),
    )
    total = selectors.published_verdicts().count()
    assert total >= 2
    first = client.get("/api/public/claimreview-feed.json")
    assert len(first.json()["dataFeedElement"]) == 1
    assert 'rel="next"' in first["Link"]
    last = client.get("/api/public/claimreview-feed.json", {"page": total})
    assert "Link" not in last

    side = published(newsroom).claim.speaker.side
    page = client.get(f"/sides/{side.slug}/", {"page": 99})
    assert page.status_code == 200
    assert page.context["page"].paginator.per_page == 20


# --- 7. right of reply on a live verdict ---------------------------------------------------------


def test_a_fact_checker_cannot_add_a_reply_to_a_published_verdict(newsroom):
    verdict = published(newsroom)
    checker = newsroom["users"][roles.FACT_CHECKER]
    Claim.objects.filter(pk=verdict.claim_id).update(assignee=checker)
    verdict.claim.refresh_from_db()
    with pytest.raises(actions.workflow.NotAllowed, match="Only an editor"):
        actions.record_reply_attempt(
            verdict.claim,
            checker,
            "Ministry",
            "e-mail",
            outcome="answered",
            answer="Unreviewed text",
        )


def test_a_reply_recorded_after_publication_shows_its_date(client, newsroom):
    verdict = published(newsroom)
    actions.record_reply_attempt(
        verdict.claim,
        newsroom["users"][roles.EDITOR],
        "Ministry",
        "e-mail",
        outcome="answered",
        answer="A late answer",
    )
    page = client.get(f"/verdicts/{verdict.pk}/").content.decode()
    assert "A late answer" in page
    assert "added after publication, on" in page


# --- 8. the admin ---------------------------------------------------------------------------


def test_the_admin_cannot_bring_back_a_retracted_claim_or_edit_a_published_one(newsroom):
    admin_user = newsroom["users"][roles.ADMIN]
    client = log_in(Client(), admin_user)
    verdict = published(newsroom)
    claim = verdict.claim
    article = Article.objects.filter(claims=claim).first()

    page = client.get(f"/admin/claims/claim/{claim.pk}/change/")
    assert page.status_code == 200
    assert 'name="text"' not in page.content.decode()  # shown, not editable
    client.post(f"/admin/claims/claim/{claim.pk}/change/", {"text": "Rewritten"})
    claim.refresh_from_db()
    assert claim.text != "Rewritten"
    if article:
        inline = client.get(f"/admin/claims/article/{article.pk}/change/").content.decode()
        assert 'name="claims-0-status"' not in inline


def test_every_admin_change_is_audited(newsroom):
    admin_user = newsroom["users"][roles.ADMIN]
    client = log_in(Client(), admin_user)
    side = Side.objects.first()

    response = client.post(
        f"/admin/claims/side/{side.pk}/change/", {"name": "Renamed side", "slug": side.slug}
    )

    assert response.status_code == 302
    event = AuditEvent.objects.filter(action="admin-change").latest("pk")
    assert event.actor == admin_user and "Renamed side" in event.subject


# --- 9. API tokens ---------------------------------------------------------------------------


def _with_second_factor(user):
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "app"})
    return user


def test_a_token_is_issued_only_to_someone_with_a_second_factor(make_user):
    checker = make_user("robot", role=roles.FACT_CHECKER)
    with pytest.raises(api_tokens.TokenRefused, match="second factor"):
        api_tokens.issue_token(checker, "script")
    token, key = api_tokens.issue_token(_with_second_factor(checker), "script")
    assert key not in (token.digest, token.prefix) and token.digest


def test_a_read_only_token_reads_but_cannot_ingest(make_user):
    user = _with_second_factor(make_user("robot", role=roles.FACT_CHECKER))
    _token, key = api_tokens.issue_token(user, "reader", ApiToken.Scope.READ)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    assert api.get("/api/ingestions/").status_code == 200
    refused = api.post(
        "/api/ingestions/", {"text": "The army said it shelled the dam."}, format="json"
    )
    assert refused.status_code == 403
    assert not Article.objects.exists()


def test_an_ingest_token_ingests(make_user):
    user = _with_second_factor(make_user("robot", role=roles.FACT_CHECKER))
    _token, key = api_tokens.issue_token(user, "feeder", ApiToken.Scope.INGEST)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.post(
        "/api/ingestions/", {"text": "The army said it shelled the dam."}, format="json"
    )
    assert response.status_code in (201, 202), response.content


def test_an_expired_token_or_one_whose_owner_lost_the_second_factor_is_refused(make_user):
    user = _with_second_factor(make_user("robot", role=roles.FACT_CHECKER))
    token, key = api_tokens.issue_token(user, "script")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    assert "expired" in api.get("/api/ingestions/").json()["detail"]

    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() + timedelta(days=1))
    TOTPDevice.objects.filter(user=user).delete()
    assert api.get("/api/ingestions/").status_code == 401


def test_drf_tokens_that_never_expire_are_not_accepted(make_user):
    from rest_framework.authtoken.models import Token

    user = _with_second_factor(make_user("robot", role=roles.FACT_CHECKER))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    assert api.get("/api/ingestions/").status_code == 401


# --- 10. open redirect ------------------------------------------------------------------------


def test_bulk_assign_never_sends_an_editor_to_another_site(newsroom):
    client = log_in(Client(), newsroom["users"][roles.EDITOR])
    claim = Claim.objects.filter(status=Claim.Status.SELECTED).first() or Claim.objects.first()
    for target, expected in (
        ("https://evil.example/", "/newsroom/queue/"),
        ("//evil.example/", "/newsroom/queue/"),
        ("/newsroom/queue/?status=new", "/newsroom/queue/?status=new"),
    ):
        response = client.post(
            "/newsroom/queue/assign/",
            {
                "claim": [claim.pk],
                "assignee": newsroom["users"][roles.FACT_CHECKER].pk,
                "next": target,
            },
        )
        assert response["Location"] == expected


# --- 11. one reader's message is never cached for another -----------------------------------


def test_one_readers_message_is_never_served_to_another(newsroom):
    request = ReaderRequest.objects.create(text="Is the dam mined?")
    subscription = ReaderSubscription.objects.create(request=request, email="a@example.org")
    reader_a, reader_b = Client(), Client()

    done = reader_a.post(f"/unsubscribe/{subscription.token}/", follow=True)
    assert "forgotten your address" in done.content.decode()

    page = reader_b.get("/")
    assert "forgotten your address" not in page.content.decode()
    assert "messages" not in page.cookies


# --- decisions: counter-claims readers see, /healthz, body size ---------------------------------


def test_readers_see_only_triaged_counter_claims_labelled_with_their_state(client, newsroom):
    verdict = published(newsroom)
    other = Claim.objects.create(
        text="Untriaged accusation from the other side.", status=Claim.Status.NEW
    )
    rejected = Claim.objects.create(
        text="A rejected accusation from the other side.",
        status=Claim.Status.REJECTED,
        rejection_reason="Opinion",
    )
    selected = Claim.objects.create(
        text="A selected accusation from the other side.", status=Claim.Status.SELECTED
    )
    for claim in (other, rejected, selected):
        ClaimLink.objects.create(
            from_claim=verdict.claim, to_claim=claim, kind=ClaimLink.Kind.COUNTER
        )

    page = client.get(f"/verdicts/{verdict.pk}/").content.decode()

    assert "A selected accusation" in page and "being checked" in page
    assert "Untriaged accusation" not in page
    assert "A rejected accusation" not in page


def test_healthz_tells_strangers_only_the_status(client, settings):
    settings.HEALTHZ_TOKEN = "probe-secret"
    stranger = client.get("/healthz", REMOTE_ADDR="203.0.113.7").json()
    assert set(stranger) == {"status"}
    probe = client.get("/healthz", REMOTE_ADDR="203.0.113.7", HTTP_X_HEALTHZ_TOKEN="probe-secret")
    assert "services" in probe.json()
    wrong = client.get("/healthz", REMOTE_ADDR="203.0.113.7", HTTP_X_HEALTHZ_TOKEN="guess")
    assert set(wrong.json()) == {"status"}


def test_an_oversized_form_body_is_refused_before_it_is_read(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/ask/", {"text": "x" * 5000, "url": "", "email": ""})
    assert response.status_code == 400


def test_the_proxy_in_compose_caps_request_bodies():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert "client_max_body_size 6m;" in (root / "deploy/nginx.conf").read_text()
    assert (
        "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf" in (root / "compose.yaml").read_text()
    )


def test_export_of_the_demo_has_no_secret(newsroom):
    text = json.dumps(export_newsroom())
    assert "pbkdf2" not in text and "password" not in text
