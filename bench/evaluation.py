"""Measure the claim finder against labels: recall and precision, with the right speaker.

A label is a speaker and a short paraphrase of the claim. A found claim matches a label
when its speaker names the same actor (or shares a name word with the label's speaker) and
at least half of the label's content words appear in it. Each label matches once.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from claims.ingest.attribution import find_claims
from claims.ingest.matching import terms_all
from claims.ingest.speakers import candidates, resolve_actor
from claims.meaning.language import detect

MIN_OVERLAP = 0.5


@dataclass
class Score:
    labels: int = 0
    found: int = 0
    matched: int = 0
    misses: list = field(default_factory=list)  # (file, speaker, claim) not found
    extras: list = field(default_factory=list)  # (file, speaker, claim) found, not labelled

    @property
    def recall(self):
        return self.matched / self.labels if self.labels else 1.0

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0

    def figures(self) -> str:
        return (
            f"labels {self.labels:3}  found {self.found:3}  "
            f"recall {self.recall:.2f}  precision {self.precision:.2f}"
        )

    def add(self, other):
        self.labels += other.labels
        self.found += other.found
        self.matched += other.matched
        self.misses += other.misses
        self.extras += other.extras


def read_labels(path: Path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        return [(r[0].strip(), r[1].strip()) for r in rows if len(r) >= 2 and r[0].strip()]


def same_speaker(label: str, found: str, inflected=False) -> bool:
    """Whether a found speaker is the label's. `inflected`: the text's language declines
    names ("по словам Артака Бегларяна" is Artak Beglaryan), so words are compared by their
    first five letters."""
    label_actor, found_actor = resolve_actor(label), resolve_actor(found)
    if label_actor and found_actor:
        return label_actor == found_actor
    if _plain(found.strip()) in {_plain(name.strip()) for name in label.split(",")}:
        return True  # "суд", "Ъ": a name too short for the word test below, said in full

    def words(speaker):
        return {
            _plain(w)[:5] if inflected else _plain(w)
            for form in candidates(speaker)
            for w in (word.strip(',.;:«»"“”') for word in form.split())
            # "МЗС", "ЗСУ": abbreviations; "Тим Кук": short names, capitalised
            if len(w) > 3 or (len(w) > 1 and w.isupper()) or (len(w) == 3 and w[:1].isupper())
        }

    return bool(words(label) & words(found))


def _plain(text: str) -> str:
    """Lower case, and ё as е: Russian prints both ("отчёт", "отчет"), labels mostly е."""
    return text.lower().replace("ё", "е")


def overlap(label_claim: str, found_claim: str) -> float:
    wanted = set(terms_all(_plain(label_claim)))
    return len(wanted & set(terms_all(_plain(found_claim)))) / len(wanted) if wanted else 0.0


def evaluate_text(text: str, labels, name="") -> Score:
    found = find_claims(text)
    inflected = detect(text) not in ("en", "und")
    score = Score(labels=len(labels), found=len(found))
    unmatched = list(found)
    for speaker, claim in labels:
        best = max(
            (f for f in unmatched if same_speaker(speaker, f.speaker, inflected)),
            key=lambda f: overlap(claim, f.text),
            default=None,
        )
        if best is not None and overlap(claim, best.text) >= MIN_OVERLAP:
            score.matched += 1
            unmatched.remove(best)
        else:
            score.misses.append((name, speaker, claim))
    score.extras += [(name, f.speaker, f.text) for f in unmatched]
    return score


def evaluate_folder(folder: Path) -> tuple[Score, dict]:
    """Every `NAME.txt` in `folder` with its `NAME.labels` (speaker TAB claim per line)."""
    total, per_file = Score(), {}
    for text_path in sorted(Path(folder).glob("*.txt")):
        labels_path = text_path.with_suffix(".labels")
        if not labels_path.exists():
            continue
        score = evaluate_text(
            text_path.read_text(encoding="utf-8"), read_labels(labels_path), text_path.name
        )
        per_file[text_path.name] = score
        total.add(score)
    return total, per_file
