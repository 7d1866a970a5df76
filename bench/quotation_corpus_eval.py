"""The claim finder on a public corpus of Russian quotations we did not write.

    python bench/quotation_corpus_eval.py DATA_FOLDER [--split dev|heldout|all] [--verbose]

DATA_FOLDER is the `data` folder of the ADAQ thesis repository (github.com/pixelmagenta/adaq:
Russian sentences from the Russian National Corpus's press and memoir texts, each token tagged
source, cue or content by hand). It is not part of this project: fetch it beside it. Each
sentence is read on its own; a sentence with a cue, a source and content is one label (the
source as speaker, the content as claim), scored as bench/evaluation.py scores our reports.

The corpus has no splits, so documents are split by the MD5 of their file name: even is dev
(develop on it), odd is held back (report it; never tune on it). "named speakers" leaves out
the labels whose source is a bare pronoun ("он сказал"): read alone, a sentence cannot say
whom the pronoun names, while in an article the finder points it back to the last speaker.
"""

import argparse
import collections
import csv
import hashlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verify.settings")

PRONOUNS = {"он", "она", "оно", "они", "я", "мы", "вы", "ты", "та", "тот", "те", "кто"}


def split_of(sentence_id):
    document = sentence_id.rsplit("_", 1)[0]
    return (
        "dev"
        if int(hashlib.md5(document.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 0
        else "heldout"
    )


def read_corpus(folder: Path):
    """[(sentence id, text, labels)]; labels: [(speaker, claim)], none or one."""
    with open(folder / "ru_sentences.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        sentences = {row[1]: row[0] for row in rows if len(row) >= 2}
    tokens = collections.defaultdict(list)
    with open(folder / "ru_tokens.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        for row in rows:
            if len(row) >= 5:
                tokens[row[2]].append((int(row[3]), row[1], row[4]))
    corpus = []
    for sentence_id, text in sentences.items():
        tagged = sorted(tokens.get(sentence_id, []))
        source = " ".join(word for _, word, tag in tagged if tag == "source")
        content = " ".join(word for _, word, tag in tagged if tag == "content")
        cue = any(tag == "cue" for _, _, tag in tagged)
        corpus.append(
            (sentence_id, text, [(source, content)] if cue and source and content else [])
        )
    return corpus


def main():
    import django

    django.setup()
    from bench.evaluation import Score, evaluate_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    if not (args.folder / "ru_tokens.tsv").exists():
        sys.exit(f"No ru_tokens.tsv in {args.folder}: give the ADAQ repository's data folder")

    everything, named, sentences = Score(), Score(), 0
    texts = {}
    for sentence_id, text, labels in read_corpus(args.folder):
        if args.split != "all" and split_of(sentence_id) != args.split:
            continue
        sentences += 1
        texts[sentence_id] = text
        score = evaluate_text(text, labels, sentence_id)
        everything.add(score)
        if not labels or labels[0][0].lower() not in PRONOUNS:
            named.add(score)
    print(f"split {args.split}: {sentences} sentences")
    for name, score in (("all labels", everything), ("named speakers", named)):
        print(f"  {name:15} {score.figures()}")
    if args.verbose:
        for name, speaker, claim in everything.misses:
            print(f"MISSED  {name}: {speaker}: {claim}\n        {texts[name]}")
        for name, speaker, claim in everything.extras:
            print(f"EXTRA   {name}: {speaker}: {claim}")


if __name__ == "__main__":
    main()
