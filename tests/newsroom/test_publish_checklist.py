"""Before readers see a verdict: the checklist, the preview and the confirmation."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts import roles
from claims import actions, workflow
from claims.models import Claim, ClaimLink, Evidence, Rating, ReplyAttempt, Verdict
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(make_user):
    author = make_user("author", role=roles.FACT_CHECKER)
    editor = make_user("editor1", role=roles.EDITOR)
    claim = Claim.objects.create(text="They used phosphorus munitions.", status="in_review")
    Verdict.objects.create(
        claim=claim,
        rating=Rating.objects.get(slug="unproven"),
        headline="No proof yet",
        claim_reviewed="They used phosphorus munitions",
        summary="s",
        explanation="e",
        author=author,
    )
    Evidence.objects.create(claim=claim, title="Ministry statement", added_by=author)
    Evidence.objects.create(claim=claim, title="Satellite images", added_by=author)
    return claim, editor, author


def items(claim, **data):
    return {item.key: item for item in workflow.publish_checklist(claim, data)}


def test_a_source_whose_archive_failed_must_be_retried_or_accepted(in_review):
    claim, editor, author = in_review
    Evidence.objects.create(
        claim=claim, url="https://example.org/gone", title="Gone", archive_status="failed",
        added_by=author,
    )  # fmt: skip

    assert not items(claim)["archived"].holds
    with pytest.raises(workflow.NotReady, match="1 source has no archived copy"):
        actions.publish_verdict(claim, editor, confirmed=True, no_reply_sought=True,
                                no_counter_claims=True)  # fmt: skip
    assert items(claim, accept_unarchived=True)["archived"].holds


def test_a_reply_still_awaited_blocks_publishing_until_its_deadline_or_the_answer(in_review):
    claim, editor, author = in_review
    ticks = {"confirmed": True, "no_counter_claims": True}
    attempt = ReplyAttempt.objects.create(
        claim=claim, contacted="Ministry press office", channel="e-mail",
        answer_by=timezone.now() + timedelta(hours=3), recorded_by=author,
    )  # fmt: skip

    reply = items(claim)["reply"]
    assert not reply.holds and reply.tick == ""  # no tick can wave a pending reply through
    assert "Waiting for an answer from Ministry press office" in reply.detail
    with pytest.raises(workflow.NotReady, match="Waiting for an answer"):
        actions.publish_verdict(claim, editor, no_reply_sought=True, **ticks)

    # The answer arrives: a later attempt to the same person records it.
    actions.record_reply_attempt(
        claim, editor, contacted="ministry press office", channel="phone",
        outcome=ReplyAttempt.Outcome.ANSWERED, answer="We deny it.",
    )  # fmt: skip
    assert items(claim)["reply"].holds

    # Or no answer came and the deadline passed.
    ReplyAttempt.objects.exclude(pk=attempt.pk).delete()
    ReplyAttempt.objects.filter(pk=attempt.pk).update(answer_by=timezone.now() - timedelta(1))
    assert items(claim)["reply"].holds
    actions.publish_verdict(claim, editor, **ticks)
    assert Claim.objects.get(pk=claim.pk).status == "published"


def test_an_attempt_without_its_own_deadline_gets_a_day(in_review):
    claim, editor, author = in_review
    attempt = ReplyAttempt.objects.create(
        claim=claim, contacted="Spokesman", channel="phone",
        contacted_at=timezone.now() - timedelta(hours=23), recorded_by=author,
    )  # fmt: skip
    assert not items(claim)["reply"].holds
    ReplyAttempt.objects.filter(pk=attempt.pk).update(
        contacted_at=timezone.now() - timedelta(hours=25)
    )
    assert items(claim)["reply"].holds


def test_the_other_side_is_linked_or_ticked_none_found(in_review):
    claim, editor, author = in_review
    assert not items(claim)["other_side"].holds
    assert items(claim, no_counter_claims=True)["other_side"].holds
    other = Claim.objects.create(text="We never used them.")
    ClaimLink.objects.create(from_claim=other, to_claim=claim, kind="counter")
    assert items(claim)["other_side"].done


def test_publishing_without_confirming_the_preview_is_refused(in_review):
    claim, editor, author = in_review
    with pytest.raises(workflow.NotReady, match="Read the preview"):
        actions.publish_verdict(claim, editor, no_reply_sought=True, no_counter_claims=True)
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


def test_what_the_editor_accepted_by_a_tick_is_in_the_audit_trail(in_review):
    claim, editor, author = in_review
    actions.publish_verdict(
        claim, editor, confirmed=True, no_reply_sought=True, no_counter_claims=True
    )
    event = claim.audit_events.get(action="publish")
    assert event.actor == editor
    assert "Right of reply" in event.summary
    assert "The other side's claims linked" in event.summary
    assert "Every source archived" not in event.summary  # it held: nothing was accepted


def test_the_publish_page_shows_the_checklist_and_a_refusal_comes_back_to_it(in_review):
    claim, editor, author = in_review
    client = Client()
    log_in(client, editor)

    page = client.get(f"/newsroom/claims/{claim.pk}/publish/").content.decode()
    response = client.post(f"/newsroom/claims/{claim.pk}/do/publish/", {"confirmed": "1"})

    assert 'data-item="reply"' in page and 'name="no_reply_sought"' in page
    assert f"/newsroom/claims/{claim.pk}/preview/" in page
    assert response["Location"] == f"/newsroom/claims/{claim.pk}/publish/"
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


def test_the_preview_is_the_public_page_unpublished_and_never_indexed(in_review):
    claim, editor, author = in_review
    client = Client()
    log_in(client, author)

    response = client.get(f"/newsroom/claims/{claim.pk}/preview/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "No proof yet" in page and "Not published yet" in page
    assert 'name="robots" content="noindex, nofollow"' in page
    assert "application/ld+json" not in page  # no ClaimReview for an unpublished verdict
    assert response["Cache-Control"] == "private, no-store"
    assert Client().get(f"/newsroom/claims/{claim.pk}/preview/").status_code == 302


def test_two_sources_from_one_site_count_once_and_fewer_need_a_reason_readers_see(
    in_review, client
):
    claim, editor, author = in_review
    Evidence.objects.filter(claim=claim).delete()
    for path in ("statement", "statement-2"):
        Evidence.objects.create(
            claim=claim, url=f"https://www.mod.example/{path}", title=path, added_by=author,
            archive_status="archived",
        )  # fmt: skip
    ticks = {"confirmed": True, "no_reply_sought": True, "no_counter_claims": True}

    assert workflow.independent_sources(claim) == 1
    assert "1 independent" in items(claim)["sources"].detail
    with pytest.raises(workflow.NotReady, match="1 independent"):
        actions.publish_verdict(claim, editor, **ticks)
    with pytest.raises(workflow.NotReady, match="1 independent"):
        actions.publish_verdict(claim, editor, sources_exception="   ", **ticks)

    actions.publish_verdict(
        claim, editor, sources_exception="Only the ministry has spoken so far.", **ticks
    )

    verdict = claim.verdict.__class__.objects.get(claim=claim)
    assert verdict.sourcing_exception == "Only the ministry has spoken so far."
    assert claim.audit_events.filter(action="sourcing_exception").exists()
    page = client.get(verdict.public_url()).content.decode()
    assert "Only the ministry has spoken so far." in page


def test_enough_independent_sources_need_no_reason_and_none_is_kept(in_review, settings):
    claim, editor, author = in_review
    ticks = {"confirmed": True, "no_reply_sought": True, "no_counter_claims": True}
    assert workflow.independent_sources(claim) == 2
    actions.publish_verdict(claim, editor, sources_exception="not needed", **ticks)
    assert claim.verdict.__class__.objects.get(claim=claim).sourcing_exception == ""
    settings.SOURCES_REQUIRED = 3
    other = Claim.objects.create(text="Another claim.", status="in_review")
    assert not items(other)["sources"].holds


def test_the_claim_for_search_engines_is_required_and_is_what_claimreview_carries(
    in_review, client
):
    from claims.public.claimreview import claim_review

    claim, editor, author = in_review
    Verdict.objects.filter(claim=claim).update(claim_reviewed="")
    claim = Claim.objects.get(pk=claim.pk)
    ticks = {"confirmed": True, "no_reply_sought": True, "no_counter_claims": True}

    assert not items(claim)["claim_reviewed"].holds
    with pytest.raises(workflow.NotReady, match="Write it in the verdict draft"):
        actions.publish_verdict(claim, editor, **ticks)

    Verdict.objects.filter(claim=claim).update(claim_reviewed="Phosphorus used near Shusha")
    actions.publish_verdict(Claim.objects.get(pk=claim.pk), editor, **ticks)
    data = claim_review(Verdict.objects.get(claim=claim))
    assert data["claimReviewed"] == "Phosphorus used near Shusha"


def test_an_older_verdict_without_it_gives_search_engines_its_claim_cut_at_a_word(in_review):
    from claims.public.claimreview import claim_review

    claim, editor, author = in_review
    Claim.objects.filter(pk=claim.pk).update(
        checkable_text="Azerbaijan's army used white phosphorus munitions on the forests near "
        "Shusha in late October 2020."
    )
    Verdict.objects.filter(claim=claim).update(claim_reviewed="", published_at="2020-11-01T00:00Z")
    short = claim_review(Verdict.objects.get(claim=claim))["claimReviewed"]
    assert len(short) < 75 and short.endswith("…")
    assert short.startswith("Azerbaijan's army used white phosphorus munitions")
