"""What machines miss, people add: a passage made a claim by hand, claims linked and
unlinked in the workspace (audited, shown on both), and the finder's record on our work."""

import pytest
from django.test import Client

from accounts import roles
from claims import actions, selectors, workflow
from claims.ingest import review
from claims.ingest.submit import IngestError
from claims.models import Actor, ActorAlias, Article, AuditEvent, ClaimLink, ClaimSuggestion
from tests.sessions import log_in

pytestmark = pytest.mark.django_db

TEXT = (
    "Shelling resumed near the dam on Sunday.\n"
    "The regional governor told reporters that two villages had been evacuated\n"
    "overnight because the water was rising."
)


@pytest.fixture
def desk(make_user):
    ministry = Actor.objects.create(name="Ministry of Defence of Armenia", slug="mod-am")
    ActorAlias.objects.create(actor=ministry, alias="Armenian MoD")
    return {
        "checker": make_user("farid", role=roles.FACT_CHECKER),
        "editor": make_user("elena", role=roles.EDITOR),
        "reader": make_user("reader"),
        "article": Article.objects.create(text=TEXT, status=Article.Status.READY, title="Dam"),
        "ministry": ministry,
    }


def test_a_selected_passage_becomes_a_claim_with_its_span_and_a_known_speaker(desk):
    passage = "two villages had been evacuated overnight because the water was rising"
    claim = review.log_passage(desk["article"], desk["checker"], passage, "Armenian MoD")

    assert claim.speaker == desk["ministry"]  # found through its alias
    assert TEXT[claim.span_start : claim.span_end] == claim.text
    assert claim.text.replace("\n", " ") == passage  # the selection crossed a line break
    event = AuditEvent.objects.get(claim=claim)
    assert (event.action, event.actor) == ("create", desk["checker"])


def test_an_unknown_speaker_is_added_and_a_passage_not_in_the_text_is_refused(desk):
    claim = review.log_passage(
        desk["article"], desk["checker"], "Shelling resumed near the dam", "Lena Hovsepyan"
    )
    assert claim.speaker.name == "Lena Hovsepyan"
    with pytest.raises(IngestError, match="not in this article"):
        review.log_passage(desk["article"], desk["checker"], "troops crossed the border")
    with pytest.raises(workflow.NotAllowed):
        review.log_passage(desk["article"], desk["reader"], "Shelling resumed near the dam")


def test_a_link_shows_on_both_claims_and_removing_it_is_audited(desk):
    one = review.log_passage(desk["article"], desk["checker"], "Shelling resumed near the dam")
    other = review.log_passage(
        desk["article"], desk["checker"], "two villages had been evacuated overnight"
    )
    client = log_in(Client(), desk["checker"])

    found = client.get(f"/newsroom/claims/{one.pk}/", {"link_q": "villages"})
    assert other.summary in found.content.decode()
    response = client.post(
        f"/newsroom/claims/{one.pk}/links/", {"other": other.pk, "kind": "counter"}
    )
    assert response.status_code == 302
    assert [o for _k, o, _l in selectors.links_of(other)] == [one]
    assert one.summary in client.get(f"/newsroom/claims/{other.pk}/").content.decode()

    link = ClaimLink.objects.get()
    removed = client.post(f"/newsroom/claims/{other.pk}/links/{link.pk}/remove/")
    assert removed.status_code == 302
    assert not ClaimLink.objects.exists()
    assert list(one.audit_events.values_list("action", flat=True)) == ["create", "link", "unlink"]


def test_only_an_editor_links_a_published_claim(desk):
    one = review.log_passage(desk["article"], desk["checker"], "Shelling resumed near the dam")
    other = review.log_passage(
        desk["article"], desk["checker"], "two villages had been evacuated overnight"
    )
    type(one).objects.filter(pk=one.pk).update(status="published")
    one.refresh_from_db()
    with pytest.raises(workflow.NotAllowed, match="Only an editor"):
        actions.link_claims(one, desk["checker"], other, "counter")
    assert actions.link_claims(one, desk["editor"], other, "counter").pk


def test_the_dashboard_reports_the_finders_precision_on_our_own_articles(desk):
    article = desk["article"]
    make = lambda start, text, status: ClaimSuggestion.objects.create(  # noqa: E731
        article=article, text=text, speaker_text="The governor", span_start=start,
        span_end=start + 5, status=status,
    )  # fmt: skip
    as_found = make(0, "Shelling resumed near the dam on Sunday", "pending")
    edited = make(10, "two villages had been evacuated", "pending")
    make(20, "the water was rising", "rejected")
    review.accept_suggestion(as_found, desk["checker"])
    review.accept_suggestion(edited, desk["checker"], text="Two villages were evacuated.")
    review.log_passage(article, desk["checker"], "the water was rising")

    finder = selectors.finder_on_our_work()

    assert (finder["accepted"], finder["edited"], finder["rejected"]) == (2, 1, 1)
    assert finder["precision"] == pytest.approx(2 / 3)
    assert finder["by_hand"] == 1
    page = log_in(Client(), desk["editor"]).get("/newsroom/dashboard/").content.decode()
    assert "Precision 0.67" in page
