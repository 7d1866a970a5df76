"""Checked elsewhere: other outlets' fact-checks, read from their ClaimReview markup.

An admin lists sources (FactCheckSource): a DataFeed of ClaimReviews, the JSON that
fact-check aggregators read, or a page carrying ClaimReview JSON-LD. Beat reads each through
the same safe fetcher as ingestion (no private addresses, capped size and time) and keeps
each ClaimReview as an ExternalFactCheck, by its URL: reading a source twice updates, never
duplicates. What cannot be read (malformed JSON, the wrong types, a hostile page) is skipped
with a logged reason. Matching then finds them beside a new claim ("rated False by another
outlet on 2 Nov"); nothing imported is ever shown to readers as our own verdict.
"""

import json
import logging
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.dateparse import parse_date

from claims.ingest import matching as lexical
from claims.ingest.fetch import FetchError, fetch
from claims.meaning import language, stance
from claims.meaning.encoder import encoder
from claims.meaning.search import Signals, combined_score, kind_of, words_score
from claims.meaning.vectors import from_bytes, to_bytes
from claims.models import ExternalFactCheck, FactCheckSource

logger = logging.getLogger(__name__)

TYPES = ("application/json", "application/ld+json", "text/html", "application/xhtml+xml")
AT_MOST_PER_SOURCE = 5000  # ClaimReviews read from one source in one run
MAX_NESTING = 40  # JSON deeper than this is not a fact-check feed
TEXT_LIMITS = {"outlet": 200, "claim_author": 300, "rating": 200, "claim_reviewed": 2000}
WORD_CANDIDATES = 50


class Skipped(ValueError):
    """A ClaimReview (or a whole source) that is not imported; the message says why."""


# --- reading a source -------------------------------------------------------------------------


class _JsonLdScripts(HTMLParser):
    """The text of every <script type="application/ld+json"> in a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        self._inside = tag == "script" and kind == "application/ld+json"
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def _load_json(text):
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise Skipped(f"the JSON cannot be read ({type(exc).__name__})") from None
    _check_depth(data)
    return data


def _check_depth(data, depth=0):
    if depth > MAX_NESTING:
        raise Skipped(f"the JSON is nested more than {MAX_NESTING} deep")
    children = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    for child in children:
        _check_depth(child, depth + 1)


def documents(content: bytes, content_type: str) -> tuple[list, list[str]]:
    """The JSON documents in a fetched source, and the reasons any could not be read."""
    text = content.decode("utf-8", errors="replace")
    if content_type in ("application/json", "application/ld+json") or text.lstrip()[:1] in "[{":
        return [_load_json(text)], []
    parser = _JsonLdScripts()
    parser.feed(text)
    parser.close()
    found, problems = [], []
    for script in parser.scripts:
        try:
            found.append(_load_json(script))
        except Skipped as exc:
            problems.append(f"a JSON-LD block: {exc}")
    return found, problems


def _types(node) -> set:
    kinds = node.get("@type") if isinstance(node, dict) else None
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def claim_reviews(data) -> list:
    """Every ClaimReview in a document: itself, a list, an @graph, a DataFeed's elements
    (bare, or inside a DataFeedItem's `item`)."""
    found = []

    def walk(node, depth=0):
        if depth > 6:
            return
        if isinstance(node, list):
            for child in node:
                walk(child, depth + 1)
        elif isinstance(node, dict):
            if "ClaimReview" in _types(node):
                found.append(node)
                return
            for key in ("@graph", "dataFeedElement", "item", "mainEntity"):
                if key in node:
                    walk(node[key], depth + 1)

    walk(data)
    return found


def _text(value, field) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = next((_text(v, field) for v in value if _text(v, field)), "")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return ""
    text = " ".join(str(value).split())
    return text[: TEXT_LIMITS.get(field, 300)]


def _web_address(value) -> str:
    value = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(value) > 2000:
        return ""
    return value


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


def _day(value) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value.strip()[:10])
    except ValueError:
        return None


def _ours(url) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(settings.SITE_URL).netloc.lower()


