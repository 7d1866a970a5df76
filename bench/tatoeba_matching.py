"""Matching across languages on public sentence pairs we did not write: the Tatoeba test set
that LASER's authors drew (1,000 English sentences and their translations a language).

    DEBUG=true python bench/tatoeba_matching.py LASER/data/tatoeba/v1 [--languages rus,aze]
        [--half dev|held|all] [--lexical]

For every language, the English sentences stand in for the newsroom's claims and each
translation is a query: is its English sentence among the 5 best (top 5), or the best
(top 1), of the 1,000? Scoring is claims/meaning/search.py's own, as in matching_eval.py: the
50 nearest by meaning, re-scored with words, numbers and parties (--lexical: words alone, as
matching was before), and "same" kept only by a sentence that stands SAME_MARGIN above its
rivals (search.same_only_apart). Three counts of the best sentence's kind: "same" and right;
"same" and wrong (a wrong "same" on top, the issue's "at most 1 per 10 queries"); and, with
the query's own translation taken away, "same" all the same (a sentence the newsroom never
logged, called checked).

The queries of each language are split in two halves: SAME_MARGIN was set on the first
("dev"); the second ("held") is scored with it, never tuned on.

The sentences are everyday ones ("I can ride a horse."), not claims, and many differ only in
tense or person ("Tom needs water" / "Tom needed water"): a test of reading across languages
and scripts, not of telling one accusation from another.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verify.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from claims.meaning import search, stance  # noqa: E402
from claims.meaning.encoder import embed  # noqa: E402

LANGUAGES = {"rus": "ru", "ukr": "uk", "aze": "az", "hye": "hy", "tur": "tr", "fra": "fr"}
NEAREST = 50


def read_pairs(folder: Path, code: str):
    foreign = (folder / f"tatoeba.{code}-eng.{code}").read_text(encoding="utf-8").splitlines()
    english = (folder / f"tatoeba.{code}-eng.eng").read_text(encoding="utf-8").splitlines()
    return list(zip(foreign, english, strict=True))


def rank(queries, candidates, language, lexical):
    """For each query, the candidates' indices best first (the NEAREST by meaning, re-scored),
    with their scores."""
    query_vectors = embed(queries)
    candidate_vectors = embed(candidates)
    signals = [search.Signals.of(text, "en") for text in candidates]
    ranked = []
    for text, vector in zip(queries, query_vectors, strict=True):
        own = search.Signals.of(text, language)
        if lexical:
            pool = range(len(candidates))
        else:
            cosines = candidate_vectors @ vector
            pool = np.argsort(-cosines)[:NEAREST]
        scored = []
        for index in pool:
            words = search.words_score(text, candidates[index], candidates[index], set())
            if lexical:
                score = round(0.7 * words, 3)
            else:
                cosine = float(cosines[index])
                score = search.combined_score(cosine, words, own, signals[index])
            scored.append((score, int(index)))
        scored.sort(reverse=True)
        ranked.append(scored)
    return ranked


def kinds(query, scored, candidates):
    """{candidate index: kind} as match() settles them."""
    query_stance = stance.guess(query)
    settled = []
    for score, index in scored:
        their_stance = stance.guess(candidates[index])
        kind = search.kind_of(score, query_stance, their_stance, None, None)
        settled.append((index, score, kind, stance.opposed(query_stance, their_stance)))
    return search.same_only_apart(settled)


def measure(pairs, language, lexical, half):
    queries = [foreign for foreign, _ in pairs]
    candidates = [english for _, english in pairs]
    ranked = rank(queries, candidates, language, lexical)
    middle = len(pairs) // 2
    chosen = {"dev": range(middle), "held": range(middle, len(pairs))}.get(half, range(len(pairs)))
    counts = np.zeros(6, dtype=int)  # top 1, top 5, right same, wrong same, same if absent, n
    for position in chosen:
        query, scored = queries[position], ranked[position]
        order = [index for _, index in scored]
        best_kind = kinds(query, scored, candidates)[order[0]]
        rest = [(score, index) for score, index in scored if index != position]
        counts += (
            order[:1] == [position],
            position in order[:5],
            best_kind == "same" and order[0] == position,
            best_kind == "same" and order[0] != position,
            bool(rest) and kinds(query, rest, candidates)[rest[0][1]] == "same",
            1,
        )
    return counts


def report(label, counts):
    top1, top5, right, wrong, absent, n = counts
    print(
        f"{label:<8} top 1 {top1 / n:.3f}  top 5 {top5 / n:.3f}  best called same: "
        f"right {right / n:.3f}, wrong {wrong / n:.3f}; own taken away {absent / n:.3f}  (n={n})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, help="LASER's data/tatoeba/v1")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--half", default="held", choices=["dev", "held", "all"])
    parser.add_argument("--lexical", action="store_true", help="words alone (the old matcher)")
    args = parser.parse_args()
    print(
        f"scoring: {'words only' if args.lexical else 'meaning + words + numbers + parties'}; "
        f"queries: {args.half}"
    )
    totals = np.zeros(6, dtype=int)
    for code in args.languages.split(","):
        counts = measure(read_pairs(args.folder, code), LANGUAGES[code], args.lexical, args.half)
        totals += counts
        report(f"{code}→eng", counts)
    report("all", totals)


if __name__ == "__main__":
    main()
