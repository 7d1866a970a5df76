"""The index of claims' vectors: an HNSW graph (usearch) in one file, int8, shared.

Every process that answers "has this been checked?" memory-maps the file read-only
(`Index.restore(view=True)`), so the operating system keeps one copy in memory however many
web and worker processes read it, and notices a new file by its inode. Only the worker
writes: merge() adds the vectors not yet in the file (ClaimVector.indexed=False) to a copy,
saves it beside the old one and renames it into place, then marks those rows indexed.
Until then the waiting rows are searched exactly, from the database, so a claim is
findable as soon as it is embedded; and a waiting row hides the claim's older vectors in
the file, so an edited claim never answers with the words it no longer has.

Keys: claim id × 2 for the checkable sentence, + 1 for the verbatim text.
"""

import contextlib
import json
import logging
import os
import threading
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from claims.meaning.encoder import encoder
from claims.meaning.vectors import from_bytes
from claims.models import ClaimVector

logger = logging.getLogger(__name__)

FILE_NAME = "claims.usearch"
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 96
MERGE_LOCK = 0x7665726966  # pg_advisory_lock key: one writer at a time
# Claims embedded but not merged yet are compared one by one; past this many (a burst, a
# rebuild) the rest are found by their words until the worker merges them.
WAITING_SEARCHED_AT_MOST = 5_000
TIDY_AFTER = 10_000  # a merge this large vacuums the vectors' table afterwards


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

_view = {"stamp": None, "index": None, "error": None}
_view_lock = threading.Lock()


def _stamp(file):
    stat = file.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _check_about(index):
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


def current():
    """The file's index, memory-mapped; reopened when the worker replaced the file.
    Raises IndexUnavailable (and logs a warning once per file) when it cannot be used."""
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
            return _view["index"]
        _view.update(stamp=stamp, index=None, error=None)
        if stamp is None:
            _view["stamp"] = None
            raise IndexUnavailable(f"{file} is missing")
        try:
            index = Index.restore(str(file), view=True)
            if index is None:
                raise IndexUnavailable("not a usearch index")
            _check_about(index)
        except (ValueError, RuntimeError, OSError, IndexUnavailable) as exc:
            error = f"{file} cannot be used: {exc}"
            logger.warning("claim index: %s; matching falls back to words", error)
            _view["error"] = error
            raise IndexUnavailable(error) from exc
        _view["index"] = index
        return index


_waiting = {"stamp": None, "ids": [], "flags": [], "matrix": None}


def _waiting_vectors():
    """(claim ids, verbatim flags, matrix) of the vectors not yet in the file, read again
    only when they changed (one cheap query on a partial index tells)."""
    rows = ClaimVector.objects.filter(indexed=False, encoder=encoder().name)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), max(embedded_at), max(claim_id) FROM claims_claimvector "
            "WHERE NOT indexed AND encoder = %s",
            [encoder().name],
        )
        stamp = cursor.fetchone()
    if stamp == _waiting["stamp"]:
        return _waiting["ids"], _waiting["flags"], _waiting["matrix"]
    ids, flags, vectors = [], [], []
    for claim_id, checkable, verbatim in rows.values_list("claim_id", "checkable", "verbatim")[
        :WAITING_SEARCHED_AT_MOST
    ]:
        for flag, data in ((False, checkable), (True, verbatim)):
            if data is not None:
                ids.append(claim_id)
                flags.append(flag)
                vectors.append(from_bytes(data))
    matrix = np.vstack(vectors) if vectors else np.empty((0, encoder().dim), dtype=np.float32)
    _waiting.update(stamp=stamp, ids=ids, flags=flags, matrix=matrix)
    return ids, flags, matrix


def search(vector, k=40):
    """({claim id: {verbatim?: cosine}}, degraded reason or None) for the k nearest claims,
    nearest first: the cosine of its checkable sentence (False) and of its verbatim text
    (True), each where it was among the nearest.

    The index file answers for the claims in it; claims embedded since are compared
    exactly, and their fresh vectors replace whatever the file holds for them."""
    vector = np.asarray(vector, dtype=np.float32)
    found, degraded = {}, None
    ids, flags, matrix = _waiting_vectors()
    # Every waiting claim hides its vectors in the file, close to the query or not.
    hidden = set(ids)
    waiting = {}
    if ids:
        for claim_id, flag, similarity in zip(ids, flags, (matrix @ vector).tolist(), strict=True):
            waiting.setdefault(claim_id, {})[flag] = similarity
    try:
        index = current()
    except IndexUnavailable as exc:
        degraded = str(exc)
        index = None
    if index is not None and len(index):
        matches = index.search(vector, min(k * 2, len(index)))
        for key, distance in zip(matches.keys, matches.distances, strict=False):
            claim_id = int(key) // 2
            if claim_id not in hidden:
                found.setdefault(claim_id, {})[bool(int(key) % 2)] = 1.0 - float(distance)
    best_waiting = sorted(waiting.items(), key=lambda item: -max(item[1].values()))[:k]
    found.update(best_waiting)
    ranked = sorted(found.items(), key=lambda item: -max(item[1].values()))[:k]
    return dict(ranked), degraded


