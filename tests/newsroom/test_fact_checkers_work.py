"""What a fact-checker meets: the queue, asking to take a claim, an editor's "what to fix",
sources that can be retried, edited and removed, and a history in words."""

import pytest
from django.test import Client
from django.utils import timezone

from accounts import roles
from claims import actions, workflow
from claims.models import (
    Actor,
    AuditEvent,
    Claim,
    ConflictOfInterest,
    Evidence,
    Notification,
    OutboxMessage,
    Side,
    TakeRequest,
)
from claims.templatetags.verify import ago, when
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(make_user):
    side = Side.objects.create(name="Armenia", slug="armenia")
    speaker = Actor.objects.create(name="Ministry of Defence of Armenia", slug="mod", side=side)
    return {
        "checker": make_user("farid", role=roles.FACT_CHECKER, first_name="Farid"),
        "other": make_user("lena", role=roles.FACT_CHECKER, first_name="Lena"),
        "editor": make_user("editor1", role=roles.EDITOR),
        "side": side,
        "claim": Claim.objects.create(text="Rockets hit Martuni.", speaker=speaker),
    }


def test_asking_to_take_a_claim_tells_the_editors_and_approval_assigns_it(desk):
    claim, checker, editor = desk["claim"], desk["checker"], desk["editor"]

    ask = actions.ask_to_take(claim, checker, "I know the area.")
    rival = actions.ask_to_take(claim, desk["other"])

    assert Notification.objects.filter(user=editor, claim=claim).count() == 2
    with pytest.raises(workflow.NotAllowed, match="already asked"):
        actions.ask_to_take(claim, checker)
    actions.approve_take_request(ask, editor)
    claim.refresh_from_db()
    assert claim.assignee == checker and claim.status == "assigned"
    rival.refresh_from_db()
    assert rival.approved is False  # the other asker hears it went to someone else
    assert Notification.objects.filter(user=desk["other"], claim=claim).exists()
    with pytest.raises(workflow.NotAllowed, match="already answered"):
        actions.decline_take_request(ask, editor)


def test_only_an_editor_answers_and_a_tie_to_the_side_keeps_a_checker_off(desk):
    claim = desk["claim"]
    ask = actions.ask_to_take(claim, desk["checker"])
    with pytest.raises(workflow.NotAllowed, match="Only an editor"):
        actions.approve_take_request(ask, desk["other"])
    actions.decline_take_request(ask, desk["editor"])
    assert TakeRequest.objects.get(pk=ask.pk).approved is False
    assert "kept" in Notification.objects.get(user=desk["checker"]).message

    ConflictOfInterest.objects.create(user=desk["other"], side=desk["side"])
    with pytest.raises(workflow.NotAllowed, match="tie to Armenia"):
        actions.ask_to_take(claim, desk["other"])
    assert workflow.askable(desk["other"], [claim]) == set()
    assert workflow.askable(desk["checker"], [claim]) == {claim.pk}


def test_fact_checkers_read_the_queue_without_the_assign_form(desk):
    client = Client()
    log_in(client, desk["checker"])

    page = client.get("/newsroom/queue/").content.decode()

    assert "Rockets hit Martuni." in page
    assert 'id="bulk-assign"' not in page
    assert f"/newsroom/claims/{desk['claim'].pk}/ask/" in page
    assert client.post("/newsroom/queue/assign/", {"claim": desk["claim"].pk}).status_code == 403


def test_the_editors_what_to_fix_stays_on_top_until_the_next_submission(desk):
    claim = desk["claim"]
    Claim.objects.filter(pk=claim.pk).update(status="in_review", assignee=desk["checker"])
    claim.refresh_from_db()
    actions.return_to_research(claim, desk["editor"], "Quote the ministry's own words.")
    client = Client()
    log_in(client, desk["checker"])

    page = client.get(claim.newsroom_url()).content.decode()
    assert "what-to-fix" in page and "Quote the ministry&#x27;s own words." in page

    actions.audit(claim, desk["checker"], "submit_for_review")
    assert "what-to-fix" not in client.get(claim.newsroom_url()).content.decode()


def test_a_failed_archive_is_retried_and_a_source_edited_and_removed_with_a_trail(desk):
    claim = desk["claim"]
    Claim.objects.filter(pk=claim.pk).update(status="in_research", assignee=desk["checker"])
    claim.refresh_from_db()
    source = Evidence.objects.create(
        claim=claim, url="https://example.org/a", title="Ministry page",
        archive_status="failed", archive_error="timed out", added_by=desk["checker"],
    )  # fmt: skip

    actions.retry_archive(source, desk["checker"])
    source.refresh_from_db()
    assert source.archive_status == "pending" and source.archive_error == ""
    assert OutboxMessage.objects.filter(
        task="verify.archive_evidence", kwargs={"evidence_id": source.pk}
    ).exists()
    with pytest.raises(workflow.NotReady, match="Only a source whose archive failed"):
        actions.retry_archive(source, desk["checker"])

    actions.edit_evidence(source, desk["checker"], title="Ministry of Defence statement")
    edit = AuditEvent.objects.get(action="edit_evidence")
    assert edit.before == {"title": "Ministry page"}
    assert edit.after == {"title": "Ministry of Defence statement"}

    actions.remove_evidence(source, desk["checker"], "Duplicate of the PDF")
    assert not Evidence.objects.filter(pk=source.pk).exists()
    removed = AuditEvent.objects.get(action="remove_evidence")
    assert removed.before["url"] == "https://example.org/a"
    assert removed.summary == "Duplicate of the PDF"


