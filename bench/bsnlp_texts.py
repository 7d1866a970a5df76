"""Write news articles of the BSNLP 2019/2021 shared tasks as NAME.txt files.

    python bench/bsnlp_texts.py BSNLP_FOLDER OUT_FOLDER [--lang ru] [--count 20]

BSNLP_FOLDER is a copy of the public repository `UL-FRI-Zitnik/BSNLP-2021-Shared-Task`:
its `data/datasets/bsnlp/TOPIC/raw/LANG/*.txt` hold the news articles of the Balto-Slavic
NLP workshop's named-entity tasks (Nord Stream 2, Ryanair, Brexit, Asia Bibi, the 2020 US
election, Covid-19 …), gathered from the web in 2018–2021, each opened by four lines (its
id, language, date and address). They are not part of this project, and no rule of the
claim finder was written on them before the fourteenth round's labels.

The four lines are dropped; the title stays the first line, the article's text follows.
Only articles of 150 to 700 words with at least three words of reporting are written (the
word list of bench/rusentrel_texts.py for Russian, its Ukrainian forms for Ukrainian); an
article the corpus holds twice (the same first fifty words, whatever its quotation marks)
is written once. They are taken in the order of the MD5 of
"TOPIC/FILE", so that the topics are mixed and the order is fixed; the first --count are
written, as TOPIC-FILE.txt with FILE's dots and spaces made underscores.
"""

import argparse
import hashlib
import re
from pathlib import Path

REPORTING = {
    "ru": re.compile(
        r"\b(заявил\w*|сказал\w*|сообщ(ил|ила|или|ает|ают)|по словам|по мнению|счита(ет|ют)|"
        r"отметил\w*|подчеркнул\w*|признал\w*|утвержда(ет|ют)|говорит(ся)?|пиш(ет|ут)|"
        r"по данным|по информации|уверен\w*|полага(ет|ют)|добавил\w*|обвини?л\w*|"
        r"обвиня(ет|ют)|опроверг\w*|заявлени\w+)\b",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"\b(заяви\w*|сказа\w*|повідоми\w*|за словами|на думку|вважа(є|ють)|зазначи\w*|"
        r"підкресли\w*|визна\w*|стверджу(є|ють)|каже|кажуть|пише|пишуть|за даними|"
        r"за інформацією|переконан\w*|додав\w*|звинувати?\w*|спрост\w*|заяв[аиі]\w*)\b",
        re.IGNORECASE,
    ),
}


def article(path: Path) -> str:
    """The article's title and text, without the four lines that open the file."""
    lines = path.read_text(encoding="utf-8").splitlines()[4:]
    paragraphs = [line.strip() for line in lines if line.strip()]
    return "\n\n".join(paragraphs) + "\n"


def opening(text: str) -> tuple:
    """The first fifty words of the article's text, letters and digits only: the same
    report copied by two sites, one with «» and one with "", opens the same."""
    body = text.split("\n\n", 1)[-1]
    return tuple(re.findall(r"\w+", body.lower())[:50])


def chosen(text: str, lang: str) -> bool:
    words = len(text.split())
    return 150 <= words <= 700 and len(REPORTING[lang].findall(text)) >= 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=sorted(REPORTING), default="ru")
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()

    root = args.source / "data" / "datasets" / "bsnlp"
    paths = sorted(root.glob(f"*/raw/{args.lang}/*.txt"))

    def place(path):
        name = f"{path.parts[-4]}/{path.name}".encode()
        return hashlib.md5(name, usedforsecurity=False).hexdigest()

    order = sorted(paths, key=place)
    args.out.mkdir(parents=True, exist_ok=True)
    seen, written = set(), 0
    for path in order:
        text = article(path)
        if opening(text) in seen or not chosen(text, args.lang):
            continue
        seen.add(opening(text))
        name = re.sub(r"[.\s]+", "_", path.stem)
        (args.out / f"{path.parts[-4]}-{name}.txt").write_text(text, encoding="utf-8")
        written += 1
        print(f"{written:3}  {path.parts[-4]}-{name}  {len(text.split())} words")
        if written == args.count:
            break


if __name__ == "__main__":
    main()
