"""The permission matrix: every role against every workflow step and edit, over HTTP.

Each case puts a claim in the state the step starts from, POSTs the step as the given role
(with CSRF checks enforced), and asserts that it happened or that it was refused with the
right status and no change.
"""

import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from accounts import roles
from claims import actions, workflow
from claims.models import Claim, ConflictOfInterest, Evidence, Rating, Verdict
from tests.sessions import log_in

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "assignee", "other_checker", "editor", "admin"]


@pytest.fixture
def people(make_user):
    return {
        "assignee": make_user("assignee", role=roles.FACT_CHECKER),
        "other_checker": make_user("other", role=roles.FACT_CHECKER),
        "editor": make_user("editor1", role=roles.EDITOR),
        "admin": make_user("admin1", role=roles.ADMIN, is_staff=True),
        "author": make_user("author", role=roles.FACT_CHECKER),
    }


def ready_claim(people, status):
    claim = Claim.objects.create(
        text="They used phosphorus munitions.",
        status=status,
        assignee=people["assignee"],
        rejection_reason="Opinion" if status == "rejected" else "",
    )
    Verdict.objects.create(
        claim=claim,
        rating=Rating.objects.get(slug="unproven"),
        summary="s",
        explanation="e",
        author=people["author"],
        headline="h",
        claim_reviewed="They used phosphorus munitions",
        published_at="2026-01-01T00:00Z" if status == "published" else None,
    )
    Evidence.objects.create(claim=claim, title="A source", added_by=people["author"])
    return claim


def post_as(people, who, url, data):
    """POST as `who` through Django's CSRF check, with the token a browser would send."""
    client = Client(enforce_csrf_checks=True)
    if who != "anonymous":
        log_in(client, people[who])
    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


# What an editor ticks on the publish page for a claim with no reply sought and no
# counter-claim linked (ready_claim's), and the confirmation that the preview was read.
PUBLISH = {
    "confirmed": "1",
    "no_reply_sought": "1",
    "no_counter_claims": "1",
    "sources_exception": "Only the ministry has spoken.",
}

# step, starting status, data, resulting status, who may
STEPS = [
    ("select", "new", {}, "selected", {"editor", "admin"}),
    ("reject", "selected", {"reason": "Opinion"}, "rejected", {"editor", "admin"}),
    ("reopen", "rejected", {}, "new", {"editor", "admin"}),
    ("assign", "selected", "ASSIGN", "assigned", {"editor", "admin"}),
    ("start_research", "assigned", {}, "in_research", {"assignee", "editor", "admin"}),
    ("submit_for_review", "in_research", {}, "in_review", {"assignee", "editor", "admin"}),
    ("return_to_research", "in_review", {"comment": "Fix it"}, "in_research", {"editor", "admin"}),
    ("publish", "in_review", PUBLISH, "published", {"editor", "admin"}),
    ("retract", "published", {"reason": "Wrong"}, "retracted", {"editor", "admin"}),
]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("step,start,data,end,allowed", STEPS, ids=[s[0] for s in STEPS])
def test_workflow_step_permission(people, newsroom_setup, who, step, start, data, end, allowed):
    claim = ready_claim(people, start)
    if data == "ASSIGN":
        data = {"assignee": people["assignee"].pk}

    response = post_as(people, who, f"/newsroom/claims/{claim.pk}/do/{step}/", data)

    claim.refresh_from_db()
    if who in allowed:
        assert response.status_code == 302, response.content[:500]
        assert claim.status == end
        assert claim.audit_events.filter(action=step).count() == 1
    else:
        expected = 302 if who == "anonymous" else 403
        assert response.status_code == expected
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]
        assert claim.status == start
        assert not claim.audit_events.exists()


