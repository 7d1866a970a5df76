"""The main text and metadata of a fetched or uploaded page, whatever its encoding.

trafilatura finds the article in the HTML (no menus, cookie banners or comments) and reads
title, author, date and site name; the language comes from the page's `lang` attribute or,
failing that, from what its text reads as (py3langid, claims/meaning/language.py).
"""

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from charset_normalizer import from_bytes
from django.utils import timezone

MAX_WORDS = 200_000


class ExtractionError(Exception):
    """Why no text could be taken from the page, in words for a journalist."""


@dataclass
class Document:
    text: str
    title: str = ""
    author: str = ""
    published_at: dt.datetime | None = None
    sitename: str = ""
    language: str = ""


def guess_language(text: str) -> str:
    """The text's language (claims/meaning/language.py), or "" when it cannot tell."""
    from claims.meaning.language import UNDETERMINED, detect

    code = detect(text[:20_000])
    return "" if code == UNDETERMINED else code


def decode(raw: bytes, charset: str | None = None) -> str:
    """Bytes to text: the declared charset, else UTF-8, else the best guess; never fails."""
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _words_guard(text: str) -> str:
    if len(text.split()) > MAX_WORDS:
        raise ExtractionError(
            f"The text has more than {MAX_WORDS:,} words; split it into articles first."
        )
    return text


def from_text(raw: bytes, charset=None) -> Document:
    text = _clean(decode(raw, charset))
    if not text:
        raise ExtractionError("The text is empty.")
    if _binary(text):
        raise ExtractionError("This is a binary file, not text.")
    first_line = text.split("\n", 1)[0].strip()
    title = first_line if len(first_line) <= 200 and not first_line.endswith(".") else ""
    return Document(text=_words_guard(text), title=title, language=guess_language(text))


def from_html(raw: bytes, charset=None, url=None) -> Document:
    html = decode(raw, charset)
    if _binary(html):
        raise ExtractionError("This is a binary file, not a web page.")
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = _clean(getattr(result, "text", "") or "") if result else ""
    if not text:
        # Some pages are too short or too odd for the extractor: take their visible text.
        text = _clean(re.sub(r"<[^>]+>", "\n", re.sub(r"(?is)<(script|style).*?</\1>", "", html)))
    if not text:
        raise ExtractionError("The page has no readable text.")
    title = (getattr(result, "title", "") or "").strip() if result else ""
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()  # trafilatura repeats the headline first
    lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", html[:5000], re.IGNORECASE)
    return Document(
        text=_words_guard(text),
        title=title[:500],
        author=((getattr(result, "author", "") or "") if result else "")[:300],
        published_at=_date(getattr(result, "date", None) if result else None),
        sitename=((getattr(result, "sitename", "") or "") if result else "")[:200],
        language=(lang.group(1).lower() if lang else guess_language(text)),
    )


def _binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t")
    return bool(sample) and (controls / len(sample) > 0.05 or "\ufffd" * 4 in sample)


def _date(value):
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, 12))


def extract(raw: bytes, content_type: str, charset=None, url=None) -> Document:
    if content_type in ("text/html", "application/xhtml+xml"):
        return from_html(raw, charset, url)
    return from_text(raw, charset)
