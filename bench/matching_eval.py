"""Matching by meaning on labelled pairs: precision and recall per threshold, and how often
the claim a sentence repeats is in the top 5.

    DEBUG=true python bench/matching_eval.py [--split train|dev|all] [--lexical]

The pairs come from tests/fixtures/claim_groups.json (written for this project: claims of
the Karabakh war, an election and a pandemic in en, ru, az, uk, fr, tr, hy; see
tests/matching_pairs.py). Thresholds are set on train; dev checks them. The figures say how
the scoring behaves on our own sentences, not how it does on the public's: the issue's
held-out pairs are others'.

Scoring is claims/meaning/search.py's own: combined_score() and kind_of(), with the query's
stance guessed as match() guesses it and the candidate's stance as an editor would log it
(a denial for the counter-claims). --lexical scores by words alone, as matching did before.
Top 5: for each pair of the same claim (a, b), is b among the 5 best of everything else in
the split (other claims, and a's own counter- and topic claims), b's other versions left out?
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

from claims.ingest import matching as lexical  # noqa: E402
from claims.meaning import search, stance  # noqa: E402
from claims.meaning.encoder import embed  # noqa: E402
from tests.matching_pairs import groups, pairs, variants  # noqa: E402

IGNORE = {lexical.stem(w) for w in ("Armenia", "Azerbaijan", "Russia", "Turkey", "Ukraine")}


def their_stance(item):
    return "denial" if item["part"] == "counter" else "assertion"


class Scorer:
    def __init__(self, items, lexical_only=False):
        texts = sorted({item["text"] for item in items})
        self.vectors = dict(zip(texts, embed(texts), strict=True))
        self.lexical_only = lexical_only
        self.signals = {}

    def signal(self, item):
        key = item["text"]
        if key not in self.signals:
            self.signals[key] = search.Signals.of(item["text"], item["language"])
        return self.signals[key]

    def score(self, a, b):
        words = search.words_score(a["text"], b["text"], b["text"], IGNORE)
        if self.lexical_only:  # the old matcher's weight on shared words (no trigram here)
            return round(0.7 * words, 3)
        cosine = float(np.dot(self.vectors[a["text"]], self.vectors[b["text"]]))
        return search.combined_score(cosine, words, self.signal(a), self.signal(b))

    def kind(self, a, b, score):
        return search.kind_of(score, stance.guess(a["text"]), their_stance(b), None, None)


def precision_recall(scored, label, kind, thresholds, scorer):
    rows = []
    for threshold in thresholds:
        kept = [(a, b, truth) for a, b, truth, score in scored if score >= threshold]
        predicted = [truth for a, b, truth in kept if scorer.kind(a, b, 1.0) == kind]
        true_positive = sum(truth == label for truth in predicted)
        positives = sum(truth == label for *_, truth, _ in scored)
        precision = true_positive / len(predicted) if predicted else 1.0
        recall = true_positive / positives if positives else 0.0
        rows.append((threshold, precision, recall, len(predicted)))
    return rows


def top5(split_groups, scorer):
    everything = []
    for group in split_groups:
        for part in ("claim", "paraphrase", "counter", "other"):
            for language, text in variants(group, part):
                everything.append(
                    {"text": text, "language": language, "group": group["id"], "part": part}
                )
    found = total = wrong_top1 = queries = 0
    for a in everything:
        if a["part"] not in ("claim", "paraphrase"):
            continue
        same = [
            b
            for b in everything
            if b["group"] == a["group"] and b["part"] in ("claim", "paraphrase") and b is not a
        ]
        others = [
            b for b in everything if b["group"] != a["group"] or b["part"] in ("counter", "other")
        ]
        other_scores = sorted((scorer.score(a, b) for b in others), reverse=True)
        fifth = other_scores[4] if len(other_scores) >= 5 else -1
        for b in same:
            total += 1
            found += scorer.score(a, b) > fifth
        # Top 1 among everything: a wrong "same" on top? The claim's versions are one claim
        # (a newsroom links them as the same), so none is a rival of another.
        queries += 1
        pool, versions = same + others, len(same)
        query_stance = stance.guess(a["text"])
        scored = [(i, scorer.score(a, b)) for i, b in enumerate(pool)]
        settled = search.same_only_apart(
            [
                (
                    i,
                    score,
                    scorer.kind(a, pool[i], score),
                    stance.opposed(query_stance, their_stance(pool[i])),
                )
                for i, score in scored
            ],
            lambda i, j, versions=versions: i < versions and j < versions,
        )
        best = max(scored, key=lambda pair: pair[1])[0]
        if best >= versions and settled[best] == "same":
            wrong_top1 += 1
    return found, total, wrong_top1, queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=["train", "dev", "all"])
    parser.add_argument("--lexical", action="store_true", help="words alone (the old matcher)")
    args = parser.parse_args()
    split = None if args.split == "all" else args.split
    labelled = pairs(split)
    items = [a for a, _, _ in labelled] + [b for _, b, _ in labelled]
    for group in groups(split):
        for part in ("claim", "paraphrase", "counter", "other"):
            items += [{"text": t, "language": lang} for lang, t in variants(group, part)]
    scorer = Scorer(items, lexical_only=args.lexical)
    scored = [(a, b, truth, scorer.score(a, b)) for a, b, truth in labelled]
    print(
        f"split: {args.split}; {len(labelled)} pairs; scoring: "
        f"{'words only' if args.lexical else 'meaning + words + numbers + parties'}"
    )
    for label in ("same", "counter", "topic", "unrelated"):
        values = [score for _, _, truth, score in scored if truth == label]
        print(
            f"  {label:<10} n={len(values):<4} score median {np.median(values):.2f}  "
            f"p10 {np.percentile(values, 10):.2f}  p90 {np.percentile(values, 90):.2f}"
        )
    thresholds = [round(t, 2) for t in np.arange(0.3, 0.85, 0.05)]
    for label in ("same", "counter"):
        print(f"\n{label!r}: threshold, precision, recall, predicted")
        for threshold, precision, recall, n in precision_recall(
            scored, label, label, thresholds, scorer
        ):
            print(f"  {threshold:.2f}  P {precision:.2f}  R {recall:.2f}  ({n})")
    found, total, wrong, queries = top5(groups(split), scorer)
    print(
        f"\ntop 5: {found}/{total} = {found / total:.2f} of same-claim pairs "
        f"(cross-lingual and paraphrase); wrong 'same' on top: {wrong}/{queries} queries"
    )


if __name__ == "__main__":
    main()
