"""What must hold before each step, and what each step leaves behind."""

import pytest
from django.db import IntegrityError, ProgrammingError, connection, transaction
from django.test import Client

from accounts import roles
from claims import actions, workflow
from claims.models import (
    Actor,
    AuditEvent,
    Claim,
    ConflictOfInterest,
    Correction,
    OutboxMessage,
    Rating,
    Side,
)
from tests.publishing import publish
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user, newsroom_setup):
    side = Side.objects.create(name="Armenia", slug="armenia")
    speaker = Actor.objects.create(name="Armenian MOD", slug="am-mod", side=side)
    return {
        "checker": make_user("checker1", role=roles.FACT_CHECKER, email="c@example.org"),
        "editor": make_user("editor1", role=roles.EDITOR, email="e@example.org"),
        "editor2": make_user("editor2", role=roles.EDITOR, email="e2@example.org"),
        "side": side,
        "claim": Claim.objects.create(text="Azerbaijan used phosphorus.", speaker=speaker),
    }


def researched(desk):
    claim = actions.assign_claim(desk["claim"], desk["editor"], desk["checker"])
    claim = actions.start_research(claim, desk["checker"])
    return claim


def test_sending_to_review_needs_rating_summary_explanation_and_evidence(desk):
    claim = researched(desk)

    with pytest.raises(workflow.NotReady) as refused:
        actions.submit_for_review(claim, desk["checker"])

    assert refused.value.problems == [
        "The verdict needs a rating.",
        "The verdict needs a summary.",
        "The verdict needs an explanation.",
        "Add at least one evidence source.",
    ]
    claim.refresh_from_db()
    assert claim.status == "in_research"


def test_a_refused_step_shows_its_reasons_to_the_user_not_a_500(desk):
    claim = researched(desk)
    client = Client()
    log_in(client, desk["checker"])

    response = client.post(f"/newsroom/claims/{claim.pk}/do/submit_for_review/", follow=True)

    assert response.status_code == 200
    assert "Add at least one evidence source." in response.content.decode()


def full_cycle(desk):
    claim = researched(desk)
    actions.save_verdict(
        claim,
        desk["checker"],
        rating=Rating.objects.get(slug="unproven"),
        headline="H",
        claim_reviewed="Rockets hit the town",
        summary="Summary",
        explanation="Explanation",
    )
    actions.add_evidence(claim, desk["checker"], title="Ministry statement")
    claim = actions.submit_for_review(claim, desk["checker"])
    return publish(claim, desk["editor"])


def test_the_whole_cycle_leaves_an_audit_trail_and_a_reviewer(desk):
    claim = full_cycle(desk)

    assert claim.status == "published"
    assert claim.verdict.reviewer == desk["editor"]
    assert claim.verdict.published_at is not None
    assert list(claim.audit_events.values_list("action", flat=True)) == [
        "assign",
        "start_research",
        "verdict",
        "evidence",
        "submit_for_review",
        "publish",
        "sourcing_exception",  # one source where two are required: the editor said why
    ]
    assign = claim.audit_events.get(action="assign")
    assert assign.before["assignee_id"] is None
    assert assign.after["assignee_id"] == desk["checker"].pk


def test_assigning_to_someone_with_a_tie_to_the_speakers_side_is_refused(desk):
    ConflictOfInterest.objects.create(user=desk["checker"], side=desk["side"])

    with pytest.raises(workflow.NotReady, match="declared a tie to Armenia"):
        actions.assign_claim(desk["claim"], desk["editor"], desk["checker"])


def test_returning_needs_a_comment_which_reaches_the_fact_checker(desk):
    claim = researched(desk)
    actions.save_verdict(
        claim,
        desk["checker"],
        rating=Rating.objects.get(slug="false"),
        summary="S",
        explanation="E",
    )
    actions.add_evidence(claim, desk["checker"], title="Source")
    claim = actions.submit_for_review(claim, desk["checker"])

    with pytest.raises(workflow.NotReady):
        actions.return_to_research(claim, desk["editor"], "  ")
    claim = actions.return_to_research(claim, desk["editor"], "Cite the ministry's statement.")

    assert claim.status == "in_research"
    assert claim.notes.get().body == "Returned from review: Cite the ministry's statement."
    assert desk["checker"].notifications.filter(message__contains="Cite the ministry").exists()


