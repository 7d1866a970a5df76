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
from claims.models import Claim, ClaimLink, ClaimVector

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
# "Same" also needs the claim to stand this far above the best rival: another candidate the
# query could as well repeat. An encoder scores a sentence and its near neighbours ("Tom
# needs water", "Tom needed water") alike, so among many claims the best wrong one often
# clears SAME_THRESHOLD; it seldom clears it by this much. Set on the dev half of the
# Tatoeba pairs (bench/tatoeba_matching.py); the README has the figures.
SAME_MARGIN = 0.05
# Candidates whose cosine leaves them below every score a match shows are not scored
# (best_possible). The benchmark turns it off to time the case where every one is near.
SKIP_FAR_CANDIDATES = True


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


def best_possible(cosine) -> float:
    """The most combined_score() can give a candidate at this cosine, whatever its words,
    numbers, parties and language: a candidate below what a match shows is not scored."""
    meaning = max(meaning_score(cosine, across) for across in (False, True))
    return MEANING_WEIGHT * meaning + (1 - MEANING_WEIGHT) * 1.0 + max(NUMBERS_AGREE, 0.0)


def lowest_shown(kinds) -> float:
    """The lowest score that can matter to a match of these kinds: shown, or a rival close
    enough to keep another candidate from being "same" (same_only_apart)."""
    floors = {"related": RELATED_THRESHOLD, "counter": COUNTER_THRESHOLD}
    floors["same"] = SAME_THRESHOLD - SAME_MARGIN
    return min(floors[kind] for kind in kinds)


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


def same_only_apart(scored, one_claim=lambda a, b: False) -> dict:
    """{key: kind} for the candidates of one query, `scored` as (key, score, kind, opposed):
    "same" is kept only by a candidate that scores SAME_MARGIN above each of its rivals, and
    is "related" otherwise. A rival is another candidate that does not answer the query
    (`opposed`: its stance opposes the query's), unless `one_claim(a, b)` says the two are one
    claim (linked as the same, or the same words): a claim logged twice is not its own rival.
    """
    kinds = {key: kind for key, _, kind, _ in scored}
    rivals = sorted(
        ((score, key) for key, score, _, opposed in scored if not opposed), reverse=True
    )
    for key, score, kind, _ in scored:
        if kind != "same":
            continue
        best_rival = next(
            (theirs for theirs, other in rivals if other != key and not one_claim(key, other)),
            None,
        )
        if best_rival is not None and score - best_rival < SAME_MARGIN:
            kinds[key] = "related"
    return kinds


def _claim_of(rows) -> dict:
    """{candidate id: the claim it is one with}: candidates linked as the same (either way,
    through others too) or with the same checkable words share one."""
    parent = {pk: pk for pk in rows}

    def root(pk):
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    def join(a, b):
        parent[root(a)] = root(b)

    first_with = {}
    for pk, row in rows.items():
        words = " ".join(texts_of(row[2], row[1])[0].lower().split())
        join(pk, first_with.setdefault(words, pk))
    for a, b in ClaimLink.objects.filter(
        kind=ClaimLink.Kind.SAME, from_claim_id__any_of=list(rows), to_claim_id__any_of=list(rows)
    ).values_list("from_claim_id", "to_claim_id"):
        join(a, b)
    return {pk: root(pk) for pk in rows}


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


@dataclass
class Query:
    """One text to match, with what its caller already knows: its vector, the claims its
    words found (their ids), the side that said it and its stance."""

    text: str
    vector: object = None
    word_ids: object = None
    side_id: int | None = None
    stance: str | None = None


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
    query = Query(clean_query(text), vector, word_ids, side_id, query_stance)
    (result,) = match_many(
        [query],
        limit,
        exclude_article_id=exclude_article_id,
        kinds=kinds,
        published_only=published_only,
        ignore=ignore,
    )
    return result


