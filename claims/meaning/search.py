"""match(): "has this been checked?" for a sentence in any language.

Candidates come from two places: the vector index (meaning, across languages) and
PostgreSQL's full-text search (words: names, numbers, rare terms). Each candidate is then
scored on both, with numbers as a strong signal: two statements about 12 and 40 victims
are not the same claim however alike they read. Whether a match is the "same" claim or the
other side's "counter" claim is decided by stance (a denial answers an accusation) and,
when the query's side is known, by side; a close statement that is neither is "related".

Thresholds come from the pairs of tests/fixtures/claim_groups.json (bench/matching_eval.py prints
precision and recall per threshold; the README has the table).
"""

import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace

import numpy as np
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from claims.ingest import matching as lexical
from claims.meaning import index, language, names, stance
from claims.meaning.encoder import encoder
from claims.meaning.vectors import digest, from_bytes, texts_of
from claims.models import Claim, ClaimVector

logger = logging.getLogger(__name__)

MAX_QUERY_CHARACTERS = 2000
MAX_LIMIT = 50
VECTOR_CANDIDATES = 40
LEXICAL_BUDGET_MS = 80
UNEMBEDDED_AT_MOST = 10  # the word search may take this long; meaning answers regardless

# Cosine similarity of two E5 vectors, mapped onto 0..1 between a floor and a ceiling. Two
# texts in different languages score lower for the same meaning, so they have their own.
COSINE_RANGE = {"same language": (0.80, 0.97), "across languages": (0.75, 0.90)}
MEANING_WEIGHT = 0.9
NUMBERS_AGREE = 0.0
NUMBERS_DISAGREE = 0.2
# Who did it: another party first (the one acting) costs this much; another party
# entirely makes it another claim, at most "related" however alike the words.
PARTIES_REORDERED = 0.2
OTHER_PARTIES_AT_MOST = 0.34

# Calibrated on the train groups of tests/fixtures/claim_groups.json (dev checks them).
RELATED_THRESHOLD = 0.30
SAME_THRESHOLD = 0.60
COUNTER_THRESHOLD = 0.35


class BadQuery(ValueError):
    """The text cannot be matched; the message says why, for a 400 or a command error."""


@dataclass
class Match:
    claim_id: int
    text: str
    kind: str
    score: float
    language: str
    verdict_url: str | None


@dataclass
class Result:
    query: str
    language: str
    matches: list
    degraded: str | None = None
    # The query's own vector, for whoever looks further with it (not part of the JSON).
    vector: object = field(default=None, repr=False, compare=False)

    def as_json(self):
        return {
            "query": self.query,
            "language": self.language,
            "matches": [asdict(m) for m in self.matches],
        }


def clean_query(text) -> str:
    if not isinstance(text, str):
        raise BadQuery("the query must be text")
    if "\x00" in text or "\ufffd" in text:
        raise BadQuery("the query is not text (it holds binary data)")
    controls = sum(
        unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r" for ch in text
    )
    if controls:
        raise BadQuery("the query is not text (it holds control characters)")
    text = " ".join(text.split())
    if not text:
        raise BadQuery("the query is empty")
    if len(text) > MAX_QUERY_CHARACTERS:
        raise BadQuery(
            f"the query is {len(text)} characters long; a claim fits in "
            f"{MAX_QUERY_CHARACTERS}: paste the sentence, not the article"
        )
    if not any(ch.isalpha() for ch in text):
        raise BadQuery("the query has no words")
    return text


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def numbers(text) -> set:
    return {n.replace(",", ".") for n in _NUMBER.findall(text or "")}


def meaning_score(cosine, across_languages=False) -> float:
    floor, ceiling = COSINE_RANGE["across languages" if across_languages else "same language"]
    return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor)))


def words_score(query, checkable_text, text, ignore) -> float:
    mine = lexical.terms_all(query) - ignore
    shared, containment = max(
        lexical._containment(mine, lexical.terms_all(checkable_text) - ignore),
        lexical._containment(mine, lexical.terms_all(text) - ignore),
    )
    return containment if shared >= 2 else containment / 2


