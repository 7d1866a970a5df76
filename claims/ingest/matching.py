"""What the newsroom already has for a new statement: the same claim, and the other side's answer.

Candidates come from PostgreSQL full-text search on the claims' GIN-indexed `stems` vector
(their words cut to five letters, as stem() cuts them), asking for pairs of the statement's
most telling words (two shared names or terms, not one
common word), so the lookup stays fast with millions of claims. The best fifty are then
scored with trigram similarity (pg_trgm) and word overlap:

- "same": a close wording, by the same side or a side-less speaker;
- "counter": the same subject from another side with the opposite stance (a denial answering
  an accusation, or the reverse).
"""

import re
import time
from functools import lru_cache
from itertools import combinations

from django.db import connection

from claims.models import Side

STOPWORDS = set(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "said",
        "says",
        "stated",
        "reported",
        "claimed",
        "according",
        "added",
        "announced",
        "emphasised",
        "emphasized",
        "highlighted",
        "noted",
        "de",
        "facto",
        "yesterday",
        "today",
        "day",
        "night",
        "during",
        "also",
        "two",
        "one",
        "three",
        "several",
        "various",
        "different",
    ]
)
MAX_TERMS = 8
CANDIDATES = 50
SAME_THRESHOLD = 0.45
COUNTER_THRESHOLD = 0.25


def stem(word: str) -> str | None:
    """A crude, language-blind stem, the first five letters: "shelling", "shelled" → "shell",
    "accused", "accusation" → "accus", "Azerbaijani" → "azerb". None for a stopword."""
    key = word.lower().replace("'", "").replace("’", "")
    if key in STOPWORDS or len(key) < 3:
        return None
    return key[:5]


_frequencies = {"at": 0.0, "stems": {}}
FREQUENCIES_TTL = 600
# A word in more than this many claims does not narrow the search (but still counts in the
# score, and the pass by meaning finds the claims that share a topic). In a small newsroom no
# word is that common, so every word can find a candidate. The index checks every claim of
# every word searched against the pairs, so a common word is what a search costs: at a
# million claims, 2,000 instead of 5,000 takes the 20 searches of an article from about
# 100 ms to 65 (bench/match_scale.py).
TOO_COMMON = 2000


def frequencies() -> dict:
    """In about how many claims each common word stem occurs, from PostgreSQL's own
    statistics on the `stems` column (its most common lexemes, which are stems), refreshed
    every ten minutes."""
    now = time.monotonic()
    if now - _frequencies["at"] < FREQUENCIES_TTL:
        return _frequencies["stems"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
            "FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
            "WHERE s.tablename = 'claims_claim' AND s.attname = 'stems'"
        )
        row = cursor.fetchone()
    stems = {}
    if row and row[0]:
        rows = max(row[2] or 0, 0)
        for lexeme, freq in zip(row[0], row[1], strict=False):
            stems[lexeme] = freq * rows
    _frequencies.update(at=now, stems=stems)
    return stems


def terms(text: str) -> list[str]:
    """The statement's most telling words: the rarest in the newsroom's claims first (names
    before other words when nothing is known), leaving out words most claims share."""
    seen, proper, common = set(), [], []
    for word in re.findall(r"[^\W\d_][\w'’]*", text):
        key = stem(word)
        if key is None or key in seen:
            continue
        seen.add(key)
        (proper if word[:1].isupper() else common).append(key)
    common.sort(key=len, reverse=True)
    known = frequencies()
    ranked = [k for k in proper + common if known.get(k, 0.0) <= TOO_COMMON]
    ranked.sort(key=lambda k: known.get(k, 0.0))  # stable: names first among the unknown
    return ranked[:MAX_TERMS]


def _tsquery(keys):
    def term(key):
        # A whole stem of the `stems` column: "shell" is "shelled" and "shelling" cut to
        # five letters. Quotes keep it one lexeme.
        return "'" + re.sub(r"[^\w]", "", key) + "'"

    keys = [k for k in keys if re.sub(r"[^\w]", "", k)]
    if len(keys) < 2:
        return " | ".join(term(k) for k in keys)
    return " | ".join(f"({term(a)} & {term(b)})" for a, b in combinations(keys, 2))