def match_many(
    queries,
    limit=10,
    *,
    exclude_article_id=None,
    kinds=("same", "counter", "related"),
    published_only=False,
    ignore=None,
) -> list:
    """match() for each Query (texts already through clean_query()), in one pass: the
    vectors encoded in one batch, the index searched once, the candidate claims and their
    stored vectors read in one query each. An article's statements are matched so."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    queries = list(queries)
    if not queries:
        return []
    ignore = lexical.side_words() if ignore is None else ignore
    vectors = [q.vector for q in queries]  # the callers' queries are left as they were
    missing = [position for position, vector in enumerate(vectors) if vector is None]
    if missing:
        try:
            encoded = encoder().embed([queries[position].text for position in missing])
        except Exception as exc:  # noqa: BLE001 - a native library that would not load or run
            logger.warning("match: the encoder failed; matching by words only", exc_info=True)
            reason = f"the encoder failed ({type(exc).__name__}: {exc})"[:300]
            return _matched_by_words(
                queries, limit, exclude_article_id, kinds, published_only, ignore, reason
            )
        for position, vector in zip(missing, encoded, strict=True):
            vectors[position] = vector
    nearest = index.search_many(vectors, VECTOR_CANDIDATES)
    word_ids = [
        q.word_ids if q.word_ids is not None else _lexical_candidates(q.text, exclude_article_id)
        for q in queries
    ]
    candidates = [set(near.found) | set(ids) for near, ids in zip(nearest, word_ids, strict=True)]
    if published_only:  # readers': the few published claims, however many drafts are nearer
        published = index.nearest_published(vectors, VECTOR_CANDIDATES)
        for found, ids in zip(candidates, published, strict=True):
            found.update(ids)
    rows = _candidate_rows(set().union(*candidates), exclude_article_id, published_only)
    cosines = _cosines(vectors, nearest, candidates, rows)
    claim_of = _claim_of(rows) if rows else {}
    theirs = {}  # each candidate's signals, read once for all the queries
    floor = lowest_shown(kinds) - 0.001  # (scores are rounded to three places)
    results = []
    for q, vector, near, ids, its_cosines in zip(
        queries, vectors, nearest, candidates, cosines, strict=True
    ):
        query_language = language.detect(q.text)
        mine = Signals.of(q.text, query_language)
        query_stance = q.stance or stance.guess(q.text)
        scored = []
        for row in (rows[pk] for pk in ids if pk in rows):
            pk, their_text, checkable, their_stance, their_side, lang = row[:6]
            if SKIP_FAR_CANDIDATES and best_possible(max(its_cosines.get(pk, (0.0,)))) < floor:
                continue  # too far in meaning for any words to bring it to what is shown
            if pk not in theirs:
                checkable_text = texts_of(checkable, their_text)[0]
                # What the claim says (its numbers, who did what) is the checkable
                # sentence's; the verbatim words often name the accuser too. Each text keeps
                # its own language.
                signals = Signals.of(checkable_text, _language_of(checkable_text, their_text, lang))
                theirs[pk] = (signals, replace(signals, language=lang or signals.language))
            words = words_score(q.text, checkable, their_text, ignore)
            score = max(
                combined_score(cosine, words, mine, signals)
                for cosine, signals in zip(its_cosines.get(pk, (0.0,)), theirs[pk], strict=False)
            )  # fmt: skip
            kind = kind_of(score, query_stance, their_stance, q.side_id, their_side)
            scored.append((pk, score, kind, stance.opposed(query_stance, their_stance)))
        matches = _shown(scored, rows, claim_of, kinds)[:limit]
        results.append(Result(q.text, query_language, matches, near.degraded, vector))
    return results


def _matched_by_words(queries, limit, exclude_article_id, kinds, published_only, ignore, reason):
    """match_many() when nothing can be encoded: each query's word candidates scored on
    their shared words alone (words_score()) against the same thresholds, so a newsroom whose
    encoder will not run still finds the claims a sentence repeats in its own words."""
    results = []
    for q in queries:
        ids = q.word_ids
        if ids is None:
            ids = _lexical_candidates(q.text, exclude_article_id)
        rows = _candidate_rows(set(ids), exclude_article_id, published_only)
        query_stance = q.stance or stance.guess(q.text)
        scored = []
        for pk, their_text, checkable, their_stance, their_side, *_ in rows.values():
            score = round(words_score(q.text, checkable, their_text, ignore), 3)
            kind = kind_of(score, query_stance, their_stance, q.side_id, their_side)
            scored.append((pk, score, kind, stance.opposed(query_stance, their_stance)))
        claim_of = _claim_of(rows) if rows else {}
        matches = _shown(scored, rows, claim_of, kinds)[:limit]
        results.append(Result(q.text, language.detect(q.text), matches, reason, q.vector))
    return results


def _shown(scored, rows, claim_of, kinds) -> list:
    """The Matches one query shows, best first: its scored candidates (claim id, score,
    kind, opposed), "same" kept apart (same_only_apart()), of the kinds asked for."""
    settled = same_only_apart(scored, lambda a, b: claim_of[a] == claim_of[b])
    matches = []
    for pk, score, _, _ in scored:
        kind = settled[pk]
        if kind not in kinds:
            continue
        row = rows[pk]
        their_text, checkable, status, lang = row[1], row[2], row[6], row[5]
        verdict_pk, published_at = row[7], row[8]
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
    return matches


def _candidate_rows(ids, exclude_article_id, published_only) -> dict:
    """{claim id: row} of the candidates a match may show, with what scoring reads."""
    if not ids:
        return {}
    claims = Claim.objects.filter(pk__any_of=list(ids)).exclude(status=Claim.Status.REJECTED)
    if exclude_article_id:
        claims = claims.exclude(article_id=exclude_article_id)
    if published_only:
        claims = claims.filter(status=Claim.Status.PUBLISHED, verdict__published_at__isnull=False)
    rows = claims.order_by().values_list(
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
    return {row[0]: row for row in rows}


def _cosines(vectors, nearest, candidates, rows) -> list:
    """For each query, {claim id: (cosine of its checkable sentence[, of its verbatim
    text])}. The index's cosines are trusted for claims it holds as they are now (merged,
    words unchanged); the others' stored vectors are read now, so a claim re-embedded since
    the index was read is never scored on its old words. A claim found by words but not
    embedded yet (or edited since) is encoded now, the best few of each query, so a claim
    the worker has not reached still matches by meaning."""
    model_name = encoder().name
    # A claim edited since it was embedded: its old vector must not answer for it.
    fresh = {
        pk
        for pk, row in rows.items()
        if row[9] and row[10] == model_name and row[9] == digest(row[2], row[1], model_name)
    }
    cosines = [{} for _ in vectors]
    need = [[] for _ in vectors]
    for position, (near, ids) in enumerate(zip(nearest, candidates, strict=True)):
        for pk in ids:
            row = rows.get(pk)
            if row is None or pk not in fresh:
                continue
            merged = row[11] is not None and row[11] <= near.through
            wanted = [False] + ([True] if texts_of(row[2], row[1])[1] is not None else [])
            found = near.found.get(pk, {})
            if merged and all(flag in found for flag in wanted):
                cosines[position][pk] = tuple(found[flag] for flag in wanted)
            else:
                need[position].append(pk)
    wanted_ids = set().union(*need)
    if wanted_ids:
        # The file holds most of them as they are (merged, written no later): read there.
        stored = index.vectors_in_file(
            (pk, texts_of(rows[pk][2], rows[pk][1])[1] is not None, rows[pk][11])
            for pk in wanted_ids
        )
        stored.update(
            (pk, [from_bytes(checkable)] + ([from_bytes(verbatim)] if verbatim else []))
            for pk, checkable, verbatim in ClaimVector.objects.filter(
                claim_id__any_of=list(wanted_ids - stored.keys())
            ).values_list("claim_id", "checkable", "verbatim")
        )
        for position, vector in enumerate(vectors):
            for pk in need[position]:
                if pk in stored:
                    cosines[position][pk] = tuple(float(np.dot(v, vector)) for v in stored[pk])
    unembedded = {}
    for position, ids in enumerate(candidates):
        lacking = [pk for pk in ids if pk in rows and pk not in cosines[position]]
        for pk in lacking[:UNEMBEDDED_AT_MOST]:
            unembedded.setdefault(pk, []).append(position)
    if unembedded:
        pks = list(unembedded)
        texts = [texts_of(rows[pk][2], rows[pk][1])[0] for pk in pks]
        for pk, their_vector in zip(pks, encoder().embed(texts), strict=True):
            for position in unembedded[pk]:
                cosines[position][pk] = (float(np.dot(their_vector, vectors[position])),)
    return cosines