@dataclass
class Signals:
    """What a text says that an encoder blurs: its numbers and the parties it names."""

    language: str
    numbers: set
    parties: list

    @classmethod
    def of(cls, text, language_code=None):
        return cls(language_code or language.detect(text), numbers(text), names.parties(text))


def combined_score(cosine, words, mine: Signals, theirs: Signals) -> float:
    across = mine.language != theirs.language and language.UNDETERMINED not in (
        mine.language,
        theirs.language,
    )
    score = MEANING_WEIGHT * meaning_score(cosine, across) + (1 - MEANING_WEIGHT) * words
    if mine.numbers and theirs.numbers:
        score += NUMBERS_AGREE if mine.numbers & theirs.numbers else -NUMBERS_DISAGREE
    if mine.parties and theirs.parties:
        if not set(mine.parties) & set(theirs.parties):
            score = min(score, OTHER_PARTIES_AT_MOST)
        elif mine.parties[0] != theirs.parties[0]:
            score -= PARTIES_REORDERED
    return round(max(0.0, min(1.0, score)), 3)


def _language_of(checkable_text, text, claim_language):
    """The language of a claim's checkable sentence: the claim's own when it is its words,
    else what the sentence reads as (an editor writes it in the newsroom's language)."""
    if checkable_text.strip() == (text or "").strip():
        return claim_language
    return language.detect(checkable_text)


def kind_of(score, query_stance, their_stance, side_id, their_side) -> str | None:
    other_side = bool(side_id and their_side and side_id != their_side)
    same_side = bool(side_id and their_side and side_id == their_side)
    if stance.opposed(query_stance, their_stance):
        if not same_side and score >= COUNTER_THRESHOLD:
            return "counter"
    elif not other_side and score >= SAME_THRESHOLD:
        return "same"
    return "related" if score >= RELATED_THRESHOLD else None


def _lexical_candidates(text, exclude_article_id) -> set:
    """Claim ids that share telling words with `text`, within LEXICAL_BUDGET_MS."""
    query = lexical._tsquery(lexical.terms(text))
    if not query:
        return set()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            before = cursor.fetchone()[0]
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)", [str(LEXICAL_BUDGET_MS)]
            )
            cursor.execute(
                lexical.CANDIDATES_SQL,
                {"query": query, "article": exclude_article_id, "limit": lexical.CANDIDATES},
            )
            ids = {row[0] for row in cursor.fetchall()}
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
            return ids
    except DatabaseError as exc:  # cancelled: meaning alone answers this time
        logger.info("match: the word search gave up after %s ms: %s", LEXICAL_BUDGET_MS, exc)
        return set()


