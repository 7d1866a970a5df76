"""Files a fact-checker uploads as evidence (a ministry's PDF, a screenshot).

The type is read from the file's first bytes (filetype), never from its name or the type
the browser claims; only documents and pictures a browser cannot run are taken. The bytes
are kept in the database like an archived page, with their SHA-256, and served back with a
sandboxing policy (see claims/public/views.py `_archived`).
"""

import hashlib
from dataclasses import dataclass

import filetype

MAX_BYTES = 5_000_000  # as an ingested text; the proxy (deploy/nginx.conf) allows 6 MB
ACCEPTED = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WebP",
}
# Shown inline (in an <img>); everything else accepted is downloaded, never rendered by us.
PICTURES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class BadFile(ValueError):
    """The upload is refused; the message says why, for the person who chose the file."""


@dataclass(frozen=True)
class EvidenceFile:
    name: str
    content: bytes
    content_type: str
    sha256: str


def read_upload(upload) -> EvidenceFile:
    """Check an uploaded file (a Django UploadedFile or anything with .name and .read())."""
    content = upload.read(MAX_BYTES + 1)
    if not content:
        raise BadFile("The file is empty.")
    if len(content) > MAX_BYTES:
        raise BadFile(f"The file is larger than {MAX_BYTES / 1_000_000:.0f} MB.")
    kind = filetype.guess(content[:8192])
    if kind is None or kind.mime not in ACCEPTED:
        accepted = ", ".join(ACCEPTED.values())
        raise BadFile(f"Only these files can be evidence: {accepted}. This one is not.")
    name = (upload.name or "evidence").replace("\\", "/").rsplit("/", 1)[-1][:200]
    return EvidenceFile(
        name=name,
        content=content,
        content_type=kind.mime,
        sha256=hashlib.sha256(content).hexdigest(),
    )
