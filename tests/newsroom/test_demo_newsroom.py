import pytest
from django.core.management import CommandError, call_command

from accounts import roles
from claims.demo.newsroom import load_demo
from claims.models import Actor, Article, Claim, ClaimLink, Evidence, Side, Verdict

pytestmark = pytest.mark.django_db

MODELS = [Side, Actor, Article, Claim, ClaimLink, Evidence, Verdict]


def counts():
    from django.contrib.auth import get_user_model

    return {m.__name__: m.objects.count() for m in [*MODELS, get_user_model()]}


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", "--force")
    first = counts()
    call_command("load_demo", "--force")
    assert counts() == first


def test_the_demo_refuses_to_load_with_debug_off_unless_forced():
    with pytest.raises(CommandError, match="well-known passwords"):
        call_command("load_demo")
    assert Claim.objects.count() == 0


def test_the_demo_newsroom_is_complete():
    demo = load_demo()

    assert Claim.objects.count() >= 10
    assert set(demo["users"]) == {roles.FACT_CHECKER, roles.EDITOR, roles.ADMIN}
    for role, user in demo["users"].items():
        assert roles.roles_of(user) == {role}
    phosphorus = demo["claims"]["phosphorus"]
    denial = demo["claims"]["phosphorus-denial"]
    assert list(Claim.objects.counter_claims_of(phosphorus)) == [denial]
    assert phosphorus.speaker.side != denial.speaker.side
    foreign = demo["claims"]["turkey-recruits"]
    assert demo["claims"]["lebanese-fighters"] in Claim.objects.counter_claims_of(foreign)
    states = {v.claim.status for v in Verdict.objects.select_related("claim")}
    assert {"published", "in_research", "in_review"} <= states


def test_the_demo_shows_the_product_to_readers_and_work_in_every_state_to_the_newsroom():
    from django.db.models import Count

    from claims.models import Correction, ReplyAttempt
    from claims.selectors import published_verdicts

    load_demo()
    published = published_verdicts()

    assert published.count() >= 8
    sides = set(published.values_list("claim__speaker__side__name", flat=True))
    assert {"Armenia", "Azerbaijan"} <= sides  # from both sides
    assert not published.filter(claim__evidence__isnull=True).exists()  # each has sources
    assert not published.filter(  # whose archived copies readers can open
        claim__evidence__archive_status__in=["none", "pending", "failed"]
    ).exists()
    assert ReplyAttempt.objects.filter(claim__verdict__in=published).exists()
    assert set(Correction.objects.values_list("kind", flat=True)) == {"correction", "update"}
    several = published.values("claim__topics").annotate(n=Count("pk")).filter(n__gte=2)
    assert several.count() >= 2  # topics with several verdicts
    speakers = published.values("claim__speaker").annotate(n=Count("pk")).filter(n__gte=2)
    assert speakers.exists()
    with_counter = [v for v in published if Claim.objects.counter_claims_of(v.claim).exists()]
    assert len(with_counter) >= 3
    assert set(Claim.Status.values) == set(Claim.objects.values_list("status", flat=True))
    # Each meets the sourcing rule, or says why not.
    from claims.workflow import independent_sources

    for verdict in published:
        assert independent_sources(verdict.claim) >= 2 or verdict.sourcing_exception, verdict
    retracted = Verdict.objects.get(claim__status="retracted")
    assert retracted.retraction_reason and retracted.retracted_at


def test_every_demo_claim_points_at_its_words_in_the_article():
    load_demo()
    for claim in Claim.objects.select_related("article"):
        assert claim.article.text[claim.span_start : claim.span_end] == claim.text


def test_demo_speakers_resolve_through_their_aliases():
    load_demo()
    assert Actor.objects.named("Azerbaijani MOD").get().name == "Ministry of Defence of Azerbaijan"
    assert Actor.objects.named("Azerbaijan's Defense Ministry").count() == 1
    assert Actor.objects.named("Armenian MOD").get().side.name == "Armenia"


def test_the_demo_shows_the_allegation_across_languages_with_its_original_words(client):
    from django.test import Client

    from claims.ingest.speakers import resolve_actor
    from tests.sessions import log_in

    demo = load_demo()
    in_russian = demo["claims"]["phosphorus-in-russian"]
    in_azerbaijani = demo["claims"]["phosphorus-denial-in-azerbaijani"]
    assert (in_russian.language, in_russian.article.language) == ("ru", "ru")
    assert in_azerbaijani.language == "az" and in_azerbaijani.stance == "denial"
    assert Claim.objects.counter_claims_of(in_russian).filter(pk=in_azerbaijani.pk).exists()
    assert ClaimLink.objects.filter(
        from_claim=in_russian, to_claim=demo["claims"]["phosphorus"], kind="same"
    ).exists()
    # Speakers as Russian and Azerbaijani reports write them resolve to the demo's actors.
    assert resolve_actor("пресс-секретарь Минобороны Армении Шушан Степанян") == in_russian.speaker
    assert resolve_actor("Azərbaycan Müdafiə Nazirliyi") == in_azerbaijani.speaker
    assert in_russian.said_in == "Russian" and demo["claims"]["phosphorus"].said_in == ""

    log_in(client, demo["users"][roles.FACT_CHECKER])
    page = client.get(in_russian.newsroom_url()).content.decode()
    assert "Said in Russian" in page and in_russian.text in page

    published = demo["claims"]["russian-reply"]
    Claim.objects.filter(pk=published.pk).update(
        language="ru", text="Москва окажет Еревану всю необходимую помощь по договору"
    )
    verdict_page = Client().get(published.verdict.public_url()).content.decode()
    assert "Said in Russian:" in verdict_page
    assert '<span lang="ru">«Москва окажет Еревану всю необходимую помощь по договору»' in (
        verdict_page
    )


def test_the_demo_shows_another_outlets_check_beside_the_phosphorus_claim(client):
    from claims.models import ExternalFactCheck, FactCheckSource
    from tests.sessions import log_in

    demo = load_demo()
    log_in(client, demo["users"][roles.FACT_CHECKER])

    page = client.get(demo["claims"]["phosphorus"].newsroom_url()).content.decode()

    assert "Rated “Unproven” by Example Fact Desk" in page
    assert ExternalFactCheck.objects.exclude(vector=None).count() == 2
    assert not FactCheckSource.objects.filter(active=True).exists()  # nothing beat would fetch
    assert (
        "Checked elsewhere"
        not in client.get(demo["claims"]["letter"].newsroom_url()).content.decode()
    )
