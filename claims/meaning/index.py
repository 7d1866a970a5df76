"""The index of claims' vectors: an HNSW graph (usearch) in one file, int8, per machine.

Every process that answers "has this been checked?" memory-maps the file read-only
(`Index.restore(view=True)`), so the operating system keeps one copy in memory however many
web and worker processes read it, and notices a new file by its inode. Only a merge writes:
it adds the vectors written since the file's own mark (ClaimVector.written above `through`,
kept in the file's description) to a copy, saves it beside the old one and renames it into
place. Nothing about a file is stored in PostgreSQL, so each machine can keep its own
file in its own folder (`manage.py index_claims --follow` beside its web processes), and no
merge anywhere changes what another file lacks. Until a vector is merged it is searched
exactly, straight from the database, so a claim is findable as soon as it is embedded; and
a waiting vector hides the claim's older one in the file, so an edited claim never answers
with the words it no longer has.

Keys: claim id × 2 for the checkable sentence, + 1 for the verbatim text.
"""

import contextlib
import fcntl
import json
import logging
import os
import threading
from pathlib import Path
from typing import NamedTuple

import numpy as np
from django.conf import settings
from django.db import connection
from django.utils import timezone

from claims.meaning.encoder import encoder
from claims.meaning.vectors import from_bytes, written_so_far
from claims.models import ClaimVector

logger = logging.getLogger(__name__)

FILE_NAME = "claims.usearch"
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 96
# Claims embedded but not merged yet are compared one by one; past this many (a burst, a
# rebuild) the rest are found by their words until the merge reaches them.
WAITING_SEARCHED_AT_MOST = 5_000


class IndexUnavailable(Exception):
    """The file is missing, unreadable, or made by another encoder."""


def path() -> Path:
    return Path(settings.CLAIM_INDEX_DIR) / FILE_NAME


def _about_path() -> Path:
    return path().with_suffix(".json")


def _new_index():
    from usearch.index import Index

    return Index(
        ndim=encoder().dim,
        metric="cos",
        dtype="i8",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


def keys_of(claim_id, verbatim=False) -> int:
    return claim_id * 2 + int(verbatim)


# --- reading ----------------------------------------------------------------------------------

_view = {"stamp": None, "index": None, "through": 0, "error": None}
_view_lock = threading.Lock()


def _stamp(file):
    stat = file.stat()
    return (str(file), stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _read_about(index) -> int:
    """The file's mark: it holds every vector written up to this number."""
    try:
        about = json.loads(_about_path().read_text())
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(
            f"its description {_about_path().name} is unreadable: {exc}"
        ) from exc
    if about.get("encoder") != encoder().name:
        raise IndexUnavailable(f"made by {about.get('encoder')!r}, not {encoder().name!r}")
    if about.get("size") != len(index):
        raise IndexUnavailable(
            f"holds {len(index)} vectors, its description says {about.get('size')}"
        )
    if not isinstance(about.get("through"), int):
        raise IndexUnavailable("its description does not say which vectors it holds")
    return about["through"]


def _current():
    """(index, through) of the file, memory-mapped; reopened when a merge replaced it."""
    from usearch.index import Index

    file = path()
    try:
        stamp = _stamp(file)
    except FileNotFoundError:
        stamp = None
    with _view_lock:
        if stamp == _view["stamp"] and _view["stamp"] is not None:
            if _view["error"]:
                raise IndexUnavailable(_view["error"])
            return _view["index"], _view["through"]
        _view.update(stamp=stamp, index=None, through=0, error=None)
        if stamp is None:
            raise IndexUnavailable(f"{file} is missing")
        try:
            index = Index.restore(str(file), view=True)
            if index is None:
                raise IndexUnavailable("not a usearch index")
            through = _read_about(index)
        except (ValueError, RuntimeError, OSError, IndexUnavailable) as exc:
            error = f"{file} cannot be used: {exc}"
            logger.warning("claim index: %s; matching falls back to words", error)
            _view["error"] = error
            raise IndexUnavailable(error) from exc
        _view.update(index=index, through=through)
        return index, through


def current():
    """The file's index, memory-mapped. Raises IndexUnavailable (and logs a warning once per
    file) when it cannot be used."""
    return _current()[0]


def vectors_in_file(wanted) -> dict:
    """{claim id: [checkable vector(, verbatim vector)]} read from the file, for each
    (claim id, has a verbatim vector, written) of `wanted` that the file holds as written
    (at or below its mark): int8 in the file, made unit length again; their cosines with a
    query differ from the stored float16 vectors' by up to about 0.006, as the file's own
    search does. Matching reads the vectors of the claims its words found so, without
    touching their rows (a page each, seldom cached at a million claims). Claims the file
    cannot answer for are left out; the caller reads them from the database."""
    try:
        file, through = _current()
    except IndexUnavailable:
        return {}
    chosen = [(pk, verbatim) for pk, verbatim, written in wanted if written and written <= through]
    if file is None or not len(file) or not chosen:
        return {}
    keys = [keys_of(pk, flag) for pk, verbatim in chosen for flag in (False, True)[: 1 + verbatim]]
    got = dict(
        zip(keys, file.get(np.asarray(keys, dtype=np.uint64), dtype=np.float32), strict=True)
    )
    found = {}
    for pk, verbatim in chosen:
        vectors = [got[keys_of(pk, flag)] for flag in (False, True)[: 1 + verbatim]]
        if all(v is not None for v in vectors):
            found[pk] = [v / max(float(np.linalg.norm(v)), 1e-12) for v in vectors]
    return found


_waiting = {"stamp": None, "ids": [], "flags": [], "matrix": None}


def _waiting_vectors(through):
    """(claim ids, verbatim flags, matrix) of the vectors written after the file's mark, read
    again only when they changed (one cheap query on the `written` index tells)."""
    rows = ClaimVector.objects.filter(written__gt=through, encoder=encoder().name)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), max(written) FROM claims_claimvector "
            "WHERE written > %s AND encoder = %s",
            [through, encoder().name],
        )
        stamp = (through, *cursor.fetchone())
    if stamp == _waiting["stamp"]:
        return _waiting["ids"], _waiting["flags"], _waiting["matrix"]
    ids, flags, matrix = _stacked(
        rows.order_by("-written").values_list("claim_id", "checkable", "verbatim")[
            :WAITING_SEARCHED_AT_MOST
        ]
    )
    _waiting.update(stamp=stamp, ids=ids, flags=flags, matrix=matrix)
    return ids, flags, matrix