def _containment(a: set, b: set) -> tuple[int, float]:
    """How many words the two share, and what share of the shorter one that is."""
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


def side_words():
    """Stems of the sides' names: in nearly every claim of a conflict, so they show no
    shared subject. One query; a caller checking many statements passes the result on."""
    names = Side.objects.values_list("name", flat=True)
    return {stem(w) for name in names for w in re.findall(r"\w+", name)} - {None}


# The claims sharing pairs of telling words with a statement, best first (id, rank): the
# word side of matching here and in claims/meaning/search.py.
CANDIDATES_SQL = """
    SELECT id, ts_rank(stems, q) AS rank
    FROM claims_claim, to_tsquery('simple', %(query)s) AS q
    WHERE stems @@ q AND status <> 'rejected'
      AND (%(article)s::bigint IS NULL OR article_id IS DISTINCT FROM %(article)s)
    ORDER BY rank DESC
    LIMIT %(limit)s
"""


def word_candidates(text, exclude_article_id=None):
    """The claims sharing pairs of `text`'s telling words, best first, as rows that
    related_claims() scores: (id, stance, side id, trigram similarity, checkable, text).
    A caller that also matches by meaning passes their ids on, so the search runs once."""
    query = _tsquery(terms(text))
    if not query:
        return []
    # Only constants are joined here; every value goes in as a parameter.
    sql = f"""
        SELECT c.id, c.stance, a.side_id, similarity(c.text, %(text)s) AS trigram,
               c.checkable_text, c.text
        FROM ({CANDIDATES_SQL}) AS hit
        JOIN claims_claim c ON c.id = hit.id
        LEFT JOIN claims_actor a ON a.id = c.speaker_id
        ORDER BY hit.rank DESC
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {"text": text, "query": query, "article": exclude_article_id, "limit": CANDIDATES},
        )
        return cursor.fetchall()


def related_claims(
    text,
    side_id=None,
    stance="assertion",
    exclude_article_id=None,
    limit=5,
    ignore=None,
    rows=None,
):
    """[{"claim_id", "kind", "score"}] for the newsroom's claims that relate to `text`.

    `ignore`: the side_words() to leave out of the comparison (looked up when not given);
    `rows`: word_candidates() already looked up for `text`.
    """
    if rows is None:
        rows = word_candidates(text, exclude_article_id)
    mine = terms_all(text) - (side_words() if ignore is None else ignore)
    results = []
    for claim_id, their_stance, their_side, trigram, checkable, their_text in rows:
        shared, containment = max(
            _containment(mine, terms_all(checkable)),
            _containment(mine, terms_all(their_text)),
        )
        score = 0.7 * containment + 0.3 * trigram
        other_side = side_id and their_side and side_id != their_side
        opposed = (stance == "denial") != (their_stance == "denial")
        if other_side and opposed and shared >= 2 and score >= COUNTER_THRESHOLD:
            kind = "counter"
        elif not other_side and not opposed and shared >= 3 and score >= SAME_THRESHOLD:
            kind = "same"
        else:
            continue
        results.append({"claim_id": claim_id, "kind": kind, "score": round(score, 3)})
    results.sort(key=lambda r: -r["score"])
    return results[:limit]


@lru_cache(maxsize=50_000)
def terms_all(text) -> frozenset:
    """Every content word of `text`, stemmed like terms(). Kept for the texts seen last: an
    article's statements meet the same candidate claims again and again."""
    # stem() of every word, inlined: an article's pass reads a thousand candidate claims
    keys = [
        word.lower().replace("'", "").replace("’", "")
        for word in re.findall(r"[^\W\d_][\w'’]*", text or "")
    ]
    return frozenset(key[:5] for key in keys if len(key) >= 3 and key not in STOPWORDS)