def test_a_correction_is_labelled_and_keeps_the_earlier_rating(desk):
    claim = full_cycle(desk)
    false = Rating.objects.get(slug="false")

    correction = actions.record_correction(
        claim,
        desk["editor2"],
        kind="correction",
        note="The date of the strike was wrong.",
        version=claim.verdict.version,
        rating=false,
        headline="H",
        summary="Fixed",
        explanation="Explanation",
    )

    assert correction.kind == Correction.Kind.CORRECTION
    assert correction.previous_rating.slug == "unproven"
    assert correction.new_rating == false
    assert correction.changes["summary"] == ["Summary", "Fixed"]
    claim.refresh_from_db()
    assert claim.status == "published" and claim.verdict.rating == false


def test_a_retraction_needs_a_public_reason(desk):
    claim = full_cycle(desk)
    with pytest.raises(workflow.NotReady):
        actions.retract_verdict(claim, desk["editor"], "")
    claim = actions.retract_verdict(claim, desk["editor"], "Our source was fabricated.")
    assert claim.status == "retracted"
    assert claim.verdict.retraction_reason == "Our source was fabricated."


def test_the_audit_trail_cannot_be_edited_or_deleted_even_in_sql(desk):
    researched(desk)
    event = AuditEvent.objects.first()

    with pytest.raises(ProgrammingError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    with (
        pytest.raises(ProgrammingError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM claims_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk, summary="").exists()


def test_the_audit_trail_is_read_only_in_the_admin(desk, make_user):
    researched(desk)
    admin = make_user("root", role=roles.ADMIN, is_staff=True, is_superuser=True)
    client = Client()
    log_in(client, admin)
    event = AuditEvent.objects.first()

    assert client.get("/admin/claims/auditevent/").status_code == 200
    page = client.get(f"/admin/claims/auditevent/{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get("/admin/claims/auditevent/add/").status_code == 403
    assert (
        client.post(f"/admin/claims/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_each_notification_is_written_to_the_outbox_in_the_same_transaction(desk):
    with pytest.raises(IntegrityError), transaction.atomic():
        actions.assign_claim(desk["claim"], desk["editor"], desk["checker"])
        raise IntegrityError("the request fails after the action")

    assert not OutboxMessage.objects.filter(task="verify.deliver_notification").exists()
    actions.assign_claim(desk["claim"], desk["editor"], desk["checker"])
    assert OutboxMessage.objects.filter(task="verify.deliver_notification").count() == 1


def test_two_people_saving_the_same_verdict_the_second_is_refused_and_shown_the_first(desk):
    claim = researched(desk)
    actions.save_verdict(claim, desk["checker"], summary="First draft", explanation="E")
    loaded_version = claim.verdict.version
    checker, editor = Client(), Client()
    log_in(checker, desk["checker"])
    log_in(editor, desk["editor"])
    url = f"/newsroom/claims/{claim.pk}/verdict/"

    first = checker.post(
        url, {"version": loaded_version, "summary": "Checker's summary", "explanation": "E"}
    )
    second = editor.post(
        url, {"version": loaded_version, "summary": "Editor's summary", "explanation": "E"}
    )

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "saved this while you were editing" in page
    assert "Checker&#x27;s summary" in page  # their version, shown
    assert "Editor&#x27;s summary" in page  # mine, kept in the form
    claim.refresh_from_db()
    assert claim.verdict.summary == "Checker's summary"


def test_two_people_editing_the_same_claim_the_second_is_refused(desk):
    claim = researched(desk)
    version = claim.version

    actions.edit_claim(claim, desk["checker"], version, checkable_text="First wording")
    with pytest.raises(actions.ConcurrentEdit) as refused:
        actions.edit_claim(claim, desk["editor"], version, checkable_text="Second wording")

    assert refused.value.current.checkable_text == "First wording"
    assert refused.value.changed_by == desk["checker"]
    claim.refresh_from_db()
    assert claim.checkable_text == "First wording"


def test_every_workflow_step_has_its_action_and_a_form_for_exactly_its_fields():
    """TRANSITIONS, the actions and the workspace's forms are three registries: kept in step."""
    from claims.newsroom.workspace import TRANSITION_FORMS

    # "correct" has its own action (record_correction) and page form (CorrectionForm).
    assert set(actions.TRANSITION_ACTIONS) | {"correct"} == set(workflow.TRANSITIONS)
    assert set(TRANSITION_FORMS) <= set(workflow.TRANSITIONS)
    for name, transition in workflow.TRANSITIONS.items():
        if name == "correct":
            continue
        form = TRANSITION_FORMS.get(name)
        assert set(transition.fields) == set(form.base_fields if form else ()), name


def test_the_state_groups_cover_every_status_once():
    S = Claim.Status
    assert set(workflow.OPEN) | set(workflow.CLOSED) == set(S.values)
    assert not set(workflow.OPEN) & set(workflow.CLOSED)
    assert set(workflow.RESEARCH) < set(workflow.ASSIGNED_WORK) < set(workflow.OPEN)
