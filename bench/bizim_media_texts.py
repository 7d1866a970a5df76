"""Write the Azerbaijani news items of a public web page's data file as NAME.txt files.

    python bench/bizim_media_texts.py BLOGNEWS_JS OUT_FOLDER

BLOGNEWS_JS is `data/blogNews.js` of the public repository
`terlan-sireliyev/media.az-html-version-`: leads of 37 Bizim.Media news items (April 2025),
kept there as sample data. It is not part of this project. Each item's description becomes
`bizim-NN.txt` (NN its id), the names bench/labels/public-news/bizim-az-* label; items 36
and 37 repeat item 35 and are left out.
"""

import re
import sys
from pathlib import Path


def items(source: str):
    if "=======" in source:  # the file holds both sides of a merge: the later one is whole
        source = source.split("=======", 1)[1].split(">>>>>>>")[0]
    pattern = r'id:\s*(\d+),.*?description:\s*"(.*?)"\s*\n'
    return [(int(n), text.strip()) for n, text in re.findall(pattern, source, re.S)]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.splitlines()[2].strip())
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, text in items(source.read_text(encoding="utf-8")):
        if number in (36, 37):
            continue
        (out / f"bizim-{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
        written += 1
    print(f"{written} texts in {out}")


if __name__ == "__main__":
    main()
