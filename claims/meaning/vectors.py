"""Every claim's vectors, kept in step with its text.

A claim's text changing (however it changed: ingestion, the newsroom's forms, the admin, an
import, the demo) enqueues `verify.embed_claim` through the outbox; the task embeds it unless
the stored vectors already read the same text with the same encoder (so running it twice
does the work once). `index_claims` and a periodic sweep catch anything a signal never saw
(a queryset update, a restore).
"""

import hashlib
import logging

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from claims.meaning import language
from claims.meaning.encoder import encoder
from claims.models import Claim, ClaimVector, NextWritten

logger = logging.getLogger(__name__)

BATCH = 32
# Writers of vectors hold this advisory lock shared until they commit; an index merge takes it
# alone for a moment to read the highest `written` number, so every number up to it belongs
# to a committed write (none can commit later below it and be missed).
WRITE_FENCE = 0x7665726977  # pg_advisory lock key


def writing_vectors():
    """Inside the writer's transaction, before it numbers a vector."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [WRITE_FENCE])


def written_so_far() -> int:
    """The highest `written` number all of whose writes are committed (0: none).

    Its own short transaction, never inside another (durable): the lock is let go at once,
    where a caller's transaction would keep every writer waiting. A transaction lock, not a
    session one, so that it works behind PgBouncer's transaction pooling."""
    with transaction.atomic(durable=True), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_FENCE])
        cursor.execute("SELECT coalesce(max(written), 0) FROM claims_claimvector")
        return cursor.fetchone()[0]


def digest(checkable_text, text, encoder_name) -> str:
    payload = "\x00".join([encoder_name, checkable_text or "", text or ""])
    return hashlib.sha256(payload.encode()).hexdigest()


def to_bytes(vector) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)


def texts_of(checkable_text, text):
    """(checkable sentence, verbatim text or None when the two are the same)."""
    checkable = (checkable_text or "").strip() or text
    return checkable, (text if text.strip() != checkable.strip() else None)


def embed_claims(claim_ids, force=False) -> int:
    """Embed the given claims whose vectors are missing or read other text. Returns how
    many were embedded. Claims are read and written in batches of BATCH."""
    model = encoder()
    done = 0
    claim_ids = list(claim_ids)
    for start in range(0, len(claim_ids), BATCH):
        rows = list(
            Claim.objects.filter(pk__in=claim_ids[start : start + BATCH]).values_list(
                "pk", "checkable_text", "text", "language", "vector__digest"
            )
        )
        todo = []
        for pk, checkable_text, text, lang, stored in rows:
            wanted = digest(checkable_text, text, model.name)
            if force or stored != wanted:
                todo.append((pk, wanted, *texts_of(checkable_text, text), lang, text))
        if not todo:
            continue
        sentences = []
        for _pk, _digest, checkable, verbatim, _lang, _text in todo:
            sentences.append(checkable)
            if verbatim:
                sentences.append(verbatim)
        vectors = iter(model.embed(sentences))
        now = timezone.now()
        for pk, wanted, _checkable, verbatim, lang, text in todo:
            checkable_vector = next(vectors)
            verbatim_vector = next(vectors) if verbatim else None
            detected = language.detect(text)
            with transaction.atomic():
                writing_vectors()
                # Another process may have embedded the same words meanwhile: writing them
                # again would only send them back to wait for the index files.
                stored = (
                    ClaimVector.objects.select_for_update()
                    .filter(claim_id=pk)
                    .values_list("digest", flat=True)
                    .first()
                )
                if stored == wanted and not force:
                    continue
                ClaimVector.objects.update_or_create(
                    claim_id=pk,
                    defaults={
                        "encoder": model.name,
                        "digest": wanted,
                        "checkable": to_bytes(checkable_vector),
                        "verbatim": None if verbatim_vector is None else to_bytes(verbatim_vector),
                        "embedded_at": now,
                        "written": NextWritten(),  # waits for the index again
                    },
                )
                if detected != language.UNDETERMINED and detected != lang:
                    Claim.objects.filter(pk=pk).update(language=detected)
                done += 1
    return done


def claims_without_vectors(limit=500):
    return list(
        Claim.objects.filter(vector__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def embed_everything(chunk=1000, progress=None) -> int:
    """Bring every claim's vectors up to date (idempotent): `index_claims`, restores."""
    done, last = 0, 0
    while True:
        ids = list(
            Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk]
        )
        if not ids:
            return done
        done += embed_claims(ids)
        last = ids[-1]
        if progress:
            progress(last, done)


def claim_saved(sender, instance, created, raw=False, **kwargs):
    """post_save of Claim: a new claim, or one whose words changed, is embedded again."""
    read = getattr(instance, "_texts_read", None)
    now = (instance.checkable_text, instance.text)
    if not created and read == now:
        return
    from claims.platform import outbox

    instance._texts_read = now
    outbox.enqueue("verify.embed_claim", claim_id=instance.pk)