def test_a_published_verdicts_sources_are_not_removed_quietly(desk):
    claim = desk["claim"]
    Claim.objects.filter(pk=claim.pk).update(status="published")
    claim.refresh_from_db()
    source = Evidence.objects.create(claim=claim, title="Cited", added_by=desk["editor"])
    with pytest.raises(workflow.NotAllowed, match="publish a correction"):
        actions.remove_evidence(source, desk["editor"])
    assert Evidence.objects.filter(pk=source.pk).exists()


def test_the_history_speaks_in_words_and_lists_only_what_changed(desk):
    claim = desk["claim"]
    actions.assign_claim(claim, desk["editor"], desk["checker"])
    client = Client()
    log_in(client, desk["editor"])

    page = client.get(claim.newsroom_url()).content.decode()
    history = page[page.index('id="history"') :]

    assert "assigned it" in history
    assert "<dt>assignee</dt><dd><del>—</del> → <ins>Farid</ins></dd>" in history
    assert "<dt>status</dt><dd><del>New</del> → <ins>Assigned</ins></dd>" in history
    assert "<dt>text</dt>" not in history and "as reported" not in history  # unchanged


def test_dates_carry_the_year_only_when_it_is_not_this_year():
    now = timezone.now()
    this_year = now.replace(month=3, day=6, hour=14, minute=5)
    assert ">6 Mar 14:05</time>" in when(this_year)
    assert ">6 Nov 2020 12:00</time>" in when(
        this_year.replace(year=2020, month=11, hour=12, minute=0)
    )
    assert ago(now) == "just now"
    assert ago(now - timezone.timedelta(minutes=5)) == "5 minutes ago"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _researching(desk):
    claim = desk["claim"]
    Claim.objects.filter(pk=claim.pk).update(status="in_research", assignee=desk["checker"])
    claim.refresh_from_db()
    client = Client()
    log_in(client, desk["checker"])
    return claim, client


def _upload(client, claim, name, content, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/newsroom/claims/{claim.pk}/evidence/",
        {"file": SimpleUploadedFile(name, content), "stance": "supports", **extra},
    )


def test_an_uploaded_picture_is_kept_with_its_fingerprint_and_served_sandboxed(desk):
    import hashlib

    claim, client = _researching(desk)

    response = _upload(client, claim, "screenshot.png", PNG, title="Telegram post, 2 Nov")

    assert response.status_code == 302
    item = Evidence.objects.get(claim=claim)
    assert item.archive_status == "archived" and item.file_name == "screenshot.png"
    assert item.archived_sha256 == hashlib.sha256(PNG).hexdigest()
    assert item.archived_content_type == "image/png"
    assert AuditEvent.objects.get(action="evidence").after["sha256"] == item.archived_sha256
    assert not OutboxMessage.objects.filter(task="verify.archive_evidence").exists()
    copy = client.get(f"/newsroom/claims/{claim.pk}/evidence/{item.pk}/copy/")
    assert copy["Content-Type"] == "image/png"
    assert copy["Content-Security-Policy"].startswith("sandbox")
    assert copy["Content-Disposition"] == 'inline; filename="screenshot.png"'
    assert bytes(copy.content) == PNG


def test_an_uploaded_pdf_is_downloaded_never_rendered_by_us(desk):
    claim, client = _researching(desk)
    _upload(client, claim, "ministry statement (2 Nov).pdf", PDF)
    item = Evidence.objects.get(claim=claim)
    copy = client.get(f"/newsroom/claims/{claim.pk}/evidence/{item.pk}/copy/")
    assert item.title == "ministry statement (2 Nov).pdf"
    assert copy["Content-Type"] == "application/pdf"
    assert copy["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("photo.png", b"<svg onload=alert(1)></svg>", "Only these files can be evidence"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "Only these files"),
        ("empty.png", b"", "empty"),
        ("huge.png", PNG + b"\x00" * 5_000_000, "larger than 5 MB"),
    ],
)
def test_a_file_that_is_not_a_document_or_picture_is_refused_and_nothing_is_kept(
    desk, name, content, message
):
    claim, client = _researching(desk)

    response = client.get(_upload(client, claim, name, content)["Location"])

    assert message in response.content.decode()
    assert not Evidence.objects.filter(claim=claim).exists()
