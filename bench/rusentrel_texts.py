"""Write the short articles of a public corpus of Russian political analysis as NAME.txt files.

    python bench/rusentrel_texts.py RUSENTREL_FOLDER OUT_FOLDER [--longer]

RUSENTREL_FOLDER is a copy of the public repository `nicolay-r/RuSentRel` (MIT licence):
its `train/` and `test/` hold 73 articles of inosmi.ru (foreign press on international
politics, translated into Russian), every line opened by a "{Author, Unknown}" mark. They
are not part of this project. The marks and the "Посмотреть оригинал" line are dropped;
the title stays the first line, the article's paragraphs follow. Only the articles under
700 words with at least three words of reporting are written (the choice of the other
Russian label sets, its word list written before the finder was run on them); an article
that the corpus holds twice (the test split repeats four of train) is written once, under
its lower number. `bench/labels/public-news/rusentrel-a` and `rusentrel-b` label them.

With --longer, the articles of 700 to 1,100 words with at least five words of reporting are
written instead (`rusentrel-c`, `rusentrel-d`): whole reports of the length a newsroom
ingests most, chosen with the same word list.
"""

import re
import sys
from pathlib import Path

REPORTING = re.compile(
    r"\b(заявил\w*|сказал\w*|сообщ(ил|ила|или|ает|ают)|по словам|по мнению|счита(ет|ют)|"
    r"отметил\w*|подчеркнул\w*|признал\w*|утвержда(ет|ют)|говорит(ся)?|пиш(ет|ут)|по данным|"
    r"по информации|уверен\w*|полага(ет|ют)|добавил\w*|обвини?л\w*|обвиня(ет|ют)|опроверг\w*|"
    r"заявлени\w+)\b",
    re.IGNORECASE,
)
MARK = re.compile(r"^\{[^}]*\}\s?")


def article(path: Path) -> str:
    """The article's text: the title, then its paragraphs (a blank line between)."""
    paragraphs, lines = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = MARK.sub("", raw).strip()
        if "Посмотреть оригинал" in line:
            continue
        if line:
            lines.append(line)
        elif lines:
            paragraphs.append(" ".join(lines))
            lines = []
    if lines:
        paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs) + "\n"


def chosen(text: str, longer: bool) -> bool:
    words, reporting = len(text.split()), len(REPORTING.findall(text))
    if longer:
        return 700 <= words <= 1100 and reporting >= 5
    return words < 700 and reporting >= 3


def main(source: Path, out: Path, longer: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    seen = set()
    paths = [*source.glob("train/art*.txt"), *source.glob("test/art*.txt")]
    paths = [path for path in paths if re.fullmatch(r"art\d+", path.stem)]
    for path in sorted(paths, key=lambda path: int(path.stem[3:])):
        text = article(path)
        if text in seen:
            continue
        seen.add(text)
        if not chosen(text, longer):
            continue
        (out / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        print(path.stem, len(text.split()), "words")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), longer="--longer" in sys.argv[3:])