def _stacked(rows):
    """(claim ids, verbatim flags, matrix) of stored (claim id, checkable, verbatim) vectors:
    one row per text a claim has."""
    ids, flags, vectors = [], [], []
    for claim_id, checkable, verbatim in rows:
        for flag, data in ((False, checkable), (True, verbatim)):
            if data is not None:
                ids.append(claim_id)
                flags.append(flag)
                vectors.append(from_bytes(data))
    matrix = np.vstack(vectors) if vectors else np.empty((0, encoder().dim), dtype=np.float32)
    return ids, flags, matrix


class Nearest(NamedTuple):
    """What search() found: {claim id: {verbatim?: cosine}}, nearest first; why the file
    could not be used (None when it could); and the file's mark, above which a claim's
    vectors are not in the file (its cosines, if any, were computed from the database)."""

    found: dict
    degraded: str | None
    through: int


def search(vector, k=40) -> Nearest:
    """The k nearest claims: the cosine of each one's checkable sentence (False) and of its
    verbatim text (True), each where it was among the nearest.

    The index file answers for the claims in it; claims embedded since are compared
    exactly, and their fresh vectors replace whatever the file holds for them."""
    return search_many([vector], k)[0]


def search_many(vectors, k=40) -> list[Nearest]:
    """search() for each of several vectors (an article's statements), with the file, the
    waiting vectors and the graph walked once for all of them."""
    matrix = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    degraded = None
    try:
        index, through = _current()
    except IndexUnavailable as exc:
        degraded, index, through = str(exc), None, 0
    ids, flags, waiting_matrix = _waiting_vectors(through)
    # Every waiting claim hides its vectors in the file, close to the query or not.
    hidden = set(ids)
    similarities = (waiting_matrix @ matrix.T).T.tolist() if ids else [[] for _ in matrix]
    in_file = None
    if index is not None and len(index) and len(matrix):
        in_file = index.search(matrix, min(k * 2, len(index)))
        if len(matrix) == 1:  # usearch answers one query with its matches, not a batch
            in_file = [in_file]
    nearest = []
    for position, row in enumerate(similarities):
        found, waiting = {}, {}
        for claim_id, flag, similarity in zip(ids, flags, row, strict=True):
            waiting.setdefault(claim_id, {})[flag] = similarity
        if in_file is not None:
            matches = in_file[position]
            for key, distance in zip(matches.keys, matches.distances, strict=False):
                claim_id = int(key) // 2
                if claim_id not in hidden:
                    found.setdefault(claim_id, {})[bool(int(key) % 2)] = 1.0 - float(distance)
        best_waiting = sorted(waiting.items(), key=lambda item: -max(item[1].values()))[:k]
        found.update(best_waiting)
        ranked = sorted(found.items(), key=lambda item: -max(item[1].values()))[:k]
        nearest.append(Nearest(dict(ranked), degraded, through))
    return nearest


# Readers see published claims only. In a newsroom that publishes few of the claims it logs,
# the published ones can all fall outside the nearest neighbours of the whole index, behind
# the drafts of the same story; so up to this many published claims are also compared
# exactly (their vectors kept in memory, about 3 MB a thousand claims, read again when the
# published set changes). Past it, published claims are many enough for the index to find.
PUBLISHED_COMPARED_AT_MOST = 10_000

_published = {"stamp": None, "ids": [], "matrix": None}


