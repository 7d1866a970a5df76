import pytest
from django.db import IntegrityError, transaction

from claims.models import Actor, ActorAlias, Article, Claim, ClaimLink, Rating, Side, normalize_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def azerbaijan_mod():
    side = Side.objects.create(name="Azerbaijan", slug="azerbaijan")
    actor = Actor.objects.create(name="Ministry of Defence of Azerbaijan", slug="az-mod", side=side)
    for alias in ["Azerbaijani MOD", "Azerbaijan's Defense Ministry"]:
        ActorAlias.objects.create(actor=actor, alias=alias)
    return actor


@pytest.mark.parametrize(
    "written",
    [
        "Azerbaijani MOD",
        "azerbaijani mod",
        "Azerbaijan’s Defence Ministry",
        "Azerbaijan's  Defense Ministry",
        "the Ministry of Defence of Azerbaijan",
    ],
)
def test_an_actor_is_found_under_any_of_its_names(azerbaijan_mod, written):
    assert list(Actor.objects.named(written)) == [azerbaijan_mod]


def test_an_unknown_name_finds_no_actor(azerbaijan_mod):
    assert not Actor.objects.named("Armenian MOD").exists()


def test_one_alias_cannot_name_two_actors(azerbaijan_mod):
    other = Actor.objects.create(name="Someone else", slug="someone")
    with pytest.raises(IntegrityError):
        ActorAlias.objects.create(actor=other, alias="AZERBAIJANI  MOD")


def test_normalize_name_folds_case_quotes_spelling_and_spaces():
    written = "  The Azerbaijan’s DEFENSE   Ministry "
    assert normalize_name(written) == "azerbaijan's defence ministry"


def test_the_same_url_cannot_be_two_articles():
    Article.objects.create(url="https://example.org/a")
    with pytest.raises(IntegrityError):
        Article.objects.create(url="https://example.org/a")


def test_pasted_articles_without_url_may_coexist():
    Article.objects.create(text="one")
    Article.objects.create(text="two")
    assert Article.objects.filter(url__isnull=True).count() == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_a_claim_must_have_a_text(text):
    with pytest.raises(IntegrityError):
        Claim.objects.create(text=text)


@pytest.mark.parametrize("start,end", [(10, 5), (10, 10), (10, None), (None, 5)])
def test_a_claim_span_must_be_a_real_range(start, end):
    with pytest.raises(IntegrityError):
        Claim.objects.create(text="x", span_start=start, span_end=end)


def test_a_rejected_claim_must_say_why():
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(text="x", status=Claim.Status.REJECTED)
    Claim.objects.create(text="x", status=Claim.Status.REJECTED, rejection_reason="Opinion")


def test_a_claim_cannot_be_linked_to_itself():
    claim = Claim.objects.create(text="x")
    with pytest.raises(IntegrityError):
        ClaimLink.objects.create(from_claim=claim, to_claim=claim, kind="counter")


def test_a_rating_colour_must_be_hex(newsroom_setup):
    with pytest.raises(IntegrityError):
        Rating.objects.create(scale=newsroom_setup, label="Odd", slug="odd", value=9, colour="red")


def test_counter_claims_are_found_in_either_direction_in_one_query(django_assert_num_queries):
    accusation = Claim.objects.create(text="They used phosphorus munitions.")
    denial = Claim.objects.create(text="We never used banned weapons.")
    reply = Claim.objects.create(text="Our strikes hit only military targets.")
    unrelated = Claim.objects.create(text="The letter was an admission of defeat.")
    ClaimLink.objects.create(from_claim=accusation, to_claim=denial, kind="counter")
    ClaimLink.objects.create(from_claim=reply, to_claim=accusation, kind="counter")
    ClaimLink.objects.create(from_claim=accusation, to_claim=unrelated, kind="supports")

    with django_assert_num_queries(1):
        found = set(Claim.objects.counter_claims_of(accusation))

    assert found == {denial, reply}


def test_the_default_scale_runs_from_false_to_true(newsroom_setup):
    labels = list(newsroom_setup.ratings.order_by("value").values_list("label", flat=True))
    assert labels[0] == "False" and labels[-1] == "True"
    assert newsroom_setup.is_default
