"""The word matcher's stems live in two places: Python cuts a statement's words
(claims/ingest/matching.stem) and PostgreSQL cuts every claim's words into the `stems`
column it searches. The two must agree, in every script, or a claim sharing a statement's
words is never a candidate."""

import pytest

from claims.ingest import matching
from claims.models import Claim

TEXTS = [
    "The ministry's spokesman said shelling hit Stepanakert’s market on Sunday.",
    "Минобороны Азербайджана заявило, что армянские войска обстреляли Тертер.",
    "Пресс-секретарь Генштабу повідомив, що російські війська випустили ракети.",
    "Müdafiə Nazirliyi bildirib ki, Ermənistan ordusu Tərtəri atəşə tutub.",
    "Պաշտպանության նախարարությունը հերքել է այդ տեղեկությունը։",
    "Le porte-parole a démenti qu'aujourd'hui l'armée ait visé des civils.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_stems_column_holds_every_stem_the_statement_is_cut_into(db, text):
    claim = Claim.objects.create(text=text)
    column = Claim.objects.values_list("stems", flat=True).get(pk=claim.pk)
    lexemes = {part.split(":")[0].strip("'") for part in column.split()}
    assert matching.terms_all(text) <= lexemes


def test_a_short_word_is_a_whole_stem_not_the_start_of_longer_words(db):
    clouds = Claim.objects.create(text="Gas clouds drifted over Tartar at dawn.")
    gasoline = Claim.objects.create(text="Gasoline prices in Tartar doubled in a week.")
    statement = "The gas clouds over Tartar were seen by villagers."

    found = [row[0] for row in matching.word_candidates(statement)]

    # A candidate shares two telling words. "gas" and "tarta" are two for the clouds; the
    # prices share "tarta" alone, since "gasoline" is cut to "gasol", not "gas".
    assert found == [clouds.pk]
    assert gasoline.pk not in found


def test_new_claims_wait_in_a_short_pending_list_that_every_word_search_reads(db):
    # Each of an article's word searches reads the whole of GIN's pending list: 3,000
    # waiting claims took 20 searches from about 70 to 130-200 ms at a million claims.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'claim_stems_gin'")
        (options,) = cursor.fetchone()
    assert "gin_pending_list_limit=64" in (options or [])