EDITS = [
    # url suffix, status, data, who may
    (
        "verdict/",
        "in_research",
        {"summary": "new", "explanation": "e"},
        {"assignee", "editor", "admin"},
    ),
    ("verdict/", "in_review", {"summary": "new", "explanation": "e"}, {"editor", "admin"}),
    (
        "evidence/",
        "in_research",
        {"title": "Another source", "stance": "context"},
        {"assignee", "editor", "admin"},
    ),
    (
        "replies/",
        "in_research",
        {
            "contacted": "Press office",
            "channel": "e-mail",
            "contacted_at": "2026-01-02T10:00",
            "outcome": "waiting",
        },
        {"assignee", "editor", "admin"},
    ),
    # Once published, the reply shows on the live page: editors only.
    (
        "replies/",
        "published",
        {
            "contacted": "Press office",
            "channel": "e-mail",
            "contacted_at": "2026-01-02T10:00",
            "outcome": "answered",
            "answer": "We deny it.",
        },
        {"editor", "admin"},
    ),
    (
        "notes/",
        "in_research",
        {"body": "A thought"},
        {"assignee", "other_checker", "editor", "admin"},
    ),
    (
        "correct/",
        "published",
        {
            "kind": "update",
            "note": "New facts",
            "summary": "s2",
            "explanation": "e",
            "rating": "RATING",
        },
        {"editor", "admin"},
    ),
]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("suffix,status,data,allowed", EDITS, ids=[f"{e[0]}{e[1]}" for e in EDITS])
def test_edit_permission(people, newsroom_setup, who, suffix, status, data, allowed):
    claim = ready_claim(people, status)
    data = {**data, "version": claim.verdict.version}
    if data.get("rating") == "RATING":
        data["rating"] = Rating.objects.get(slug="false").pk

    response = post_as(people, who, f"/newsroom/claims/{claim.pk}/{suffix}", data)

    events = claim.audit_events.count()
    if who in allowed:
        assert response.status_code in (200, 302), response.content[:500]
        assert events == 1
    else:
        assert response.status_code == (302 if who == "anonymous" else 403)
        assert events == 0


@pytest.mark.parametrize(
    "url,allowed",
    [
        ("/newsroom/", {"assignee", "other_checker", "editor", "admin"}),
        ("/newsroom/queue/", {"assignee", "other_checker", "editor", "admin"}),
        ("/newsroom/dashboard/", {"editor", "admin"}),
        ("/newsroom/conflicts/", {"assignee", "other_checker", "editor", "admin"}),
        ("/newsroom/notifications/", {"assignee", "other_checker", "editor", "admin"}),
        ("CLAIM", {"assignee", "other_checker", "editor", "admin"}),
    ],
)
@pytest.mark.parametrize("who", ROLES)
def test_page_permission(people, newsroom_setup, who, url, allowed):
    if url == "CLAIM":
        url = f"/newsroom/claims/{ready_claim(people, 'in_research').pk}/"
    client = Client()
    if who != "anonymous":
        log_in(client, people[who])

    response = client.get(url)

    if who in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == (302 if who == "anonymous" else 403)


def test_a_fact_checker_never_sees_a_publish_button(people, newsroom_setup):
    claim = ready_claim(people, "in_review")
    client = Client()
    log_in(client, people["assignee"])
    publish_page = f"/newsroom/claims/{claim.pk}/publish/"
    assert publish_page not in client.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    assert client.get(publish_page).status_code == 403
    log_in(client, people["editor"])
    assert publish_page in client.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    assert "do/publish/" in client.get(publish_page).content.decode()


def test_a_forged_publish_post_without_csrf_token_changes_nothing(people, newsroom_setup):
    claim = ready_claim(people, "in_review")
    client = Client(enforce_csrf_checks=True)
    log_in(client, people["editor"])

    response = client.post(f"/newsroom/claims/{claim.pk}/do/publish/")

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_an_editor_cannot_publish_a_verdict_they_wrote(people, newsroom_setup):
    claim = ready_claim(people, "in_review")
    Verdict.objects.filter(claim=claim).update(author=people["editor"])

    response = post_as(people, "editor", f"/newsroom/claims/{claim.pk}/do/publish/", PUBLISH)

    assert response.status_code == 403
    assert "cannot approve a verdict they wrote" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_an_editor_with_a_declared_tie_cannot_publish_and_is_told_why(people, newsroom_setup):
    from claims.models import Actor, Side

    side = Side.objects.create(name="Azerbaijan", slug="az")
    claim = ready_claim(people, "in_review")
    claim.speaker = Actor.objects.create(name="Azerbaijani MOD", slug="az-mod", side=side)
    claim.save()
    ConflictOfInterest.objects.create(user=people["editor"], side=side)
    client = Client()
    log_in(client, people["editor"])

    page = client.get(f"/newsroom/claims/{claim.pk}/").content.decode()
    response = client.post(f"/newsroom/claims/{claim.pk}/do/publish/", PUBLISH)

    assert "You declared a tie to Azerbaijan" in page
    assert f"/newsroom/claims/{claim.pk}/publish/" not in page
    assert response.status_code == 403


