"""The worker's side of matching by meaning: embed claims, merge them into the index file,
match reader requests as they arrive. Every task is idempotent."""

from celery import shared_task
from django.db import transaction

from claims.meaning import index, vectors


@shared_task(name="verify.embed_claim")
def embed_claim(claim_id):
    """Embed one claim (again, if its words changed). Twice run, embedded once."""
    return "embedded" if vectors.embed_claims([claim_id]) else "unchanged"


@shared_task(name="verify.embed_missing_claims")
def embed_missing_claims(limit=500):
    """From beat: claims that no signal announced (a queryset update, a restore)."""
    return vectors.embed_claims(vectors.claims_without_vectors(limit))


@shared_task(name="verify.merge_claim_index")
def merge_claim_index():
    """From beat, every minute: bring the vectors embedded since into the index file."""
    return index.merge()


@shared_task(name="verify.match_reader_request")
def match_reader_request(request_id):
    """A reader asked us to check something: if it is a claim we have, their request counts
    as demand on that claim (the queue's "asked by readers")."""
    from claims.meaning.search import SAME_THRESHOLD, BadQuery, match
    from claims.models import ReaderRequest

    request = ReaderRequest.objects.filter(pk=request_id, claim__isnull=True).first()
    if request is None:
        return "nothing to match"
    try:
        found = match(request.text, limit=1, kinds=("same", "counter")).matches
    except BadQuery:
        return "not a claim"
    if not found or found[0].score < SAME_THRESHOLD:
        return "no match"
    with transaction.atomic():
        updated = ReaderRequest.objects.filter(pk=request_id, claim__isnull=True).update(
            claim_id=found[0].claim_id, matched_automatically=True
        )
    return f"matched claim {found[0].claim_id}" if updated else "nothing to match"