def match(
    text,
    limit=10,
    *,
    side_id=None,
    query_stance=None,
    exclude_article_id=None,
    kinds=("same", "counter", "related"),
    published_only=False,
    vector=None,
    ignore=None,
    word_ids=None,
) -> Result:
    """The newsroom's claims that `text` repeats, answers or is about, best first.

    `vector`: `text` already encoded; `word_ids`: the claims its words already found
    (ingestion has both for each statement, so neither is done twice)."""
    text = clean_query(text)
    limit = max(1, min(int(limit), MAX_LIMIT))
    query_language = language.detect(text)
    query_stance = query_stance or stance.guess(text)
    if vector is None:
        vector = encoder().embed([text])[0]
    similar, degraded, through = index.search(vector, VECTOR_CANDIDATES)
    if word_ids is None:
        word_ids = _lexical_candidates(text, exclude_article_id)
    candidate_ids = set(similar) | set(word_ids)
    if not candidate_ids:
        return Result(text, query_language, [], degraded, vector)

    claims = Claim.objects.filter(pk__in=candidate_ids).exclude(status=Claim.Status.REJECTED)
    if exclude_article_id:
        claims = claims.exclude(article_id=exclude_article_id)
    if published_only:
        claims = claims.filter(status=Claim.Status.PUBLISHED, verdict__published_at__isnull=False)
    rows = claims.values_list(
        "pk",
        "text",
        "checkable_text",
        "stance",
        "speaker__side_id",
        "language",
        "status",
        "verdict__pk",
        "verdict__published_at",
        "vector__digest",
        "vector__encoder",
        "vector__written",
    )
    rows = list(rows)
    model_name = encoder().name
    # A claim edited since it was embedded: its old vector must not answer for it.
    fresh = {
        row[0]
        for row in rows
        if row[9] and row[10] == model_name and row[9] == digest(row[2], row[1], model_name)
    }
    # Each text of a claim (its checkable sentence, its verbatim words) is scored with its
    # own cosine and language: a checkable sentence written in the newsroom's language is
    # compared as such, not as the language the claim was said in. The index's cosines are
    # trusted for claims it holds as they are now (merged, words unchanged); the others'
    # stored vectors are read now, so a claim re-embedded since the index was read is never
    # scored on its old words.
    cosines = {}
    need_vectors = []
    for row in rows:
        pk, their_text, checkable = row[0], row[1], row[2]
        merged = row[11] is not None and row[11] <= through
        if pk not in fresh:
            continue
        wanted = [False] + ([True] if texts_of(checkable, their_text)[1] is not None else [])
        near = similar.get(pk, {})
        if merged and all(flag in near for flag in wanted):
            cosines[pk] = tuple(near[flag] for flag in wanted)
        else:
            need_vectors.append(pk)
    for pk, checkable, verbatim in ClaimVector.objects.filter(
        claim_id__in=need_vectors
    ).values_list("claim_id", "checkable", "verbatim"):
        stored = [checkable] + ([verbatim] if verbatim else [])
        cosines[pk] = tuple(float(np.dot(from_bytes(data), vector)) for data in stored)
    # Found by words but not embedded yet (or edited since): encode the best few now, so a
    # claim the worker has not reached still matches by meaning.
    unembedded = [row for row in rows if row[0] not in cosines][:UNEMBEDDED_AT_MOST]
    if unembedded:
        texts = [texts_of(row[2], row[1])[0] for row in unembedded]
        for row, their_vector in zip(unembedded, encoder().embed(texts), strict=True):
            cosines[row[0]] = (float(np.dot(their_vector, vector)),)

    ignore = lexical.side_words() if ignore is None else ignore
    mine = Signals.of(text, query_language)
    matches = []
    for (
        pk,
        their_text,
        checkable,
        their_stance,
        their_side,
        lang,
        status,
        verdict_pk,
        published_at,
        *_,
    ) in rows:
        words = words_score(text, checkable, their_text, ignore)
        checkable_text = texts_of(checkable, their_text)[0]
        # What the claim says (its numbers, who did what) is the checkable sentence's; the
        # verbatim words often name the accuser too. Each text keeps its own language.
        theirs = Signals.of(checkable_text, _language_of(checkable_text, their_text, lang))
        said_in = replace(theirs, language=lang or theirs.language)
        score = max(
            combined_score(cosine, words, mine, signals)
            for cosine, signals in zip(cosines.get(pk, (0.0,)), (theirs, said_in), strict=False)
        )
        kind = kind_of(score, query_stance, their_stance, side_id, their_side)
        if kind not in kinds:
            continue
        shown = status == Claim.Status.PUBLISHED and published_at is not None
        matches.append(
            Match(
                claim_id=pk,
                text=checkable or their_text,
                kind=kind,
                score=score,
                language=lang or language.UNDETERMINED,
                verdict_url=reverse("public:verdict", args=[verdict_pk]) if shown else None,
            )
        )
    matches.sort(key=lambda m: (-m.score, m.claim_id))
    return Result(text, query_language, matches[:limit], degraded, vector)