def read_claim_review(node, default_outlet="") -> dict:
    """The fields we keep of one ClaimReview; Skipped (with why) when it is not one we can
    show a fact-checker: no URL, no claim, no rating, or our own."""
    url = _web_address(node.get("url"))
    if not url:
        raise Skipped("a ClaimReview without a web address (url)")
    if _ours(url):
        raise Skipped(f"{url} is one of our own verdicts")
    claim = _text(node.get("claimReviewed"), "claim_reviewed")
    if not claim:
        raise Skipped(f"{url}: no claimReviewed")
    rating = node.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    if not isinstance(rating, dict):
        raise Skipped(f"{url}: no reviewRating")
    label = _text(rating.get("alternateName"), "rating") or _text(rating.get("name"), "rating")
    value = _number(rating.get("ratingValue"))
    if not label and value is None:
        raise Skipped(f"{url}: the rating has neither a name nor a value")
    item = node.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    return {
        "url": url,
        "outlet": _text(node.get("author"), "outlet") or default_outlet,
        "claim_reviewed": claim,
        "claim_author": _text(item.get("author"), "claim_author"),
        "rating": label,
        "rating_value": value,
        "published_on": _day(node.get("datePublished")),
        "language": _text(node.get("inLanguage"), "language")[:12].lower()
        or language.detect(claim),
    }


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = None

    def __post_init__(self):
        self.skipped = self.skipped or []


def import_source(source: FactCheckSource) -> ImportReport:
    """Read one source and keep what it holds. A source that cannot be fetched or read at
    all is recorded on it (last_error) and changes nothing else."""
    report = ImportReport()
    try:
        page = fetch(source.url, types=TYPES)
        docs, problems = documents(page.content, page.content_type)
    except (FetchError, Skipped) as exc:
        _finish(source, report, str(exc))
        logger.warning("checked elsewhere: %s skipped: %s", source.url, exc)
        return report
    report.skipped.extend(problems)
    nodes = [node for doc in docs for node in claim_reviews(doc)]
    if not nodes and not problems:
        report.skipped.append("no ClaimReview found")
    for node in nodes[:AT_MOST_PER_SOURCE]:
        try:
            fields = read_claim_review(node, default_outlet=source.name)
        except Skipped as exc:
            report.skipped.append(str(exc))
            continue
        _keep(source, fields, report)
    if len(nodes) > AT_MOST_PER_SOURCE:
        report.skipped.append(f"{len(nodes) - AT_MOST_PER_SOURCE} beyond {AT_MOST_PER_SOURCE}")
    for reason in report.skipped:
        logger.warning("checked elsewhere: %s: skipped %s", source.url, reason)
    embed_missing()
    _finish(source, report, "; ".join(report.skipped)[:500] if report.skipped else "")
    return report


def _keep(source, fields, report):
    with transaction.atomic():
        existing = ExternalFactCheck.objects.select_for_update().filter(url=fields["url"]).first()
        if existing is None:
            ExternalFactCheck.objects.create(source=source, **fields)
            report.imported += 1
            return
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if not changed:
            report.unchanged += 1
            return
        if "claim_reviewed" in changed:
            changed.update(vector=None, vector_encoder="")
        ExternalFactCheck.objects.filter(pk=existing.pk).update(
            source=source, updated_at=timezone.now(), **changed
        )
        report.updated += 1


def _finish(source, report, error):
    FactCheckSource.objects.filter(pk=source.pk).update(
        last_checked_at=timezone.now(),
        last_imported=report.imported + report.updated,
        last_skipped=len(report.skipped),
        last_error=error[:500],
    )


def embed_missing(batch=64) -> int:
    """Give a vector to every fact-check without one from today's encoder."""
    try:
        model = encoder()
    except Exception:  # noqa: BLE001 - no encoder: words alone match them
        logger.exception("checked elsewhere: the encoder is unavailable")
        return 0
    done = 0
    while True:
        rows = list(
            ExternalFactCheck.objects.exclude(vector_encoder=model.name).values_list(
                "pk", "claim_reviewed"
            )[:batch]
        )
        if not rows:
            return done
        vectors = model.embed([text for _pk, text in rows])
        for (pk, _unused), vector in zip(rows, vectors, strict=True):
            ExternalFactCheck.objects.filter(pk=pk).update(
                vector=to_bytes(vector), vector_encoder=model.name, updated_at=timezone.now()
            )
        done += len(rows)


