"""Where matching by meaning shows: the worker keeping vectors current, reader requests
counted as demand on the claim they repeat, the desk's box and readers' search."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from accounts import roles
from claims.demo.newsroom import load_demo
from claims.ingest import matching, submit
from claims.models import Article, Claim, ClaimVector, ReaderRequest
from tests.conftest import wait_for
from tests.ingest.test_ingestion import finished
from tests.public.test_ask_us_to_check import ask, reader
from tests.sessions import log_in

RUSSIAN_REPLY_IN_RUSSIAN = (
    "МИД России заявил, что Москва окажет Армении помощь по договору 1997 года, если боевые "
    "действия перейдут на армянскую территорию."
)


def test_the_worker_embeds_a_new_claim_and_again_when_its_words_change(worker):
    claim = Claim.objects.create(text="Russian missiles destroyed grain silos in Odesa.")
    first = wait_for(
        lambda: ClaimVector.objects.filter(claim=claim).first(), message="the claim's vectors"
    )
    claim.status = Claim.Status.SELECTED
    claim.save()  # words unchanged: nothing to embed
    claim.checkable_text = "Russia destroyed grain silos in Odesa."
    claim.save()
    wait_for(
        lambda: ClaimVector.objects.get(claim=claim).digest != first.digest,
        message="the claim embedded again",
    )
    assert Claim.objects.get(pk=claim.pk).language == "en"


def test_a_reader_request_in_russian_counts_as_demand_on_the_english_claim(worker, client):
    demo = load_demo()
    call_command("index_claims", stdout=StringIO(), stderr=StringIO())
    claim = demo["claims"]["russian-reply"]
    assert ask(reader(), RUSSIAN_REPLY_IN_RUSSIAN).status_code in (200, 302)
    request = ReaderRequest.objects.get()
    wait_for(
        lambda: ReaderRequest.objects.get(pk=request.pk).claim_id == claim.pk,
        message="the request matched to its claim",
    )
    assert ReaderRequest.objects.get(pk=request.pk).matched_automatically
    log_in(client, demo["users"][roles.EDITOR])
    page = client.get("/newsroom/queue/?requested=1").content.decode()
    assert claim.newsroom_url() in page
    assert demo["claims"]["phosphorus"].newsroom_url() not in page


def test_the_desk_box_finds_the_english_claim_for_a_russian_sentence(demo, client):
    call_command("index_claims", stdout=StringIO(), stderr=StringIO())
    claim = demo["claims"]["russian-reply"]
    log_in(client, demo["users"][roles.FACT_CHECKER])
    assert "Has this been checked?" in client.get("/newsroom/").content.decode()
    response = client.get(
        "/newsroom/checked/", {"q": RUSSIAN_REPLY_IN_RUSSIAN}, HTTP_HX_REQUEST="true"
    )
    box = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in box  # the box alone, for htmx
    assert "Same claim" in box and claim.newsroom_url() in box
    assert f"/verdicts/{claim.verdict.pk}/" in box
    refused = client.get("/newsroom/checked/", {"q": "  "})
    assert refused.status_code == 400 and "the query is empty" in refused.content.decode().lower()
    assert Client().get("/newsroom/checked/", {"q": "x"}).status_code in (302, 403)


def test_readers_search_falls_back_to_meaning_when_words_find_nothing(demo):
    call_command("index_claims", stdout=StringIO(), stderr=StringIO())
    verdict = demo["claims"]["russian-reply"].verdict
    page = Client().get("/verdicts/", {"q": RUSSIAN_REPLY_IN_RUSSIAN}).content.decode()
    assert "Did you mean these checked claims?" in page
    assert f"/verdicts/{verdict.pk}/" in page
    # Only published verdicts: the unpublished phosphorus draft never shows.
    drafts = Client().get("/verdicts/", {"q": "Azərbaycan fosfor sursatından istifadə edib"})
    assert demo["claims"]["phosphorus"].checkable_text not in drafts.content.decode()


def test_readers_find_a_published_claim_however_many_drafts_are_nearer(demo, monkeypatch):
    """A newsroom logs the same allegation from many articles and publishes one verdict:
    the drafts, nearer to the reader's words, must not crowd the published claim out of
    the index's nearest neighbours (here three, so that five drafts are enough)."""
    from claims.meaning import search, vectors

    monkeypatch.setattr(search, "VECTOR_CANDIDATES", 3)
    drafts = [
        Claim.objects.create(text=text)
        for text in (
            "МИД России заявил, что Москва окажет Армении помощь по договору 1997 года.",
            "Москва окажет Армении помощь по договору 1997 года, заявили в МИД России.",
            "МИД РФ: Москва поможет Армении по договору 1997 года, если бои перейдут туда.",
            "Россия окажет Армении помощь по договору 1997 года, если начнутся бои.",
            "В МИД России заявили о помощи Армении по договору 1997 года.",
        )
    ]
    vectors.embed_claims([draft.pk for draft in drafts])
    call_command("index_claims", stdout=StringIO(), stderr=StringIO())
    verdict = demo["claims"]["russian-reply"].verdict
    nearest = search.index.search(search.encoder().embed([RUSSIAN_REPLY_IN_RUSSIAN])[0], 3)
    assert verdict.claim_id not in nearest.found, "the drafts are nearer: this test tests that"

    page = Client().get("/verdicts/", {"q": RUSSIAN_REPLY_IN_RUSSIAN}).content.decode()

    assert "Did you mean these checked claims?" in page
    assert f"/verdicts/{verdict.pk}/" in page
    assert all(draft.text not in page for draft in drafts)


def test_readers_search_is_stemmed_in_the_claims_language(demo):
    verdict = demo["claims"]["russian-reply"].verdict
    claim = verdict.claim
    # "treaties" is not a word of the claim; stemmed in English it is "treati", like "treaty".
    page = Client().get("/verdicts/", {"q": "treaties"}).content.decode()
    assert claim.language == "en" and "treaty" in claim.checkable_text
    assert f"/verdicts/{verdict.pk}/" in page


ARMENIAN_MINISTRY_IN_OTHER_WORDS = (
    "The Armenian defence ministry said that Azerbaijan's army dropped white phosphorus bombs "
    "in the Karabakh conflict."
)
BAKU_DENIES_IN_OTHER_WORDS = (
    "Azerbaijan's defence ministry said that Azerbaijani troops had never dropped incendiary "
    "bombs on Karabakh."
)


def test_ingestion_suggests_claims_said_in_other_words_as_same_and_counter(worker, demo):
    call_command("index_claims", stdout=StringIO(), stderr=StringIO())
    phosphorus = demo["claims"]["phosphorus"]
    article, _ = submit.submit_text(
        f"{ARMENIAN_MINISTRY_IN_OTHER_WORDS}\n\n{BAKU_DENIES_IN_OTHER_WORDS}".encode()
    )
    wait_for(lambda: finished(article), message="the pipeline")
    assert article.status == Article.Status.READY, article.error
    accusation, denial = article.suggestions.order_by("span_start")
    found = {r["claim_id"]: r["kind"] for r in accusation.related}
    assert found.get(phosphorus.pk) == "same"
    assert found.get(demo["claims"]["phosphorus-denial"].pk) == "counter"
    assert {r["claim_id"]: r["kind"] for r in denial.related}.get(phosphorus.pk) == "counter"
    # The words alone share nothing telling with the demo's claim: meaning found it.
    by_words = matching.related_claims(
        accusation.text, side_id=accusation.side_id, stance=accusation.stance
    )
    assert phosphorus.pk not in {r["claim_id"] for r in by_words}
