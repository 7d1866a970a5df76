"""Recall and precision of the claim finder on PolNeAR, a public corpus of news attributions.

    python bench/attribution_eval.py CORPUS_DIR --split dev [--verbose N] [--families]

CORPUS_DIR is a local copy of the PolNeAR repository (or its data/ folder): SPLIT/text/*.txt
articles and SPLIT/attributions/*.ann brat standoff files (Source, Cue, Content spans tied by
an Attribution event). Develop on train and dev only; test is for the figure others check.

It runs attribution.find_claims(), the function the ingestion pipeline's suggest step runs,
on each article's text, and scores:
- recall: of the annotated attributions whose cue is a speech verb (said, told, stated,
  denied, accused, according to, wrote, added, claimed, insisted, warned, …) and whose
  content has 5 words or more, the share covered by a suggested claim: the suggestion covers
  at least half of the content span and its speaker agrees with the annotated source (shares
  a name word with it; a pronoun source counts when the suggestion resolved it to a name);
- precision: the share of suggested claims that lie mostly (over half) inside any annotated
  content span.
It also prints the extraction time per 1,000 words.
"""

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SPEECH_CUE = re.compile(
    r"\b(said|says|say|saying|told|tell|tells|stated|states|state|denied|denies|deny|"
    r"accused|accuses|accuse|according to|wrote|writes|write|added|adds|add|claimed|claims|"
    r"claim|insisted|insists|insist|warned|warns|warn|announced|announces|argued|argues|"
    r"asserted|asserts|noted|notes|explained|explains|declared|declares|reported|reports|"
    r"confirmed|confirms|acknowledged|acknowledges|admitted|admits|alleged|alleges|"
    r"stressed|stresses|emphasi[sz]ed|maintained|maintains|responded|replied|charged)\b",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its"}
STOPWORDS = {"the", "a", "an", "of", "and", "for", "in", "on", "to", "'s", "’s", "s"}
MIN_CONTENT_WORDS = 5


@dataclass
class Attribution:
    source: str
    cue: str
    content: list  # [(start, end)]

    @property
    def length(self):
        return sum(e - s for s, e in self.content)


def spans(field):
    return [tuple(int(x) for x in part.split()) for part in field.split(";")]


def read_ann(path):
    texts, kinds = {}, {}
    attributions = []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, middle, _text = (line.split("\t") + ["", ""])[:3]
            kind, _, where = middle.partition(" ")
            kinds[tid], texts[tid] = kind, (spans(where), _text)
        elif line.startswith("E"):
            events.append(dict(part.split(":") for part in line.split("\t")[1].split()))
    for event in events:
        parts = {kinds[t]: texts[t] for role, t in event.items() if role != "Attribution"}
        if "Content" not in parts or "Cue" not in parts:
            continue
        attributions.append(
            Attribution(
                source=parts.get("Source", ([], ""))[1],
                cue=parts["Cue"][1],
                content=parts["Content"][0],
            )
        )
    return attributions


def articles(root, split):
    root = Path(root)
    if (root / "data").is_dir():
        root = root / "data"
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    annotations = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, ann)  # one annotator per article
    for name, ann in annotations.items():
        text_path = text_dir / f"{name}.txt"
        if text_path.exists():
            yield name, text_path.read_text(encoding="utf-8"), read_ann(ann)


def overlap(a_start, a_end, spans_):
    return sum(max(0, min(a_end, e) - max(a_start, s)) for s, e in spans_)


def words(text):
    return {w for w in re.findall(r"[\w’']+", text.lower()) if w not in STOPWORDS}


def speaker_agrees(found_speaker, source):
    if not source.strip():
        return True
    if source.strip().lower() in PRONOUNS:
        return found_speaker.strip().lower() not in PRONOUNS
    return bool(words(found_speaker) & words(source))


def main():
    from claims.ingest.attribution import find_claims

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--verbose", type=int, default=0, help="print N misses and N extras")
    args = parser.parse_args()

    wanted = found_right = suggested = suggested_inside = word_count = 0
    seconds = 0.0
    misses, extras, cues = [], [], Counter()
    for name, text, gold in articles(args.corpus, args.split):
        word_count += len(text.split())
        started = time.perf_counter()
        found = find_claims(text)
        seconds += time.perf_counter() - started
        all_content = [span for a in gold for span in a.content]
        for f in found:
            suggested += 1
            if overlap(f.start, f.end, all_content) * 2 > (f.end - f.start):
                suggested_inside += 1
            else:
                extras.append((name, f.speaker, f.text))
        for a in gold:
            content_words = sum(len(text[s:e].split()) for s, e in a.content)
            if not SPEECH_CUE.search(a.cue) or content_words < MIN_CONTENT_WORDS:
                continue
            wanted += 1
            hit = any(
                overlap(f.start, f.end, a.content) * 2 >= a.length
                and speaker_agrees(f.speaker, a.source)
                for f in found
            )
            found_right += hit
            if not hit:
                cues[a.cue.lower()] += 1
                first = a.content[0]
                misses.append((name, a.source, a.cue, text[first[0] : first[1]][:160]))
    recall = found_right / wanted if wanted else 0.0
    precision = suggested_inside / suggested if suggested else 0.0
    print(
        f"PolNeAR {args.split}: {wanted} speech attributions, {found_right} found with the "
        f"right speaker: recall {recall:.2f}; {suggested} suggested, {suggested_inside} inside "
        f"an annotated content span: precision {precision:.2f}"
    )
    print(f"extraction: {1000 * seconds / max(word_count, 1) * 1000:.1f} ms per 1,000 words")
    if args.verbose:
        print("\nmost missed cues:", ", ".join(f"{c} ({n})" for c, n in cues.most_common(15)))
        print("\nmisses:")
        for miss in misses[: args.verbose]:
            print("  ", " | ".join(miss))
        print("\nextras:")
        for extra in extras[: args.verbose]:
            print("  ", " | ".join(extra))


if __name__ == "__main__":
    main()
