"""Who may open every URL of the project: one row per URL pattern, every role, CSRF enforced.

A new URL pattern without a row here fails test_every_url_pattern_has_a_row: deciding who may
use it is part of adding it. A sixth person, an editor who gave the password but not yet the
second factor, is refused everything but the public site, whatever the row says for editors.
The workflow's finer rules (which step, in which state, for whom) are pinned by
test_workflow_permissions.py; here each row checks the door.
"""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.crypto import get_random_string
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from claims.demo.newsroom import load_demo
from claims.models import (
    Article,
    ClaimLink,
    ClaimSuggestion,
    Evidence,
    Follow,
    ReaderSubscription,
    TakeRequest,
)
from tests.sessions import log_in

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "checker", "editor", "admin"]
LOGIN = "login"  # a redirect to the login page
SECOND_FACTOR = "second factor"  # a redirect to type the code, or a 403 from the API
UNCONFIRMED = "unconfirmed-editor"
MEMBERS = {"checker", "editor", "admin"}
HANDLED = {200, 201, 204, 302, 400, 403, 409}  # the workflow decides; never a 5xx or a 404


def every(status):
    return dict.fromkeys(ROLES, {status})


def members_only(ok, anonymous=LOGIN, refused=403):
    return {"anonymous": {anonymous}, "reader": {refused}} | {r: ok for r in MEMBERS}


def editors_only(ok, anonymous=LOGIN):
    return {"anonymous": {anonymous}, "reader": {403}, "checker": {403}} | {
        "editor": ok,
        "admin": ok,
    }


def api(ok):
    return {"anonymous": {401}, "reader": {403}} | {r: ok for r in MEMBERS}


