"""The shapes news writing attributes statements in, one test each, on sentences written
for these tests (PolNeAR's train and dev splits showed which shapes were missed)."""

import pytest

from claims.ingest.attribution import find_claims


def only(text):
    found = find_claims(text)
    assert len(found) == 1, [(f.speaker, f.text) for f in found]
    return found[0]


def test_a_denial_in_the_lead_is_the_denied_statement_with_a_denial_stance():
    found = only("An aide to the president denied on Monday that troops had crossed the border.")
    assert found.speaker == "An aide to the president"
    assert found.text == "troops had crossed the border"
    assert found.stance == "denial"


def test_an_accusation_keeps_its_verb_phrase():
    found = only("Armenia's foreign ministry accused the rebels of shelling the dam on Sunday.")
    assert found.text.startswith("accused the rebels of shelling")
    assert found.stance == "accusation"


def test_a_quote_first_then_an_inverted_attribution_names_the_person():
    found = only('"These reports are complete nonsense," said the spokesman, Ivan Petrov.')
    assert (found.speaker, found.text) == ("Ivan Petrov", "These reports are complete nonsense")


def test_a_trailing_attribution_is_left_out_of_the_claim():
    found = only(
        "By shelling the dam, the army risks a flood in three villages, "
        "the regional ministry has stated."
    )
    assert found.speaker == "the regional ministry"
    assert found.text == "By shelling the dam, the army risks a flood in three villages"


def test_a_multi_sentence_quote_closed_by_its_attribution():
    found = find_claims(
        "Armenia's Defence Ministry said the dam had been hit twice overnight. "
        '"The shelling began before dawn. Two schools were hit by rockets," the ministry said.'
    )[-1]
    assert found.speaker == "Armenia's Defence Ministry"  # "the ministry" it spoke of
    assert found.text == "The shelling began before dawn. Two schools were hit by rockets"


def test_a_quotation_that_goes_on_in_the_next_sentence_keeps_its_speaker():
    found = find_claims(
        '"The bridge over the river is gone," Mayor Lena Hovsepyan said. '
        '"Nobody can reach the hospital now."'
    )
    # One statement, one claim: its span covers both quotations, its text joins them.
    assert [(f.speaker, f.text) for f in found] == [
        (
            "Mayor Lena Hovsepyan",
            "The bridge over the river is gone. Nobody can reach the hospital now.",
        ),
    ]
    assert found[0].end == len(
        '"The bridge over the river is gone," Mayor Lena Hovsepyan said. '
        '"Nobody can reach the hospital now.'
    )


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Baku defended the operation on Tuesday, saying that no shells had hit the town.",
            "Baku",
            "no shells had hit the town",
        ),
        (
            "The reservoir, according to one engineer, cannot hold another week of rain.",
            "one engineer",
            "The reservoir, according to one engineer, cannot hold another week of rain",
        ),
        (
            "There is no sign that the front line has moved this month, military analysts say.",
            "military analysts",
            "There is no sign that the front line has moved this month",
        ),
        (
            "The defence minister says the brigade lost no soldiers near the river.",
            "The defence minister",
            "the brigade lost no soldiers near the river",
        ),
        (
            "The governor said Wednesday the bridge had been destroyed by artillery fire.",
            "The governor",
            "the bridge had been destroyed by artillery fire",
        ),
        (
            "The commander told reporters that foreign fighters had arrived last week.",
            "The commander",
            "foreign fighters had arrived last week",
        ),
        (
            "Anna Petrosyan, the ombudsperson of Armenia, stated that phosphorus shells were used.",
            "Anna Petrosyan",
            "phosphorus shells were used",
        ),
        (
            "Local officials who visited the site say the reservoir is already leaking.",
            "Local officials",
            "the reservoir is already leaking",
        ),
        (
            "Ruben Sargsyan, a former army chief, said the front line had not moved.",
            "Ruben Sargsyan",
            "the front line had not moved",
        ),
        (
            "The wells were poisoned in March, according to the village council's records.",
            "the village council's records",
            "The wells were poisoned in March",
        ),
    ],
)
def test_reporting_verbs_in_their_common_shapes(text, speaker, claim):
    found = only(text)
    assert (found.speaker, found.text) == (speaker, claim)


def test_a_dateline_and_an_auxiliary_are_not_part_of_the_speaker():
    found = only(
        "STEPANAKERT - Azerbaijan's Defence Ministry has said that its forces held the town."
    )
    assert found.speaker == "Azerbaijan's Defence Ministry"


def test_he_after_a_sentence_that_names_someone_is_that_person():
    found = find_claims(
        "Nikol Pashinyan wrote to the Russian president on Saturday. "
        "He said Moscow should start consultations on security assistance."
    )
    assert [f.speaker for f in found] == ["Nikol Pashinyan"]


def test_quotations_in_two_apostrophes_and_names_with_initials():
    found = only("''The dam will not hold another week,'' said David B. Cohen, an engineer.")
    assert (found.speaker, found.text) == ("David B. Cohen", "The dam will not hold another week")


def test_an_attribution_set_inside_the_statement_is_left_out_of_its_text():
    found = only(
        "Cutting the water supply this early in the winter, several aid workers say, "
        "would empty the villages."
    )
    assert found.speaker == "several aid workers"
    assert found.text == (
        "Cutting the water supply this early in the winter would empty the villages"
    )


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Jill A. Martin, deputy counsel for the water company, said the dam was inspected.",
            "Jill A. Martin",
            "the dam was inspected",
        ),
        (
            "Gov. Phil Bryant (R) said he expects the border crossing to reopen soon.",
            "Gov. Phil Bryant",
            "he expects the border crossing to reopen soon",
        ),
        (
            "The agency obtained the footage and said the convoy had crossed at night.",
            "The agency",
            "the convoy had crossed at night",
        ),
        (
            "Within the villages, aid workers said, families now ration their water.",
            "aid workers",
            "Within the villages families now ration their water",
        ),
        (
            "A regional official familiar with the talks said the ceasefire would hold.",
            "A regional official familiar with the talks",
            "the ceasefire would hold",
        ),
    ],
)
def test_speakers_with_titles_appositions_and_shared_subjects(text, speaker, claim):
    found = only(text)
    assert (found.speaker, found.text) == (speaker, claim)


def test_a_wire_report_with_a_denial_an_accusation_and_a_quoted_rebuttal_gives_three():
    """The shape of the Reuters report the issue tried: every statement, every speaker."""
    found = find_claims(
        "MOSCOW (Reuters) - An aide to Azerbaijan's president denied on Tuesday that Syrian "
        "mercenaries were fighting for Baku in Nagorno-Karabakh.\n"
        "Armenia's ambassador to Russia said that about 1,000 Syrian fighters had been brought "
        "to the region by Turkey.\n"
        '"These reports about Syrian mercenaries are complete nonsense," the aide, Hikmet '
        "Hajiyev, said."
    )
    assert [(f.speaker, f.stance) for f in found] == [
        ("An aide to Azerbaijan's president", "denial"),
        ("Armenia's ambassador to Russia", "assertion"),
        ("Hikmet Hajiyev", "denial"),
    ]
    assert found[0].text == ("Syrian mercenaries were fighting for Baku in Nagorno-Karabakh")
