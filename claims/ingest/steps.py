"""The pipeline's steps: fetch → extract → suggest, each run by a Celery task
(claims/ingest/tasks.py).

Every step reads the article's state, does only what is not done yet, and enqueues the next
through the transactional outbox in the same transaction as its result. So a step delivered
twice, or again after a worker was killed half-way, finishes the work once: no second
snapshot, no duplicate suggestions (they are unique by article and span), no lost article.
"""

import logging
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.ingest import attribution, matching, speakers
from claims.ingest.extract import ExtractionError, extract
from claims.ingest.fetch import FetchError, fetch
from claims.ingest.submit import NEXT_TASK
from claims.meaning.encoder import EncodingFailed, embed_remembered
from claims.meaning.search import BadQuery, Query, clean_query, match_many
from claims.models import Article, ClaimSuggestion, Outlet, Side
from claims.platform import outbox

logger = logging.getLogger(__name__)

# Encoding costs 20–30 ms a statement on these machines: an article's first 60 by
# check-worthiness are matched by meaning too, the rest by their words.
MEANING_STATEMENTS_AT_MOST = 60


def fail_article(article_id, message):
    """Mark the article failed with a reason for the journalist; a retry starts again."""
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error=message[:2000], updated_at=timezone.now()
    )
    logger.info("article %s failed: %s", article_id, message)


def _waiting(article_id, *statuses):
    """The article, locked, if it waits for this step; None if it is gone or past it."""
    return Article.objects.select_for_update().filter(pk=article_id, status__in=statuses).first()


def fetch_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, Article.Status.QUEUED, Article.Status.FETCHING)
        if article is None:
            return "nothing to fetch"
        article.status = Article.Status.FETCHING
        article.save(update_fields=["status", "updated_at"])
    try:
        page = fetch(article.url)
    except FetchError as exc:
        fail_article(article_id, str(exc))
        return "failed"
    with transaction.atomic():
        article = _waiting(article_id, Article.Status.FETCHING)
        if article is None:
            return "fetched by another run"
        article.raw_snapshot = page.content
        article.snapshot_sha256 = page.sha256
        article.content_type = page.content_type + (
            f"; charset={page.charset}" if page.charset else ""
        )
        article.fetched_at = page.fetched_at
        article.status = Article.Status.EXTRACTING
        article.save()
        outbox.enqueue(NEXT_TASK[Article.Status.EXTRACTING], article_id=article.pk)
    return "fetched"


def extract_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, Article.Status.EXTRACTING)
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
        article.language = document.language[:12]
        article.outlet = article.outlet or _outlet(article.url, document.sitename)
        article.status = Article.Status.MATCHING
        article.save()
        outbox.enqueue(NEXT_TASK[Article.Status.MATCHING], article_id=article.pk)
    return "extracted"


def suggest_step(article_id) -> str:
    with transaction.atomic():
        article = _waiting(article_id, Article.Status.MATCHING)
        if article is None:
            return "nothing to match"
        suggest(article)
        article.status = Article.Status.READY
        article.save(update_fields=["status", "updated_at"])
    return "ready"


def suggest(article):
    """Create (or refresh) the article's suggestions. Decided ones are left as they are."""
    sides = list(Side.objects.all())
    ignore = matching.side_words()
    existing = {(s.span_start, s.span_end): s for s in article.suggestions.all()}
    pending = []
    for found in attribution.find_claims(article.text):
        suggestion = existing.get((found.start, found.end)) or ClaimSuggestion(
            article=article, span_start=found.start, span_end=found.end
        )
        if suggestion.status == ClaimSuggestion.Status.PENDING:
            pending.append((found, suggestion))
    resolved = [speakers.resolve(found.speaker, sides) for found, _ in pending]
    related = related_for_statements(
        [found for found, _ in pending],
        [speaker.side.pk if speaker.side else None for speaker in resolved],
        article_id=article.pk,
        ignore=ignore,
    )
    for (found, suggestion), speaker, its_related in zip(pending, resolved, related, strict=True):
        suggestion.text = found.text
        suggestion.speaker_text = found.speaker[:300]
        suggestion.actor = speaker.actor
        suggestion.proposed_actor = speaker.proposed
        suggestion.side = speaker.side
        suggestion.stance = found.stance
        suggestion.checkworthiness = found.checkworthiness
        suggestion.related = its_related
        suggestion.save()