# name: (method, url template, {role: allowed statuses})
ROWS = {
    "login": ("get", "/accounts/login/", every(200)),
    "logout": ("post", "/accounts/logout/", every(302)),
    "second-factor": (
        "get",
        "/accounts/two-factor/",
        {"anonymous": {LOGIN}, UNCONFIRMED: {200}} | {r: {302} for r in ROLES[1:]},
    ),  # without an app: to set one up; already confirmed: onwards
    "second-factor-setup": (
        "get",
        "/accounts/two-factor/set-up/",
        {"anonymous": {LOGIN}, UNCONFIRMED: {302}} | {r: {200} for r in ROLES[1:]},
    ),  # replacing an app needs the old one first
    "recovery-codes": (
        "get",
        "/accounts/two-factor/recovery-codes/",
        {"anonymous": {LOGIN}, "reader": {302}, "checker": {302}, UNCONFIRMED: {302}}
        | {"editor": {200}, "admin": {200}},
    ),
    "healthz": ("get", "/healthz", every(503)),  # no worker runs in this test
    "api-schema": ("get", "/api/schema/", every(200)),
    "api-ingestion-list": ("get", "/api/ingestions/", api({200})),
    "api-claim-match": ("get", "/api/claims/match/?q=phosphorus", api({200})),
    "api-ingestion-detail": ("get", "/api/ingestions/{article}/", api({200})),
    "api-ingestion-retry": ("post", "/api/ingestions/{article}/retry/", api({200})),
    "api-suggestion-accept": ("post", "/api/suggestions/{suggestion}/accept/", api({200})),
    "api-suggestion-reject": ("post", "/api/suggestions/{suggestion}/reject/", api({204})),
    "newsroom:home": ("get", "/newsroom/", members_only({200})),
    "newsroom:has-been-checked": ("get", "/newsroom/checked/?q=phosphorus", members_only({200})),
    "newsroom:queue": ("get", "/newsroom/queue/", members_only({200})),
    "newsroom:bulk-assign": ("post", "/newsroom/queue/assign/", editors_only(HANDLED)),
    "newsroom:save-filter": ("post", "/newsroom/queue/saved/", members_only(HANDLED)),
    "newsroom:dashboard": ("get", "/newsroom/dashboard/", editors_only({200})),
    "newsroom:conflicts": ("get", "/newsroom/conflicts/", members_only({200})),
    "newsroom:notifications": ("get", "/newsroom/notifications/", members_only({200})),
    "newsroom:ingest": ("get", "/newsroom/articles/new/", members_only({200})),
    "newsroom:article": ("get", "/newsroom/articles/{article}/", members_only({200})),
    "newsroom:article-retry": (
        "post",
        "/newsroom/articles/{article}/retry/",
        members_only({302}),
    ),
    "newsroom:log-passage": (
        "post",
        "/newsroom/articles/{article}/passage/",
        members_only({302}),
    ),
    "newsroom:accept-suggestion": (
        "post",
        "/newsroom/suggestions/{suggestion}/accept/",
        members_only({302}),
    ),
    "newsroom:reject-suggestion": (
        "post",
        "/newsroom/suggestions/{suggestion}/reject/",
        members_only({302}),
    ),
    "newsroom:claim": ("get", "/newsroom/claims/{claim}/", members_only({200})),
    "newsroom:transition": (
        "post",
        "/newsroom/claims/{claim}/do/select/",
        members_only(HANDLED),
    ),
    "newsroom:save-verdict": ("post", "/newsroom/claims/{claim}/verdict/", members_only(HANDLED)),
    "newsroom:evidence-copy": (
        "get",
        "/newsroom/claims/{claim}/evidence/{claim_evidence}/copy/",
        members_only({404}),
    ),  # the row's source has no copy: a 404 that says so, for the newsroom only
    "newsroom:retry-archive": (
        "post",
        "/newsroom/claims/{claim}/evidence/{claim_evidence}/retry/",
        members_only(HANDLED),
    ),
    "newsroom:edit-evidence": (
        "post",
        "/newsroom/claims/{claim}/evidence/{claim_evidence}/edit/",
        members_only(HANDLED),
    ),
    "newsroom:remove-evidence": (
        "post",
        "/newsroom/claims/{claim}/evidence/{claim_evidence}/remove/",
        members_only(HANDLED),
    ),
    "newsroom:publish": ("get", "/newsroom/claims/{in_review}/publish/", editors_only({200})),
    "newsroom:preview": ("get", "/newsroom/claims/{in_review}/preview/", members_only({200})),
    "newsroom:ask-to-take": ("post", "/newsroom/claims/{claim}/ask/", members_only(HANDLED)),
    "newsroom:answer-take-request": (
        "post",
        "/newsroom/take-requests/{take}/approve/",
        members_only(HANDLED),
    ),
    "newsroom:correct": ("post", "/newsroom/claims/{claim}/correct/", members_only(HANDLED)),
    "newsroom:edit-claim": ("post", "/newsroom/claims/{claim}/edit/", members_only(HANDLED)),
    "newsroom:add-evidence": (
        "post",
        "/newsroom/claims/{claim}/evidence/",
        members_only(HANDLED),
    ),
    "newsroom:add-note": ("post", "/newsroom/claims/{claim}/notes/", members_only(HANDLED)),
    "newsroom:add-reply": ("post", "/newsroom/claims/{claim}/replies/", members_only(HANDLED)),
    "newsroom:link-claim": ("post", "/newsroom/claims/{claim}/links/", members_only(HANDLED)),
    "newsroom:unlink-claim": (
        "post",
        "/newsroom/claims/{claim}/links/{link}/remove/",
        members_only(HANDLED),
    ),
    "public:home": ("get", "/", every(200)),
    "public:robots": ("get", "/robots.txt", every(200)),
    "public:browse": ("get", "/verdicts/", every(200)),
    "public:verdict": ("get", "/verdicts/{verdict}/", every(200)),
    "public:speaker": ("get", "/speakers/{speaker}/", every(200)),
    "public:topic": ("get", "/topics/diplomacy/", every(200)),
    "public:side": ("get", "/sides/russia/", every(200)),
    "public:methodology": ("get", "/methodology/", every(200)),
    "public:corrections": ("get", "/corrections/", every(200)),
    "public:ask": ("get", "/ask/", every(200)),
    "public:archived-article": ("get", "/archive/articles/{published_article}/", every(200)),
    "public:archived-evidence": ("get", "/archive/evidence/{evidence}/", every(200)),
    "public:archived-article-copy": (
        "get",
        "/archive/articles/{published_article}/copy/",
        every(200),
    ),
    "public:archived-evidence-copy": ("get", "/archive/evidence/{evidence}/copy/", every(200)),
    "public:about": ("get", "/about/", every(200)),
    "public:transparency": ("get", "/transparency/", every(200)),
    "public:open-data": ("get", "/open-data/", every(200)),
    "public:follow-verdict": ("get", "/follow/verdicts/{verdict}/", every(200)),
    "public:follow-speaker": ("get", "/follow/speakers/{speaker}/", every(200)),
    "public:follow-confirm": ("get", "/follow/confirm/{follow_token}/", every(200)),
    "public:follow-stop": ("get", "/follow/stop/{follow_token}/", every(200)),
    # Not built in this test: a 404 that says so, to everyone alike.
    "public:open-data-json": ("get", "/open-data/verdicts.json", every(404)),
    "public:open-data-csv": ("get", "/open-data/verdicts.csv", every(404)),
    "public:favicon": ("get", "/favicon.ico", every(200)),
    "public:unsubscribe": ("get", "/unsubscribe/{token}/", every(200)),
    "public:feed-rss": ("get", "/feeds/rss/", every(200)),
    "public:feed-atom": ("get", "/feeds/atom/", every(200)),
    "public:topic-rss": ("get", "/feeds/topics/diplomacy/rss/", every(200)),
    "public:topic-atom": ("get", "/feeds/topics/diplomacy/atom/", every(200)),
    "public:speaker-rss": ("get", "/feeds/speakers/{speaker}/rss/", every(200)),
    "public:speaker-atom": ("get", "/feeds/speakers/{speaker}/atom/", every(200)),
    "public:sitemap": ("get", "/sitemap.xml", every(200)),
    "public:api-verdict-list": ("get", "/api/public/verdicts/", every(200)),
    "public:api-verdict-detail": ("get", "/api/public/verdicts/{verdict}/", every(200)),
    "public:claimreview-feed": ("get", "/api/public/claimreview-feed.json", every(200)),
    # Django admin: staff only; its own pages follow the model permissions of each role.
    "admin": (
        "get",
        "/admin/",
        {"anonymous": {302}, "reader": {302}, "checker": {302}} | {"editor": {302}, "admin": {200}},
    ),  # fmt: skip
}


