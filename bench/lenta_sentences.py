"""Write the Lenta.ru news sentences of a public treebank as small NAME.txt files.

    python bench/lenta_sentences.py DEV_CONLLU TRAIN_CONLLU OUT_FOLDER

The two files are `dataOpenTest/GramEval2020-RuEval2017-Lenta-news-dev.conllu` and
`dataTrain/MorphoRuEval2017-Lenta-train.conllu` of the public repository
`dialogue-evaluation/GramEval2020`: 358 sentences of Lenta.ru news in all, each on its own,
tokenised. They are not part of this project. The tokens are joined back into text; the
sentences with a word of reporting (the list below, written before the finder was run on
them) are kept in file order, each in a file of its own (a sentence stands alone: a pronoun
in it points to no one before it): `lenta-001.txt` … `lenta-062.txt` are "lenta-a" in
bench/labels/public-news, `lenta-063.txt` … `lenta-124.txt` "lenta-b".
"""

import re
import sys
from pathlib import Path

REPORTING = re.compile(
    r"заяв|сообщ|сказал|отмети|по словам|по данным|утвержд|подчерк|рассказ|признал|опроверг|"
    r"обвин|по мнению|считает|считают|уверен|пояснил|уточнил|добавил|говорит|говорят|полага|"
    r"указал|напомнил|пишет|переда[её]т|заверил|отрица|назвал|по информации|по сведениям|"
    r"согласно|объявил|подтверд|констатир|предупред|цитир|ссылкой|отверг|отказал|признают|"
    r"ответил|по оценк|как стало|стало известно|говорится|выразил|высказал|намерен",
    re.IGNORECASE,
)
CLOSING = {".", ",", ":", ";", "!", "?", ")", "»", "…", "%"}


def sentences(path: Path):
    """Each sentence's tokens, in file order."""
    tokens = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield tokens
            tokens = []
        elif not line.startswith("#"):
            number, word = line.split("\t")[:2]
            if number.isdigit():  # not a multiword range or an empty node
                tokens.append(word)
    if tokens:
        yield tokens


def joined(tokens) -> str:
    """The tokens as the sentence was written: no space before closing marks, none inside
    brackets and quotation marks."""
    text, quote_open = "", False
    for token in tokens:
        if not text:
            text = token
        elif (
            token in CLOSING
            or text.endswith(("(", "«"))
            or (quote_open and (token == '"' or text.endswith('"')))
        ):
            text += token
        else:
            text += " " + token
        if token == '"':
            quote_open = not quote_open
    return text


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.splitlines()[2].strip())
    dev, train, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    kept = [
        text
        for path in (dev, train)
        for text in map(joined, sentences(path))
        if REPORTING.search(text)
    ]
    for number, text in enumerate(kept, 1):
        (out / f"lenta-{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{len(kept)} sentences in {out}")


if __name__ == "__main__":
    main()