# --- four eyes: who changed a verdict cannot also approve or correct it alone ----------------


def test_an_editor_who_changed_the_verdict_in_review_cannot_publish_it(people, newsroom_setup):
    claim = ready_claim(people, "in_review")
    actions.audit(claim, people["author"], "submit_for_review")
    rating = Rating.objects.get(slug="false").pk
    edit = post_as(
        people,
        "editor",
        f"/newsroom/claims/{claim.pk}/verdict/",
        {
            "summary": "Rewritten",
            "explanation": "e",
            "rating": rating,
            "claim_reviewed": "They used phosphorus munitions",
            "version": claim.verdict.version,
        },
    )
    assert edit.status_code in (200, 302)

    response = post_as(people, "editor", f"/newsroom/claims/{claim.pk}/do/publish/", PUBLISH)

    assert response.status_code == 403
    assert "You changed this verdict in review" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "in_review"
    # Another editor, who changed nothing, may approve it.
    other = post_as(people, "admin", f"/newsroom/claims/{claim.pk}/do/publish/", PUBLISH)
    assert other.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "published"


def test_the_authors_confirmation_lifts_the_four_eyes_refusal(people, newsroom_setup):
    claim = ready_claim(people, "in_review")
    actions.audit(claim, people["editor"], "verdict", "edited in review")
    assert workflow.changed_in_review(people["editor"], claim)
    actions.audit(claim, people["author"], "submit_for_review")  # the author sends it again
    assert not workflow.changed_in_review(people["editor"], claim)


@pytest.mark.parametrize("step", ["correct", "retract"])
def test_the_author_of_a_verdict_cannot_correct_or_retract_it(people, newsroom_setup, step):
    claim = ready_claim(people, "published")
    Verdict.objects.filter(claim=claim).update(author=people["editor"])
    claim.refresh_from_db()

    with pytest.raises(workflow.NotAllowed, match="they wrote"):
        workflow.check(people["editor"], step, claim, {"note": "n", "reason": "r"})


@pytest.mark.parametrize("step", ["correct", "retract"])
def test_an_editor_with_a_declared_tie_cannot_correct_or_retract(people, newsroom_setup, step):
    from claims.models import Actor, Side

    side = Side.objects.create(name="Armenia", slug="am")
    claim = ready_claim(people, "published")
    claim.speaker = Actor.objects.create(name="Armenian MOD", slug="am-mod", side=side)
    claim.save()
    ConflictOfInterest.objects.create(user=people["editor"], side=side)
    url = (
        f"/newsroom/claims/{claim.pk}/correct/"
        if step == "correct"
        else f"/newsroom/claims/{claim.pk}/do/retract/"
    )
    data = {
        "kind": "correction",
        "note": "n",
        "summary": "s",
        "explanation": "e",
        "rating": Rating.objects.get(slug="true").pk,
        "version": claim.verdict.version,
        "reason": "r",
    }

    response = post_as(people, "editor", url, data)

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "published"
    assert claim.verdict.rating.slug == "unproven"
    assert not claim.audit_events.exists()


def test_declaring_and_withdrawing_a_conflict_are_audited(people, newsroom_setup):
    from claims.models import AuditEvent, Side

    side = Side.objects.create(name="Armenia", slug="am")
    actions.declare_conflict(people["editor"], side, "Family there")
    actions.withdraw_conflict(people["editor"], side)

    events = AuditEvent.objects.filter(actor=people["editor"]).order_by("pk")
    assert [(e.action, e.subject) for e in events] == [
        ("declare-conflict", "conflict of interest: Armenia"),
        ("withdraw-conflict", "conflict of interest: Armenia"),
    ]
