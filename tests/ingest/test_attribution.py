"""The claim finder on news texts written for these tests (tests/fixtures/articles)."""

from pathlib import Path

import pytest

from bench.evaluation import evaluate_folder, overlap, same_speaker
from claims.ingest import speakers
from claims.ingest.attribution import find_claims, sentences
from claims.models import Actor

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def claims_by_speaker(text):
    return {(f.speaker, f.text): f for f in find_claims(text)}


def test_the_labelled_claims_are_found_with_their_speakers(demo):
    total, per_file = evaluate_folder(ARTICLES)

    assert len(per_file) == 3
    assert total.labels == 22
    assert total.recall >= 0.9, total.misses
    assert total.precision >= 0.8, total.extras


def test_each_claim_keeps_its_place_in_the_text():
    text = (ARTICLES / "front-line-day-40.txt").read_text()
    found = find_claims(text)

    assert found
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
    assert [c.start for c in found] == sorted(c.start for c in found)


def test_denials_are_told_from_accusations():
    found = find_claims(
        "Armenian officials accused Azerbaijan of dropping cluster munitions on Stepanakert.\n"
        "The Azerbaijani MOD denied that its forces used cluster munitions in the city.\n"
        "The Azerbaijani MOD said that the reports of cluster munitions were fake news.\n"
        "The Armenian MOD said that Azerbaijani artillery shelled Goris overnight."
    )
    assert [f.stance for f in found] == ["accusation", "denial", "denial", "assertion"]


def test_it_was_reported_belongs_to_the_paragraphs_speaker_and_he_to_the_last_person():
    found = find_claims(
        "The Karabakh defence ministry reported that fighting went on near Shushi all night. "
        "It was also stated that drones struck a power station outside Stepanakert.\n"
        "Prime Minister Nikol Pashinyan met the ambassador on Thursday. He said the supply of "
        "weapons to Azerbaijan must stop at once."
    )
    speakers_found = [f.speaker for f in found]
    assert speakers_found == [
        "The Karabakh defence ministry",
        "The Karabakh defence ministry",
        "Prime Minister Nikol Pashinyan",
    ]


def test_a_quote_is_a_claim_of_the_person_named_after_it_and_adding_that_is_another():
    found = find_claims(
        "“Our army has never used prohibited weapons of any kind,” Ilham Aliyev said, adding "
        "that Armenian forces had set the forests on fire themselves."
    )
    assert [(f.speaker, f.text) for f in found] == [
        ("Ilham Aliyev", "Our army has never used prohibited weapons of any kind"),
        ("Ilham Aliyev", "Armenian forces had set the forests on fire themselves"),
    ]
    assert found[0].stance == "denial"


def test_the_ministry_with_no_ministry_before_it_is_nobody():
    assert find_claims("The ministry said that the shelling went on all night long.") == []


def test_unattributed_sentences_and_boilerplate_are_not_claims():
    assert (
        find_claims(
            "Fighting continued overnight. Subscribe to our newsletter for daily updates.\n"
            "Our website uses cookies. By clicking you consent to our use of cookies."
        )
        == []
    )
    assert find_claims("") == []


def test_checkworthiness_ranks_facts_above_opinions():
    fact, opinion = find_claims(
        "The Armenian MOD said that 46 soldiers were killed and three villages were shelled. "
        "The Armenian MOD said that the international community should do more for peace."
    )
    assert fact.checkworthiness > opinion.checkworthiness


def test_quotes_and_abbreviations_do_not_cut_sentences():
    text = 'Lt. Col. Artur Sargsyan said that the U.S. embassy was told "the shelling went on."'
    assert len(sentences(text)) == 1


def test_speakers_are_resolved_through_aliases(demo):
    aliyev = Actor.objects.get(name="Ilham Aliyev")
    mod = Actor.objects.get(name="Ministry of Defence of Azerbaijan")

    assert speakers.resolve("Azerbaijan’s President Ilham Aliyev").actor == aliyev
    assert speakers.resolve("Aliyev").actor == aliyev
    assert speakers.resolve("The Azerbaijani MOD").actor == mod
    assert speakers.resolve("the de facto Defence Ministry of Nagorno-Karabakh").actor.name == (
        "Defence Ministry of Nagorno-Karabakh"
    )


def test_an_unknown_speaker_is_proposed_with_a_side_not_created(demo):
    before = Actor.objects.count()
    speaker = speakers.resolve("The Armenian Ombudsman's office")

    assert speaker.actor is None
    assert speaker.proposed == "Armenian Ombudsman's office"
    assert speaker.side.name == "Armenia"
    assert Actor.objects.count() == before


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        "said " * 50_000,
        "“" * 5000 + "the ministry said" + "”" * 5000,
        "\u202e" + "The ministry said that the shelling went on overnight." + "\u202c",
        "The ministry said that.\x00 \ufffd\ufffd",
    ],
    ids=["one-long-word", "100k-verbs", "unbalanced-quotes", "rtl-override", "nul-bytes"],
)
def test_odd_texts_give_a_result_not_an_error(text):
    for claim in find_claims(text):
        assert text[claim.start : claim.end] == claim.text


def test_the_scorer_takes_a_short_name_said_in_full_as_the_labels_speaker(db):
    """ "суд" and "Ъ" are too short for the scorer's word test; said in full they match,
    and a short word inside another name still does not."""
    assert same_speaker("суд, Мосгорсуд", "Суд")
    assert same_speaker("Ъ, Коммерсант", "Ъ")
    assert not same_speaker("суд, Мосгорсуд", "суд присяжных")
    assert same_speaker("Тим Кук", "гендиректор Apple Тим Кук")  # short names, capitalised
    assert not same_speaker("Тим Кук", "гендиректор для всех")


def test_the_scorer_reads_yo_as_ye_as_russian_print_does(db):
    # the finder says "отчёт" where a label says "отчет": one word
    assert same_speaker("отчет, Газпром", "отчёт", inflected=True)
    assert overlap("отчет опубликован вчера", "Отчёт опубликован вчера") == 1.0