# --- finding them beside a claim ---------------------------------------------------------------


@dataclass
class Elsewhere:
    fact_check: ExternalFactCheck
    score: float


@lru_cache(maxsize=1)
def _matrix(stamp):
    """(ids, float32 matrix) of every vector, read again when the table changes."""
    rows = ExternalFactCheck.objects.exclude(vector=None).values_list("pk", "vector")
    ids, vectors = [], []
    for pk, data in rows.iterator(chunk_size=2000):
        ids.append(pk)
        vectors.append(from_bytes(data))
    if not ids:
        return np.empty(0, dtype=np.int64), np.empty((0, 1), dtype=np.float32)
    return np.asarray(ids), np.vstack(vectors)


def _vector_candidates(vector, k) -> dict:
    stamp = ExternalFactCheck.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    ids, matrix = _matrix((stamp["n"], stamp["last"]))
    if vector is None or not len(ids) or matrix.shape[1] != len(vector):
        return {}
    cosines = matrix @ np.asarray(vector, dtype=np.float32)
    best = np.argsort(-cosines)[:k]
    return {int(ids[i]): float(cosines[i]) for i in best}


def _word_candidates(text) -> set:
    """Fact-checks whose claim shares most of its trigrams with `text` (pg_trgm's `%`)."""
    return set(
        ExternalFactCheck.objects.filter(claim_reviewed__trigram_similar=text).values_list(
            "pk", flat=True
        )[:WORD_CANDIDATES]
    )


def checked_elsewhere(text, vector=None, limit=5) -> list[Elsewhere]:
    """Other outlets' fact-checks of the claim `text` states, best first: what match()
    would call the same claim (by meaning, in any language; its words add candidates and
    weigh a little), never its denial."""
    text = " ".join((text or "").split())[:2000]
    if not text or not ExternalFactCheck.objects.exists():
        return []
    if vector is None:
        try:
            vector = encoder().embed([text])[0]
        except Exception:  # noqa: BLE001 - words alone, then
            logger.exception("checked elsewhere: the encoder is unavailable")
    near = _vector_candidates(vector, 20)
    candidates = ExternalFactCheck.objects.filter(pk__in=set(near) | _word_candidates(text))
    ignore = lexical.side_words()
    mine = Signals.of(text)
    my_stance = stance.guess(text)
    found = []
    for fact_check in candidates:
        words = words_score(text, fact_check.claim_reviewed, fact_check.claim_reviewed, ignore)
        theirs = Signals.of(fact_check.claim_reviewed, fact_check.language or None)
        score = combined_score(near.get(fact_check.pk, 0.0), words, mine, theirs)
        their_stance = stance.guess(fact_check.claim_reviewed)
        # match()'s threshold, without its margin over rivals: several outlets checking
        # one claim are all the same claim, not each other's rivals.
        if kind_of(score, my_stance, their_stance, None, None) == "same":
            found.append(Elsewhere(fact_check, score))
    found.sort(key=lambda e: (-e.score, -(e.fact_check.published_on or date.min).toordinal()))
    return found[:limit]


def checked_elsewhere_for_claim(claim, limit=5) -> list[Elsewhere]:
    """checked_elsewhere() for a logged claim, on its stored vector when it is current."""
    from claims.meaning.vectors import digest, texts_of

    if not ExternalFactCheck.objects.exists():
        return []  # nothing imported: no encoder needed
    checkable = texts_of(claim.checkable_text, claim.text)[0]
    stored = getattr(claim, "vector", None)
    vector = None
    try:
        name = encoder().name
    except Exception:  # noqa: BLE001
        name = None
    if stored is not None and stored.digest == digest(claim.checkable_text, claim.text, name):
        vector = from_bytes(stored.checkable)
    return checked_elsewhere(checkable, vector=vector, limit=limit)