def _published_vectors():
    """(claim ids, matrix) of the published claims' vectors, one row per text; None when
    there are more than PUBLISHED_COMPARED_AT_MOST."""
    published = ClaimVector.objects.filter(claim__status="published", encoder=encoder().name)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), coalesce(max(v.written), 0), max(c.updated_at) "
            "FROM claims_claimvector v JOIN claims_claim c ON c.id = v.claim_id "
            "WHERE c.status = 'published' AND v.encoder = %s",
            [encoder().name],
        )
        stamp = cursor.fetchone()
    if stamp[0] > PUBLISHED_COMPARED_AT_MOST:
        return None
    if stamp != _published["stamp"]:
        ids, _flags, matrix = _stacked(published.values_list("claim_id", "checkable", "verbatim"))
        _published.update(stamp=stamp, ids=ids, matrix=matrix)
    return _published["ids"], _published["matrix"]


def nearest_published(vectors, k=40) -> list[list[int]]:
    """For each vector, the ids of the k published claims nearest to it by either of their
    texts, compared exactly ([] each when too many are published: the index finds them)."""
    published = _published_vectors()
    if published is None or not published[0]:
        return [[] for _ in vectors]
    ids, matrix = published
    nearest = []
    for similarities in (matrix @ np.asarray(vectors, dtype=np.float32).T).T:
        best = {}
        for row in np.argsort(-similarities):
            best.setdefault(ids[row], None)
            if len(best) == k:
                break
        nearest.append(list(best))
    return nearest


def state() -> dict:
    """For /healthz and the README: {"ok", "detail"}; not ok means degraded, not down."""
    try:
        index, through = _current()
    except IndexUnavailable as exc:
        if not ClaimVector.objects.exists():
            return {"ok": True, "detail": "no index file yet, and no vectors to put in one"}
        return {"ok": False, "detail": f"degraded: {exc}; run manage.py index_claims"}
    waiting = ClaimVector.objects.filter(written__gt=through).count()
    return {"ok": True, "detail": f"{len(index)} vectors indexed, {waiting} waiting"}


# --- writing (the worker, index_claims) -----------------------------------------------------------


@contextlib.contextmanager
def _one_writer():
    """True for the one process of this machine that may write its file now (a lock on a
    file in the index's folder: other machines' files are theirs to write)."""
    folder = path().parent
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".merge.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _load_for_writing():
    """(index, through) of the file, read into memory to be added to; None to make it anew."""
    from usearch.index import Index

    file = path()
    if not file.exists():
        return None
    try:
        index = Index.restore(str(file), view=False)
        if index is None:
            raise IndexUnavailable("not a usearch index")
        return index, _read_about(index)
    except (ValueError, RuntimeError, OSError, IndexUnavailable) as exc:
        logger.warning("claim index: %s cannot be used (%s); rebuilding it", file, exc)
        return None


def _add_rows(index, rows):
    keys, vectors, names = [], [], encoder().name
    for claim_id, encoder_name, checkable, verbatim in rows:
        for verbatim_key, data in ((False, checkable), (True, verbatim)):
            key = keys_of(claim_id, verbatim_key)
            if index.contains(key):
                index.remove(key)  # its old words, or another encoder's vector
            if data is not None and encoder_name == names:
                keys.append(key)
                vectors.append(from_bytes(data))
    if keys:
        index.add(np.asarray(keys, dtype=np.uint64), np.vstack(vectors), threads=0)


def _save(index, through):
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(f".{file.name}.{os.getpid()}.partial")
    index.save(str(partial))
    about = {
        "encoder": encoder().name,
        "size": len(index),
        "through": through,
        "saved_at": timezone.now().isoformat(),
    }
    about_partial = partial.with_suffix(".json")
    about_partial.write_text(json.dumps(about))
    os.replace(about_partial, _about_path())
    os.replace(partial, file)


def merge(batch=50_000) -> int:
    """Add the vectors written since the file's mark to it (making the file anew when it is
    missing or unusable). Idempotent; one writer per folder at a time. Returns how many
    claims' vectors were merged."""
    try:
        _index, through = _current()
        if not ClaimVector.objects.filter(written__gt=through).exists():
            return 0  # nothing to do: the file is not even read (it can be large)
    except IndexUnavailable:
        pass  # missing or unusable: made anew below
    with _one_writer() as mine:
        if not mine:
            return 0
        loaded = _load_for_writing()
        rebuild = loaded is None
        index, through = (_new_index(), 0) if rebuild else loaded
        # Every write numbered up to `upto` is committed: read no further, or a write still
        # in flight below a later number could be passed over for good.
        upto = written_so_far()
        merged = 0
        while True:
            rows = list(
                ClaimVector.objects.filter(written__gt=through, written__lte=upto)
                .order_by("written")
                .values_list("claim_id", "encoder", "checkable", "verbatim", "written")[:batch]
            )
            if rows:
                _add_rows(index, [row[:4] for row in rows])
                merged += len(rows)
            if len(rows) < batch:
                through = upto
                break
            through = rows[-1][4]
            if not rebuild:
                break  # one batch per run; the next run takes the rest
        if merged or rebuild:
            _save(index, through)
    return merged


def rebuild() -> int:
    """A new file from every stored vector (index_claims --rebuild, a corrupt file)."""
    with contextlib.suppress(FileNotFoundError):
        path().unlink()
    return merge()
