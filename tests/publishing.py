"""Publishing in tests that are about something else: an editor who read the preview and
accepted the checklist as it stands (the checklist itself is tested in
tests/newsroom/test_publish_checklist.py)."""

from claims import actions

ACCEPT_ALL = {
    "confirmed": True,
    "accept_unarchived": True,
    "no_reply_sought": True,
    "no_counter_claims": True,
    "sources_exception": "The ministry's own statement is the claim's only record.",
}


def publish(claim, editor):
    return actions.publish_verdict(claim, editor, **ACCEPT_ALL)


def update_rating(claim, editor, note, rating="mostly-true"):
    """A published verdict's rating changed by an update, its words kept."""
    from claims.models import Rating

    verdict = claim.verdict
    return actions.record_correction(
        claim,
        editor,
        kind="update",
        note=note,
        version=verdict.version,
        rating=Rating.objects.get(slug=rating),
        headline=verdict.headline,
        summary=verdict.summary,
        explanation=verdict.explanation,
    )
