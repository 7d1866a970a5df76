"""Ingestion: an article in (URL, text or file), suggested claims out, a fact-checker decides.

The pipeline is three Celery tasks (fetch → extract → suggest), each calling a step here.
Every step reads the article's state, does only what is not done yet, and enqueues the next
through the transactional outbox in the same transaction as its result. So a step delivered
twice, or again after a worker was killed half-way, finishes the work once: no second
snapshot, no duplicate suggestions (they are unique by article and span), no lost article.
"""

import hashlib
import logging
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from claims import workflow
from claims.ingest import attribution, matching, speakers, tasks
from claims.ingest.extract import ExtractionError, extract
from claims.ingest.fetch import FetchError, check_url, fetch
from claims.models import (
    Actor,
    Article,
    AuditEvent,
    Claim,
    ClaimLink,
    ClaimSuggestion,
    Outlet,
    Side,
)
from claims.platform import outbox

logger = logging.getLogger(__name__)

S = Article.Status
NEXT_TASK = {
    S.QUEUED: tasks.fetch_article.name,
    S.FETCHING: tasks.fetch_article.name,
    S.EXTRACTING: tasks.extract_article.name,
    S.MATCHING: tasks.suggest_claims.name,
}
MAX_TEXT_BYTES = 5_000_000
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid")


class IngestError(ValueError):
    """Bad input, in words for the person who gave it. Nothing was stored."""


# --- submitting ----------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no fragment, no tracking tags."""
    try:
        url = check_url(url)
    except FetchError as exc:
        raise IngestError(str(exc)) from None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and not (
        parts.scheme == "http" and port == 80 or parts.scheme == "https" and port == 443
    ):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PARAMS)
    ]
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def _start(article):
    outbox.enqueue(NEXT_TASK[S.QUEUED], article_id=article.pk)


@transaction.atomic
def submit_url(url: str, by=None) -> tuple[Article, bool]:
    """The article for `url`, and whether it is new. The same page twice is one article."""
    url = canonical_url(url)
    if len(url) > 2000:
        raise IngestError("The address is longer than 2,000 characters.")
    article, created = Article.objects.get_or_create(
        url=url, defaults={"source": Article.Source.URL, "created_by": by}
    )
    if created:
        _start(article)
    elif article.status == S.FAILED:
        retry(article)
    return article, created


@transaction.atomic
def submit_text(content: bytes | str, by=None, filename="", title="") -> tuple[Article, bool]:
    """An article from pasted text or an uploaded .txt/.html file. Same bytes, same article."""
    raw = content.encode() if isinstance(content, str) else bytes(content)
    if not raw.strip():
        raise IngestError("The text is empty.")
    if len(raw) > MAX_TEXT_BYTES:
        raise IngestError(
            f"The text is {len(raw) / 1_000_000:.0f} MB, larger than the "
            f"{MAX_TEXT_BYTES / 1_000_000:.0f} MB limit."
        )
    name = filename.lower()
    if name and not name.endswith((".txt", ".html", ".htm")):
        raise IngestError("Only .txt and .html files can be ingested.")
    if b"\x00" in raw[:4096]:
        raise IngestError("This is a binary file, not text.")
    is_html = name.endswith((".html", ".htm")) or raw.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    )
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = Article.objects.filter(url__isnull=True, snapshot_sha256=sha256).first()
    if existing:
        return existing, False
    article = Article.objects.create(
        source=Article.Source.FILE if filename else Article.Source.TEXT,
        filename=filename[:255],
        title=title[:500],
        raw_snapshot=raw,
        snapshot_sha256=sha256,
        content_type="text/html" if is_html else "text/plain",
        fetched_at=timezone.now(),
        status=S.EXTRACTING,
        created_by=by,
    )
    outbox.enqueue(NEXT_TASK[S.EXTRACTING], article_id=article.pk)
    return article, True


