"""Reviewing suggestions is a newsroom action: checked, audited like any other change, and
the JSON contract reads it back."""

import pytest

from accounts import roles
from claims.ingest import contract, review
from claims.ingest.submit import IngestError, Source
from claims.models import Article, AuditEvent, ClaimSuggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestions(make_user):
    article = Article.objects.create(text="x" * 200, status=Article.Status.READY, title="Pasted")
    make = lambda start, text: ClaimSuggestion.objects.create(  # noqa: E731
        article=article,
        text=text,
        speaker_text="The army",
        proposed_actor="The army",
        span_start=start,
        span_end=start + 10,
    )
    return {
        "checker": make_user("farid", role=roles.FACT_CHECKER),
        "reader": make_user("reader"),
        "kept": make(0, "The dam was shelled twice on Monday night."),
        "dropped": make(20, "The weather was fine all week long."),
    }


def test_accepting_and_rejecting_a_suggestion_are_audited(suggestions):
    checker = suggestions["checker"]
    claim = review.accept_suggestion(suggestions["kept"], checker)
    review.reject_suggestion(suggestions["dropped"], checker)

    created = AuditEvent.objects.get(action="create")
    assert (created.claim, created.actor) == (claim, checker)
    rejected = AuditEvent.objects.get(action="reject-suggestion")
    assert rejected.actor == checker and f"suggestion #{suggestions['dropped'].pk}" in (
        rejected.subject
    )


def test_someone_outside_the_newsroom_cannot_review(suggestions):
    with pytest.raises(review.workflow.NotAllowed):
        review.accept_suggestion(suggestions["kept"], suggestions["reader"])
    assert not AuditEvent.objects.exists()


def test_the_contract_reads_an_accepted_suggestion_back_with_its_claim_id(suggestions):
    claim = review.accept_suggestion(suggestions["kept"], suggestions["checker"])
    data = contract.as_json(suggestions["kept"].article)
    assert list(data) == ["article", "claims"]
    assert list(data["claims"][0]) == [
        "id", "text", "speaker", "actor", "side", "stance", "start", "end",
        "checkworthiness", "related",
    ]  # fmt: skip
    assert [c["id"] for c in data["claims"]] == [claim.pk, None]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (Source(), Source.NONE),
        (Source(url="https://example.org/a", text="and a text"), Source.SEVERAL),
        (Source(url="https://example.org/a"), None),
        (Source(text=b"bytes", filename="a.txt"), None),
    ],
)
def test_a_source_is_exactly_one_address_text_or_file(source, problem):
    assert source.problem() == problem


def test_a_command_line_argument_is_an_address_or_a_txt_or_html_file(tmp_path):
    assert Source.from_argument("https://example.org/a").url == "https://example.org/a"
    page = tmp_path / "report.html"
    page.write_text("<p>Hello</p>")
    assert Source.from_argument(str(page)).filename == "report.html"
    with pytest.raises(IngestError, match="neither a web address"):
        Source.from_argument("report.pdf")
