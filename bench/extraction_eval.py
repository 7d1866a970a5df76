"""Recall and precision of the claim finder on a folder of labelled articles.

    python bench/extraction_eval.py FOLDER [--labels DIR] [--verbose]

FOLDER holds NAME.txt articles; each NAME.labels (in FOLDER, or in DIR with --labels) has
one "speaker<TAB>claim" per line: the attributed claims a fact-checker would log. Speakers
are matched through the newsroom's actors and aliases, so run it on a database with the demo
newsroom loaded (bin/run does that). It also prints the extraction time per 1,000 words.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verify.settings")


def main():
    import django

    django.setup()
    from bench.evaluation import evaluate_folder
    from claims.ingest.attribution import find_claims
    from claims.meaning.language import detect

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--labels", type=Path, help="where the .labels files are")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()

    folder = args.folder
    if args.labels:
        folder = Path(tempfile.mkdtemp())
        for text in args.folder.glob("*.txt"):
            labels = args.labels / f"{text.stem}.labels"
            if labels.exists():
                shutil.copy(text, folder)
                shutil.copy(labels, folder)
    total, per_file = evaluate_folder(folder)
    if not per_file:
        sys.exit(f"No NAME.txt with NAME.labels in {args.folder}")
    for name, score in per_file.items():
        print(f"{name:40} {score.figures()}")
    print(f"{'TOTAL':40} {total.figures()}")
    by_language = per_language(folder, per_file)
    if len(by_language) > 1:
        for code, score in sorted(by_language.items()):
            print(f"{'language ' + code:40} {score.figures()}")
    if args.verbose:
        for name, speaker, claim in total.misses:
            print(f"MISSED  {name}: {speaker}: {claim}")
        for name, speaker, claim in total.extras:
            print(f"EXTRA   {name}: {speaker}: {claim}")

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    groups = {}
    for text in texts:
        groups.setdefault(detect(text), []).append(text)
    for code, group in sorted(groups.items()):
        words = sum(len(t.split()) for t in group)
        rounds = max(1, 20_000 // max(words, 1))
        started = time.perf_counter()
        for _ in range(rounds):
            for text in group:
                find_claims(text)
        elapsed = time.perf_counter() - started
        print(f"extraction ({code}): {elapsed / (rounds * words) * 1e6:.1f} ms per 1,000 words "
              f"({rounds} rounds of {words} words)")  # fmt: skip


def per_language(folder, per_file):
    """The scores summed by the language each text is written in."""
    from bench.evaluation import Score
    from claims.meaning.language import detect

    totals = {}
    for name, score in per_file.items():
        code = detect((Path(folder) / name).read_text(encoding="utf-8"))
        totals.setdefault(code, Score()).add(score)
    return totals


if __name__ == "__main__":
    main()
