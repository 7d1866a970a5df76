"""Matching across languages on public sentence pairs we did not write: the Tatoeba test set
that LASER's authors drew (1,000 English sentences and their translations a language).

    DEBUG=true python bench/tatoeba_matching.py LASER/data/tatoeba/v1 [--languages rus,aze]
        [--lexical]

For every language, the English sentences stand in for the newsroom's claims and each
translation is a query: is its English sentence among the 5 best (top 5), or the best
(top 1), of the 1,000? Scoring is claims/meaning/search.py's own, as in matching_eval.py: the
50 nearest by meaning, re-scored with words, numbers and parties (--lexical: words alone, as
matching was before). "Wrong same on top": with its own translation taken away, how often the
best of the rest would still be called the same claim.

The sentences are everyday ones ("I can ride a horse."), not claims, and many differ only in
tense or person ("Tom needs water" / "Tom needed water"): a test of reading across languages
and scripts, not of telling one accusation from another. Nothing is tuned on it.
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


def measure(pairs, language, lexical):
    queries = [foreign for foreign, _ in pairs]
    candidates = [english for _, english in pairs]
    ranked = rank(queries, candidates, language, lexical)
    top1 = top5 = wrong_same = 0
    for position, (query, scored) in enumerate(zip(queries, ranked, strict=True)):
        order = [index for _, index in scored]
        top1 += order[:1] == [position]
        top5 += position in order[:5]
        rest = [(score, index) for score, index in scored if index != position]
        if rest:
            score, index = rest[0]
            kind = search.kind_of(
                score, stance.guess(query), stance.guess(candidates[index]), None, None
            )
            wrong_same += kind == "same"
    return top1, top5, wrong_same, len(pairs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, help="LASER's data/tatoeba/v1")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--lexical", action="store_true", help="words alone (the old matcher)")
    args = parser.parse_args()
    print(f"scoring: {'words only' if args.lexical else 'meaning + words + numbers + parties'}")
    totals = np.zeros(4, dtype=int)
    for code in args.languages.split(","):
        top1, top5, wrong, n = measure(read_pairs(args.folder, code), LANGUAGES[code], args.lexical)
        totals += (top1, top5, wrong, n)
        print(
            f"{code}→eng  top 1 {top1 / n:.3f}  top 5 {top5 / n:.3f}  "
            f"wrong 'same' on top {wrong}/{n}"
        )
    top1, top5, wrong, n = totals
    print(f"all      top 1 {top1 / n:.3f}  top 5 {top5 / n:.3f}  wrong 'same' on top {wrong}/{n}")


if __name__ == "__main__":
    main()