def retry(article) -> Article:
    """Start a failed article again from the step that failed."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status != S.FAILED:
            return article
        if article.raw_snapshot is None:
            article.status = S.QUEUED
        elif not article.text:
            article.status = S.EXTRACTING
        else:
            article.status = S.MATCHING
        article.error = ""
        article.save(update_fields=["status", "error", "updated_at"])
        outbox.enqueue(NEXT_TASK[article.status], article_id=article.pk)
    return article


def resume_stalled(older_than=timedelta(minutes=15)) -> int:
    """Enqueue again the articles whose step has not moved for a while (a lost worker)."""
    stalled = Article.objects.filter(
        status__in=Article.IN_PROGRESS, updated_at__lt=timezone.now() - older_than
    )
    count = 0
    for article in stalled:
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
            outbox.enqueue(NEXT_TASK[article.status], article_id=article.pk)
        count += 1
    return count


# --- the steps ---------------------------------------------------------------------------------


def fail_article(article_id, message):
    """Mark the article failed with a reason for the journalist; a retry starts again."""
    Article.objects.filter(pk=article_id).update(
        status=S.FAILED, error=message[:2000], updated_at=timezone.now()
    )
    logger.info("article %s failed: %s", article_id, message)


def _waiting(article_id, *statuses):
    """The article, locked, if it waits for this step; None if it is gone or past it."""
    return Article.objects.select_for_update().filter(pk=article_id, status__in=statuses).first()


def fetch_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, S.QUEUED, S.FETCHING)
        if article is None:
            return "nothing to fetch"
        article.status = S.FETCHING
        article.save(update_fields=["status", "updated_at"])
    try:
        page = fetch(article.url)
    except FetchError as exc:
        fail_article(article_id, str(exc))
        return "failed"
    with transaction.atomic():
        article = _waiting(article_id, S.FETCHING)
        if article is None:
            return "fetched by another run"
        article.raw_snapshot = page.content
        article.snapshot_sha256 = page.sha256
        article.content_type = page.content_type + (
            f"; charset={page.charset}" if page.charset else ""
        )
        article.fetched_at = page.fetched_at
        article.status = S.EXTRACTING
        article.save()
        outbox.enqueue(NEXT_TASK[S.EXTRACTING], article_id=article.pk)
    return "fetched"


def extract_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, S.EXTRACTING)
        if article is None:
            return "nothing to extract"
        content_type, _, charset = article.content_type.partition("; charset=")
        try:
            document = extract(
                bytes(article.raw_snapshot), content_type, charset or None, article.url
            )
        except ExtractionError as exc:
            fail_article(article_id, str(exc))
            return "failed"
        article.text = document.text
        article.title = article.title or document.title or _first_words(document.text)
        article.author = article.author or document.author
        article.published_at = article.published_at or document.published_at
        article.language = document.language
        article.outlet = article.outlet or _outlet(article.url, document.sitename)
        article.status = S.MATCHING
        article.save()
        outbox.enqueue(NEXT_TASK[S.MATCHING], article_id=article.pk)
    return "extracted"


def suggest_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, S.MATCHING)
        if article is None:
            return "nothing to match"
        suggest(article)
        article.status = S.READY
        article.save(update_fields=["status", "updated_at"])
    return "ready"


def suggest(article):
    """Create (or refresh) the article's suggestions. Decided ones are left as they are."""
    sides = list(Side.objects.all())
    ignore = matching.side_words()
    existing = {(s.span_start, s.span_end): s for s in article.suggestions.all()}
    for found in attribution.find_claims(article.text):
        speaker = speakers.resolve(found.speaker, sides)
        suggestion = existing.get((found.start, found.end)) or ClaimSuggestion(
            article=article, span_start=found.start, span_end=found.end
        )
        if suggestion.status != ClaimSuggestion.Status.PENDING:
            continue
        suggestion.text = found.text
        suggestion.speaker_text = found.speaker[:300]
        suggestion.actor = speaker.actor
        suggestion.proposed_actor = speaker.proposed
        suggestion.side = speaker.side
        suggestion.stance = found.stance
        suggestion.checkworthiness = found.checkworthiness
        suggestion.related = matching.related_claims(
            found.text,
            side_id=speaker.side.pk if speaker.side else None,
            stance=found.stance,
            exclude_article_id=article.pk,
            ignore=ignore,
        )
        suggestion.save()


def _first_words(text, words=12):
    first = " ".join(text.split()[:words])
    return first + ("…" if len(text.split()) > words else "")


def _outlet(url, sitename):
    if not url:
        return None
    domain = (urlsplit(url).hostname or "").removeprefix("www.")
    outlet = Outlet.objects.filter(domain__iexact=domain).first()
    if outlet:
        return outlet
    try:
        with transaction.atomic():
            return Outlet.objects.create(name=(sitename or domain)[:200], domain=domain)
    except IntegrityError:
        return Outlet.objects.filter(name=(sitename or domain)[:200]).first()


# --- the fact-checker's review -----------------------------------------------------------------


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
    claim = Claim.objects.create(
        text=text,
        speaker=speaker,
        article=article,
        span_start=suggestion.span_start,
        span_end=suggestion.span_end,
        stance=suggestion.stance,
        language=article.language or "en",
        made_on=article.published_at.date() if article.published_at else None,
        created_by=by,
    )
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
    AuditEvent.objects.create(
        claim=claim,
        actor=by,
        action="create",
        summary=f"Logged from article {article.pk}"[:300],
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
    return suggestion


def accept_all(article, by) -> list[Claim]:
    """Accept every pending suggestion as found: bulk imports of trusted material."""
    pending = article.suggestions.filter(status=ClaimSuggestion.Status.PENDING)
    return [accept_suggestion(s, by) for s in pending]


# --- the contract of `manage.py ingest --json` and the API -------------------------------------


def as_json(article, suggestion_ids=False) -> dict:
    """The ingestion as one JSON object; `suggestion_ids` adds each suggestion's id (API)."""
    suggestions = article.suggestions.select_related("actor", "side").order_by("span_start")
    return {
        "article": {
            "id": article.pk,
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "status": article.status,
        },
        "claims": [
            {
                "id": s.claim_id if s.status == ClaimSuggestion.Status.ACCEPTED else None,
                "text": s.text,
                "speaker": s.speaker_text,
                "actor": s.actor.name if s.actor else None,
                "side": s.side.name if s.side else None,
                "stance": s.stance,
                "start": s.span_start,
                "end": s.span_end,
                "checkworthiness": s.checkworthiness,
                "related": [
                    {"claim_id": r["claim_id"], "kind": r["kind"], "score": r["score"]}
                    for r in s.related
                ],
            }
            | ({"suggestion_id": s.pk, "status": s.status} if suggestion_ids else {})
            for s in suggestions
        ],
    }