def state() -> dict:
    """For /healthz and the README: {"ok", "detail"}; not ok means degraded, not down."""
    waiting = ClaimVector.objects.filter(indexed=False).count()
    try:
        index = current()
    except IndexUnavailable as exc:
        if not ClaimVector.objects.filter(indexed=True).exists():
            return {"ok": True, "detail": f"no index file yet; {waiting} vector(s) waiting"}
        return {"ok": False, "detail": f"degraded: {exc}; run manage.py index_claims"}
    return {"ok": True, "detail": f"{len(index)} vectors indexed, {waiting} waiting"}


# --- writing (the worker, index_claims) -----------------------------------------------------------


def _locked():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [MERGE_LOCK])
        return cursor.fetchone()[0]


def _load_for_writing():
    from usearch.index import Index

    file = path()
    if not file.exists():
        return None
    try:
        index = Index.restore(str(file), view=False)
        _check_about(index)
        return index
    except (ValueError, RuntimeError, OSError, IndexUnavailable) as exc:
        logger.warning("claim index: %s cannot be used (%s); rebuilding it", file, exc)
        return None


def _add_rows(index, rows):
    keys, vectors, names = [], [], encoder().name
    for claim_id, encoder_name, checkable, verbatim in rows:
        if encoder_name != names:
            continue
        for verbatim_key, data in ((False, checkable), (True, verbatim)):
            key = keys_of(claim_id, verbatim_key)
            if index.contains(key):
                index.remove(key)
            if data is not None:
                keys.append(key)
                vectors.append(from_bytes(data))
    if keys:
        index.add(np.asarray(keys, dtype=np.uint64), np.vstack(vectors), threads=0)


def _save(index):
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(f".{file.name}.{os.getpid()}.partial")
    index.save(str(partial))
    about = {"encoder": encoder().name, "size": len(index), "saved_at": timezone.now().isoformat()}
    about_partial = partial.with_suffix(".json")
    about_partial.write_text(json.dumps(about))
    os.replace(about_partial, _about_path())
    os.replace(partial, file)


def _mark_indexed(rows):
    """Mark merged rows indexed, but only those still as they were merged: a claim
    re-embedded meanwhile keeps waiting."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claimvector v SET indexed = true "
            "FROM unnest(%s::bigint[], %s::text[]) AS m(claim_id, digest) "
            "WHERE v.claim_id = m.claim_id AND v.digest = m.digest",
            [[row[0] for row in rows], [row[4] for row in rows]],
        )


def merge(batch=50_000) -> int:
    """Add the vectors not yet in the file to it (rebuilding the file when it is missing or
    unusable). Idempotent; one writer at a time. Returns how many claims were merged."""
    if not ClaimVector.objects.filter(indexed=False).exists():
        try:
            current()
            return 0  # nothing to do: the file is not even read (it can be large)
        except IndexUnavailable:
            pass  # missing or unusable: made anew below
    with transaction.atomic():
        if not _locked():
            return 0
        index = _load_for_writing()
        rebuild = index is None
        if rebuild:
            index = _new_index()
            ClaimVector.objects.filter(indexed=True).update(indexed=False)
        merged, last = [], -1
        while True:
            rows = list(
                ClaimVector.objects.filter(indexed=False, claim_id__gt=last)
                .order_by("claim_id")
                .values_list("claim_id", "encoder", "checkable", "verbatim", "digest")[:batch]
            )
            if not rows:
                break
            _add_rows(index, [row[:4] for row in rows])
            last = rows[-1][0]
            merged.extend((row[0], None, None, None, row[4]) for row in rows)
            if not rebuild:
                break  # one batch per run; the next run takes the rest
        if merged or rebuild:
            _save(index)
            for start in range(0, len(merged), batch):
                _mark_indexed(merged[start : start + batch])
    if len(merged) >= TIDY_AFTER:
        _tidy()
    return len(merged)


def _tidy():
    """After a large merge every row has a dead version still in the partial index of
    waiting vectors; until vacuumed, PostgreSQL reads the whole table to count the waiting
    ones (~280 ms at 1M claims, on every match). Vacuum now rather than wait for autovacuum
    (and analyse, so the planner knows few rows wait)."""
    with connection.cursor() as cursor:
        if connection.in_atomic_block:  # VACUUM cannot run in a transaction
            cursor.execute("ANALYZE claims_claimvector")
        else:
            cursor.execute("VACUUM (ANALYZE) claims_claimvector")


def rebuild() -> int:
    """A new file from every stored vector (index_claims --rebuild, a corrupt file)."""
    with transaction.atomic():
        ClaimVector.objects.filter(indexed=True).update(indexed=False)
    with contextlib.suppress(FileNotFoundError):
        path().unlink()
    return merge()
