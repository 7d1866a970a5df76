"""A hostile page a fact-checker ingests cannot hold a worker: the claim finder's work per
sentence is bounded, so shapes that made its patterns backtrack finish at once."""

import time

import pytest

from claims.ingest import attribution, submit
from claims.models import Article
from tests.conftest import wait_for

SIZE = 200_000


def repeated(unit, tail=""):
    return (unit * (SIZE // len(unit) + 1))[:SIZE] + tail


# Each of these ran for minutes before the work per sentence was bounded.
SHAPES = {
    "also, then a claim": repeated("also ", " x said that the army shelled the town at night."),
    "cited": repeated("cited "),
    "initials": repeated("A. "),
    "titles": repeated("Mr. X "),
    "responded": repeated("responded "),
    "unclosed guillemets": repeated("«"),
    "short quotations": repeated('"a." '),
    "commas": repeated("the ministry, "),
    "reporting verbs": repeated("said "),
    "according to": repeated("according to "),
    "double apostrophes": repeated("'' "),
    "participles in long sentences": repeated("He left, saying, " * 50 + "x. "),
    "sources inside long sentences": repeated("A, according to b, " * 40 + "c. "),
    "many quotations in one sentence": repeated('"a b c d e," said X, "' * 40 + '". '),
    "initials after said": repeated("said A. B. "),
    # The lexicon languages' frames (claims/ingest/lexicon.py).
    "Russian reporting verbs": repeated("заявил "),
    "Russian sources": repeated("по словам "),
    "Russian quotations and dashes": repeated("«а б в г», - заявил X. "),
    "Russian words before the comma": repeated("Министерство заявило вечером в среду в "),
    "Russian 'about this'": repeated("Об этом сообщил "),
    "Ukrainian verbs": repeated("заявив, що "),
    "Azerbaijani quotative": repeated("deyə nazirlik bildirib "),
    "Azerbaijani complementiser": repeated("Nazirlik bildirib ki, "),
    "French sources": repeated("selon "),
    "Turkish verbs after a comma": repeated("Bakanlık, açıkladı "),
    "Armenian verbs": repeated("հայտարարել է, որ "),
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_a_crafted_200_kb_text_is_read_in_under_a_second(shape):
    started = time.process_time()
    attribution.find_claims(shape)
    assert time.process_time() - started < 1.0


def test_a_long_sentence_still_yields_the_claims_around_it():
    text = (
        "The defence ministry said that artillery hit the dam twice on Monday night.\n"
        + repeated("also ")
        + ".\nAn aide to the president said that no troops crossed the border last week."
    )
    found = attribution.find_claims(text)
    assert [f.speaker for f in found] == ["The defence ministry", "An aide to the president"]


@pytest.mark.worker
def test_a_crafted_article_goes_through_the_worker_without_holding_it(worker, demo):
    # A tenth of each shape: the whole text stays under the 200,000-word limit.
    article, _ = submit.submit_text(
        "\n".join(shape[: SIZE // 10] for shape in SHAPES.values())
        + "\nArmenia’s defence ministry said that the town was shelled overnight."
    )
    wait_for(lambda: not Article.objects.get(pk=article.pk).in_progress, timeout=60)
    article.refresh_from_db()
    assert article.status == Article.Status.READY, article.error
    last = article.suggestions.order_by("span_start").last()
    assert last.speaker_text == "Armenia’s defence ministry"