def related_for_statements(statements, side_ids, *, article_id, ignore):
    """related_claims() of each statement. The statements are encoded while their word
    searches run in PostgreSQL (the two use different cores), then matched by meaning all
    together: one pass over the index and one read of the candidate claims for the article."""
    vectors, word_rows = embed_statements(
        statements,
        meanwhile=lambda: [matching.word_candidates(f.text, article_id) for f in statements],
    )
    by_meaning = meaning_matches(
        statements, side_ids, vectors, word_rows, article_id=article_id, ignore=ignore
    )
    return [
        related_claims(found, rows, meant, side_id=side_id, article_id=article_id, ignore=ignore)
        for found, side_id, rows, meant in zip(
            statements, side_ids, word_rows, by_meaning, strict=True
        )
    ]


def meaning_matches(statements, side_ids, vectors, word_rows, *, article_id, ignore, limit=5):
    """For each statement, the claims match() finds it repeats or answers ([] for one
    without a vector, or with no words to match)."""
    queries, positions = [], []
    for position, (found, side_id, vector, rows) in enumerate(
        zip(statements, side_ids, vectors, word_rows, strict=True)
    ):
        if vector is None:
            continue
        try:
            text = clean_query(found.text)
        except BadQuery:
            continue
        word_ids = [row[0] for row in rows]
        queries.append(Query(text, vector, word_ids, side_id, found.stance))
        positions.append(position)
    matched = [[] for _ in statements]
    results = match_many(
        queries, limit, exclude_article_id=article_id, kinds=("same", "counter"), ignore=ignore
    )
    for position, result in zip(positions, results, strict=True):
        matched[position] = result.matches
    return matched


def embed_statements(statements, meanwhile):
    """(vectors for the article's statements, what meanwhile() returned: it runs while the
    encoder does). One batch, each distinct wording once (and once a week across articles:
    the cache remembers them); only the MEANING_STATEMENTS_AT_MOST most check-worthy are
    embedded (a page of thousands of statements is matched by words only past them). None
    where there is no vector: the words still match."""
    ranked = sorted(range(len(statements)), key=lambda i: -statements[i].checkworthiness)
    chosen = ranked[:MEANING_STATEMENTS_AT_MOST]
    texts = list(dict.fromkeys(statements[i].text for i in chosen))
    try:
        encoded, result = embed_remembered(texts, meanwhile)
        vectors = dict(zip(texts, encoded, strict=True))
    except EncodingFailed as failure:  # a native library: never lose the article to it
        logger.exception("could not embed the statements of an article; matching by words")
        vectors, result = {}, failure.meanwhile
    chosen = set(chosen)
    found = [vectors.get(f.text) if i in chosen else None for i, f in enumerate(statements)]
    return found, result


def related_claims(found, rows, by_meaning, *, side_id, article_id, ignore, limit=5):
    """The newsroom's claims a statement repeats ("same") or answers ("counter"): those its
    words share (`rows`, its word_candidates()), then those its meaning shares (other
    wordings, other languages: `by_meaning`, its meaning_matches()). Where both find a
    claim, the word matcher's kind stands: it reads the sides' own words."""
    by_words = matching.related_claims(
        found.text,
        side_id=side_id,
        stance=found.stance,
        exclude_article_id=article_id,
        ignore=ignore,
        rows=rows,
    )
    related = {r["claim_id"]: r for r in by_words}
    for m in by_meaning:
        if m.claim_id not in related:
            related[m.claim_id] = {"claim_id": m.claim_id, "kind": m.kind, "score": m.score}
        else:
            related[m.claim_id]["score"] = max(related[m.claim_id]["score"], m.score)
    return sorted(related.values(), key=lambda r: (-r["score"], r["claim_id"]))[:limit]


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