def url_names(patterns=None, namespace=""):
    """Every named URL pattern of the project; Django admin counts as one ("admin")."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == admin_site.name:
                names.add("admin")
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_pattern_has_a_row():
    assert url_names() == set(ROWS)


@pytest.fixture
def newsroom(make_user):
    demo = load_demo()
    people = {
        "reader": make_user("a-reader"),
        "checker": demo["users"][roles.FACT_CHECKER],
        "editor": demo["users"][roles.EDITOR],
        "admin": demo["users"][roles.ADMIN],
        UNCONFIRMED: make_user("unconfirmed", role=roles.EDITOR),
    }
    TOTPDevice.objects.create(user=people[UNCONFIRMED], name="app", confirmed=True)
    published = demo["claims"]["russian-reply"]
    evidence = Evidence.objects.filter(claim=published).first()
    Evidence.objects.filter(pk=evidence.pk).update(
        archive_status="archived", archived_snapshot=b"<p>copy</p>"
    )
    article = Article.objects.create(url="https://example.org/failed", status="failed")
    suggestion = ClaimSuggestion.objects.create(
        article=article, text="The ministry said so.", speaker_text="The ministry",
        span_start=0, span_end=10,
    )  # fmt: skip
    subscription = ReaderSubscription.objects.first() or _subscription(published)
    values = {
        "article": article.pk,
        "suggestion": suggestion.pk,
        "claim": demo["claims"]["rockets"].pk,
        "verdict": published.verdict.pk,
        "speaker": published.speaker.slug,
        "published_article": published.article_id,
        "evidence": evidence.pk,
        "token": subscription.token,
        "link": ClaimLink.objects.filter(from_claim=demo["claims"]["rockets"]).first().pk,
        "in_review": demo["claims"]["turkey-recruits"].pk,
        "follow_token": Follow.objects.create(
            email="r@example.org", speaker=published.speaker
        ).token,
        "claim_evidence": Evidence.objects.create(
            claim=demo["claims"]["rockets"], title="A source", added_by=people["editor"]
        ).pk,
        "take": TakeRequest.objects.create(
            claim=demo["claims"]["rockets"], user=make_user("asks", role=roles.FACT_CHECKER)
        ).pk,
    }
    return people, values


def _subscription(claim):
    from claims.public.reader_requests import request_check

    request_check(text=claim.text, url="", email="reader@example.org")
    return ReaderSubscription.objects.get()


def guarded_by_the_second_factor(url):
    public_api = url.startswith(("/api/public/", "/api/schema/"))
    return url.startswith(("/newsroom/", "/admin/")) or url.startswith("/api/") and not public_api


@pytest.mark.parametrize("who", [*ROLES, UNCONFIRMED])
@pytest.mark.parametrize("name", sorted(ROWS))
def test_who_may_open_each_url(newsroom, name, who):
    people, values = newsroom
    method, template, allowed = ROWS[name]
    client = Client(enforce_csrf_checks=True)
    if who == UNCONFIRMED:
        client.force_login(people[who])  # the password only
        if who not in allowed:
            guarded = guarded_by_the_second_factor(template)
            allowed = allowed | {who: {SECOND_FACTOR} if guarded else allowed["editor"]}
    elif who != "anonymous":
        log_in(client, people[who])
    url = template.format(**values)
    if method == "get":
        response = client.get(url)
    else:
        token = get_random_string(32)
        client.cookies["csrftoken"] = token
        response = client.post(url, {"csrfmiddlewaretoken": token}, HTTP_X_CSRFTOKEN=token)
    expected = allowed[who]
    if expected == {LOGIN}:
        assert response.status_code == 302, (url, who, response.status_code)
        assert response["Location"].startswith("/accounts/login/")
    elif expected == {SECOND_FACTOR} and url.startswith("/api/"):
        assert response.status_code == 403, (url, who, response.status_code)
        assert "second factor" in response.json()["detail"]
    elif expected == {SECOND_FACTOR}:
        assert response.status_code == 302, (url, who, response.status_code)
        assert response["Location"].startswith("/accounts/two-factor/?next=")
    else:
        assert response.status_code in expected, (url, who, response.status_code)


def test_a_post_without_the_csrf_token_is_refused(newsroom):
    people, values = newsroom
    client = Client(enforce_csrf_checks=True)
    log_in(client, people["editor"])
    response = client.post(f"/newsroom/claims/{values['claim']}/do/select/")
    assert response.status_code == 403
