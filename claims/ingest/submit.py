"""Sending an article to the pipeline: a web address, a pasted text or a file, as one Source.

Whether a submission is a URL or a text is decided here, once, for the newsroom's form, the
API and `manage.py ingest` alike. Submitting enqueues the first step through the outbox;
retry() and resume_stalled() start a failed or stuck article again.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import transaction
from django.utils import timezone

from claims.ingest import tasks
from claims.ingest.fetch import FetchError, check_url
from claims.models import Article
from claims.platform import outbox

NEXT_TASK = {
    Article.Status.QUEUED: tasks.fetch_article.name,
    Article.Status.FETCHING: tasks.fetch_article.name,
    Article.Status.EXTRACTING: tasks.extract_article.name,
    Article.Status.MATCHING: tasks.suggest_claims.name,
}
MAX_TEXT_BYTES = 5_000_000
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid")
FILE_SUFFIXES = (".txt", ".html", ".htm")


class IngestError(ValueError):
    """Bad input, in words for the person who gave it. Nothing was stored."""


@dataclass(frozen=True)
class Source:
    """What someone gives the pipeline: exactly one of a web address, a text or a file's
    bytes (with its name)."""

    url: str = ""
    text: str | bytes = ""
    filename: str = ""
    title: str = ""

    NONE = "Give a web address, paste a text or choose a file."
    SEVERAL = "Give only one of: web address, text, file."

    def problem(self) -> str | None:
        """Why this is not one source, or None."""
        given = [bool(self.url.strip()), bool(self.text) and not self.filename,
                 bool(self.filename)]  # fmt: skip
        if not any(given):
            return self.NONE
        if sum(given) > 1:
            return self.SEVERAL
        return None

    @classmethod
    def from_argument(cls, argument: str) -> "Source":
        """A command-line argument: a web address, or the path of a .txt or .html file."""
        if argument.lower().startswith(("http://", "https://")):
            return cls(url=argument)
        path = Path(argument)
        if path.suffix.lower() not in FILE_SUFFIXES:
            raise IngestError(f"{argument} is neither a web address nor a .txt or .html file.")
        if not path.is_file():
            raise IngestError(f"There is no file {argument}.")
        return cls(text=path.read_bytes(), filename=path.name)


def submit(source: Source, by=None) -> tuple[Article, bool]:
    """The article for `source`, and whether it is new."""
    if problem := source.problem():
        raise IngestError(problem)
    if source.url.strip():
        return submit_url(source.url, by=by)
    return submit_text(source.text, by=by, filename=source.filename, title=source.title)


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no fragment, no tracking tags."""
    try:
        url = check_url(url)
    except FetchError as exc:
        raise IngestError(str(exc)) from None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and not (
        parts.scheme == "http" and port == 80 or parts.scheme == "https" and port == 443
    ):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PARAMS)
    ]
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


def _start(article):
    outbox.enqueue(NEXT_TASK[Article.Status.QUEUED], article_id=article.pk)


@transaction.atomic
def submit_url(url: str, by=None) -> tuple[Article, bool]:
    """The article for `url`, and whether it is new. The same page twice is one article."""
    url = canonical_url(url)
    if len(url) > 2000:
        raise IngestError("The address is longer than 2,000 characters.")
    article, created = Article.objects.get_or_create(
        url=url, defaults={"source": Article.Source.URL, "created_by": by}
    )
    if created:
        _start(article)
    elif article.status == Article.Status.FAILED:
        retry(article)
    return article, created


@transaction.atomic
def submit_text(content: bytes | str, by=None, filename="", title="") -> tuple[Article, bool]:
    """An article from pasted text or an uploaded .txt/.html file. Same bytes, same article."""
    raw = content.encode() if isinstance(content, str) else bytes(content)
    if not raw.strip():
        raise IngestError("The text is empty.")
    if len(raw) > MAX_TEXT_BYTES:
        raise IngestError(
            f"The text is {len(raw) / 1_000_000:.0f} MB, larger than the "
            f"{MAX_TEXT_BYTES / 1_000_000:.0f} MB limit."
        )
    name = filename.lower()
    if name and not name.endswith((".txt", ".html", ".htm")):
        raise IngestError("Only .txt and .html files can be ingested.")
    if b"\x00" in raw[:4096]:
        raise IngestError("This is a binary file, not text.")
    is_html = name.endswith((".html", ".htm")) or raw.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    )
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = Article.objects.filter(url__isnull=True, snapshot_sha256=sha256).first()
    if existing:
        return existing, False
    article = Article.objects.create(
        source=Article.Source.FILE if filename else Article.Source.TEXT,
        filename=filename[:255],
        title=title[:500],
        raw_snapshot=raw,
        snapshot_sha256=sha256,
        content_type="text/html" if is_html else "text/plain",
        fetched_at=timezone.now(),
        status=Article.Status.EXTRACTING,
        created_by=by,
    )
    outbox.enqueue(NEXT_TASK[Article.Status.EXTRACTING], article_id=article.pk)
    return article, True


def retry(article) -> Article:
    """Start a failed article again from the step that failed."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status != Article.Status.FAILED:
            return article
        if article.raw_snapshot is None:
            article.status = Article.Status.QUEUED
        elif not article.text:
            article.status = Article.Status.EXTRACTING
        else:
            article.status = Article.Status.MATCHING
        article.error = ""
        article.save(update_fields=["status", "error", "updated_at"])
        outbox.enqueue(NEXT_TASK[article.status], article_id=article.pk)
    return article


def resume_stalled(older_than=timedelta(minutes=15)) -> int:
    """Enqueue again the articles whose step has not moved for a while (a lost worker)."""
    stalled = Article.objects.filter(
        status__in=Article.IN_PROGRESS, updated_at__lt=timezone.now() - older_than
    )
    count = 0
    for article in stalled:
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
            outbox.enqueue(NEXT_TASK[article.status], article_id=article.pk)
        count += 1
    return count
