"""The fact-checker's review of what the pipeline suggested: newsroom actions like those in
claims/actions.py, checked by workflow and audited through actions.audit()."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims import actions, workflow
from claims.ingest import attribution
from claims.ingest.submit import IngestError
from claims.models import Actor, Claim, ClaimLink, ClaimSuggestion, Stance


def _may_review(by):
    """`by` is a newsroom member, or None for the server's operator (`manage.py ingest`)."""
    if by is not None and not workflow.can_review_suggestions(by):
        raise workflow.NotAllowed(workflow.REVIEW_REFUSAL)


def _locked_suggestion(suggestion):
    return (
        ClaimSuggestion.objects.select_for_update().select_related("article").get(pk=suggestion.pk)
    )


@transaction.atomic
def accept_suggestion(suggestion, by, text=None, actor=None, new_actor=None, link_ids=None):
    """Turn a suggestion into a claim with its links; accepting twice gives the same claim.

    `actor` replaces the suggested speaker; `new_actor` creates one (or finds it by alias);
    `link_ids` keeps only those related claims (all of them when None).
    """
    _may_review(by)
    suggestion = _locked_suggestion(suggestion)
    if suggestion.status == ClaimSuggestion.Status.ACCEPTED and suggestion.claim_id:
        return suggestion.claim
    text = (text if text is not None else suggestion.text).strip()
    if not text:
        raise IngestError("The claim's text cannot be empty.")
    speaker = actor or suggestion.actor
    name = (new_actor or ("" if speaker else suggestion.proposed_actor)).strip()
    if name:
        speaker = Actor.objects.named(name).first() or _create_actor(name, suggestion.side)
    article = suggestion.article
    claim = _log_claim(
        article, by, text, speaker, suggestion.span_start, suggestion.span_end,
        f"Logged from article {article.pk}", stance=suggestion.stance,
    )  # fmt: skip
    wanted = None if link_ids is None else {int(i) for i in link_ids}
    existing = set(Claim.objects.filter(pk__in=[r["claim_id"] for r in suggestion.related])
                   .values_list("pk", flat=True))  # fmt: skip
    for entry in suggestion.related:
        if entry["claim_id"] in existing and (wanted is None or entry["claim_id"] in wanted):
            ClaimLink.objects.get_or_create(
                from_claim=claim,
                to_claim_id=entry["claim_id"],
                kind=entry["kind"],
                defaults={"created_by": by, "note": f"Suggested (score {entry['score']})"},
            )
    suggestion.status = ClaimSuggestion.Status.ACCEPTED
    suggestion.claim = claim
    suggestion.decided_by = by
    suggestion.decided_at = timezone.now()
    suggestion.save()
    return claim


def _log_claim(article, by, text, speaker, start, end, summary, stance=Stance.ASSERTION):
    """A claim from `article` at [start, end), its creation in the audit trail."""
    claim = Claim.objects.create(
        text=text,
        speaker=speaker,
        article=article,
        span_start=start,
        span_end=end,
        stance=stance,
        language=article.language or "en",
        made_on=article.published_at.date() if article.published_at else None,
        created_by=by,
    )
    actions.audit(
        claim,
        by,
        "create",
        summary,
        after={"text": claim.text, "speaker": str(speaker) if speaker else None},
    )
    return claim


def _create_actor(name, side):
    base = slugify(name)[:180] or "speaker"
    slug, n = base, 1
    while Actor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    kind = Actor.Kind.PERSON if attribution.is_person(name) else Actor.Kind.INSTITUTION
    return Actor.objects.create(name=name[:200], slug=slug, side=side, kind=kind)


@transaction.atomic
def reject_suggestion(suggestion, by):
    _may_review(by)
    suggestion = _locked_suggestion(suggestion)
    if suggestion.status == ClaimSuggestion.Status.PENDING:
        suggestion.status = ClaimSuggestion.Status.REJECTED
        suggestion.decided_by = by
        suggestion.decided_at = timezone.now()
        suggestion.save()
        actions.audit(
            None,
            by,
            "reject-suggestion",
            suggestion.text,
            subject=f"suggestion #{suggestion.pk} of article {suggestion.article_id}",
        )
    return suggestion


def accept_all(article, by) -> list[Claim]:
    """Accept every pending suggestion as found: bulk imports of trusted material."""
    pending = article.suggestions.filter(status=ClaimSuggestion.Status.PENDING)
    return [accept_suggestion(s, by) for s in pending]


@transaction.atomic
def log_passage(article, by, passage, speaker_name=""):
    """What the finder missed: a passage the fact-checker selected becomes a claim, with its
    span in the article and a speaker found by name or alias (or created)."""
    _may_review(by)
    start, end = _span_of(article.text, passage)
    name = speaker_name.strip()
    speaker = (Actor.objects.named(name).first() or _create_actor(name, None)) if name else None
    return _log_claim(
        article, by, article.text[start:end], speaker, start, end,
        f"Logged by hand from article {article.pk}",
    )  # fmt: skip


def _span_of(text, passage):
    """Where `passage` stands in `text`: as typed, or with its white space as the page
    showed it (a selection across paragraphs has line breaks where the text has others)."""
    words = passage.split()
    if len(words) < 2:
        raise IngestError("Select at least a few words of the article.")
    start = text.find(passage.strip())
    if start != -1:
        return start, start + len(passage.strip())
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if match is None:
        raise IngestError("That passage is not in this article's text: select it on this page.")
    return match.start(), match.end()
