"""An article's statements are encoded once: the shared cache (Redis) remembers their vectors,
so a statement carried by many outlets, or an article fetched again, costs a cache read."""

import numpy as np
from django.core.cache import cache

from claims.meaning.encoder import embed_remembered, encoder, remembered_key

MINISTRY = "The ministry said Azerbaijani forces used phosphorus munitions near Shusha."
REPLY = "Baku denied using any incendiary weapons in the Karabakh war."


def test_a_statement_seen_before_is_read_from_the_cache_not_encoded_again(db):
    cache.delete_many([remembered_key(encoder(), MINISTRY), remembered_key(encoder(), REPLY)])
    first = embed_remembered([MINISTRY])[0][0]
    stored = cache.get(remembered_key(encoder(), MINISTRY))
    assert np.allclose(np.frombuffer(stored, dtype=np.float16), first, atol=1e-3)

    # What the cache holds is what comes back: a marker proves no encoding happened.
    marker = np.zeros(encoder().dim, dtype=np.float16)
    marker[0] = 1.0
    cache.set(remembered_key(encoder(), MINISTRY), marker.tobytes())
    (again, reply), _ = embed_remembered([MINISTRY, REPLY])
    assert again.tolist() == marker.astype(np.float32).tolist()
    assert np.allclose(reply, encoder().embed([REPLY])[0], atol=1e-3)  # new: encoded


def test_a_damaged_entry_is_encoded_afresh(db):
    cache.set(remembered_key(encoder(), REPLY), b"not a vector")
    vector = embed_remembered([REPLY])[0][0]
    assert np.allclose(vector, encoder().embed([REPLY])[0], atol=1e-3)
    assert len(cache.get(remembered_key(encoder(), REPLY))) == encoder().dim * 2


def test_a_cache_that_does_not_answer_costs_only_the_encoding(db, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    vectors, _ = embed_remembered([MINISTRY, REPLY, MINISTRY])
    assert np.allclose(vectors, encoder().embed([MINISTRY, REPLY, MINISTRY]), atol=1e-3)
    assert "the vector cache did not answer" in caplog.text


class FailingEncoder:
    """An encoder whose native engine fails on every call (a fault injected on purpose)."""

    name = "failing-encoder"
    dim = 384

    def __init__(self, threads=None):
        pass

    def embed(self, texts):
        raise RuntimeError("the engine crashed")


def test_an_encoder_that_fails_leaves_the_words_to_match_the_statements(demo, settings, caplog):
    from claims.ingest.attribution import Found
    from claims.ingest.matching import side_words
    from claims.ingest.steps import related_for_statements

    phosphorus = demo["claims"]["phosphorus"]
    settings.CLAIM_ENCODER = "tests.meaning.test_statement_vectors.FailingEncoder"
    encoder.cache_clear()
    try:
        statement = Found(text=phosphorus.text, speaker="the ministry", start=0, end=1)
        (related,) = related_for_statements(
            [statement], [None], article_id=None, ignore=side_words()
        )
    finally:
        encoder.cache_clear()
    assert phosphorus.pk in [r["claim_id"] for r in related]  # found by its words
    assert "could not embed the statements of an article" in caplog.text
