"""Open data: every published verdict as JSON and CSV, rebuilt nightly by beat (and by
`manage.py build_open_data`), under the licence the newsroom sets (OPEN_DATA_LICENCE, CC BY
4.0 by default). Files are written to OPEN_DATA_DIR, a new one replacing the old at once,
and served as they are by /open-data/verdicts.json and /open-data/verdicts.csv.
"""

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

# The columns, in order, with what each holds: the documented schema (also on /open-data/).
SCHEMA = [
    ("id", "The verdict's number on this site"),
    ("url", "The verdict's public page"),
    ("claim_reviewed", "The claim in under 75 characters, as in our ClaimReview"),
    ("claim", "The checkable sentence, in the newsroom's language"),
    ("claim_as_said", "The claim in the words it was said"),
    ("claim_language", "The language it was said in (ISO 639-1)"),
    ("speaker", "Who made the claim"),
    ("side", "The side the speaker speaks for"),
    ("rating", "Our rating's label"),
    ("rating_value", "Our rating as a number (1 is the worst; see /methodology/)"),
    ("headline", "The verdict's headline"),
    ("summary", "The verdict in one or two sentences"),
    ("published_at", "When the verdict was published (ISO 8601, UTC)"),
    ("modified_at", "When readers last saw a correction or update, else publication"),
    ("changed", "'correction' or 'update' if the verdict was changed since, else empty"),
    ("source_article", "Where the claim was reported, if it is public"),
]
FILES = {"json": "verdicts.json", "csv": "verdicts.csv"}


def directory() -> Path:
    return Path(settings.OPEN_DATA_DIR)


def rows():
    from claims.public.claimreview import absolute
    from claims.selectors import published_verdicts

    verdicts = published_verdicts().prefetch_related("corrections").order_by("published_at")
    for verdict in verdicts.iterator(chunk_size=500):
        claim = verdict.claim
        article = claim.article
        source = article.url if article is not None and article.url else ""
        yield {
            "id": verdict.pk,
            "url": absolute(verdict.public_url()),
            "claim_reviewed": verdict.claim_reviewed,
            "claim": claim.checkable_text or claim.text,
            "claim_as_said": claim.text,
            "claim_language": claim.language,
            "speaker": claim.speaker.name if claim.speaker_id else "",
            "side": claim.side.name if claim.side else "",
            "rating": verdict.rating.label,
            "rating_value": verdict.rating.value,
            "headline": verdict.headline,
            "summary": verdict.summary,
            "published_at": verdict.published_at.isoformat(),
            "modified_at": verdict.modified_at.isoformat(),
            "changed": verdict.last_notice,
            "source_article": source,
        }


def _write(path: Path, content: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)  # readers see the old file or the new one, never half


def build() -> int:
    """Write both files; returns how many verdicts they hold."""
    data = list(rows())
    generated = timezone.now().isoformat()
    document = {
        "publisher": settings.NEWSROOM_NAME,
        "licence": settings.OPEN_DATA_LICENCE,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
        "generated": generated,
        "schema": dict(SCHEMA),
        "verdicts": data,
    }
    _write(directory() / FILES["json"], json.dumps(document, ensure_ascii=False, indent=1).encode())
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=[name for name, _ in SCHEMA])
    writer.writeheader()
    writer.writerows(data)
    _write(directory() / FILES["csv"], text.getvalue().encode("utf-8"))
    return len(data)


def built_at():
    path = directory() / FILES["json"]
    if not path.exists():
        return None
    return timezone.datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.get_current_timezone())
