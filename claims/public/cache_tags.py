"""Cache tags: every public response says which things it shows, so a caching proxy or a
CDN can drop exactly the pages a publication, correction or retraction makes stale.

A page carries `Surrogate-Key: site verdict-12 claim-40 speaker-3 …` (space-separated, as
Varnish's bans in deploy/varnish/default.vcl and Fastly read it). Tags:

- `site`: every public page (the organisation's name and footer are on all of them);
- `verdict-N`, `claim-N`: a verdict page, and every claim a page shows (a verdict page
  shows the other side's claims and their verdicts);
- `speaker-N`, `topic-N`, `side-N`: their pages, and verdicts of theirs;
- `list`: pages that list verdicts (home, search, feeds, sitemap, the public API, open
  data, transparency, corrections) and any public page not tagged more precisely.

When a verdict changes, `changed_by(verdict)` names what to purge; `purge()` tells every
proxy in CACHE_PURGE_URLS, from the worker (verify.purge_cache_tags, through the outbox).
"""

import logging
import re

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

HEADER = "Surrogate-Key"
SITE, LIST = "site", "list"
_TAG = re.compile(r"^[a-z0-9-]+$")


def add(response, *tags):
    """Add tags to a response (kept once each, in order)."""
    have = response.get(HEADER, "").split()
    for tag in tags:
        if tag and tag not in have:
            have.append(tag)
    response[HEADER] = " ".join(have)
    return response


def of_claim(claim) -> list[str]:
    tags = [f"claim-{claim.pk}"]
    if claim.speaker_id:
        tags.append(f"speaker-{claim.speaker_id}")
        side_id = getattr(claim.speaker, "side_id", None)
        if side_id:
            tags.append(f"side-{side_id}")
    return tags


def of_verdict(verdict, shown_claims=()) -> list[str]:
    """What a verdict page shows: the verdict, its claim, speaker, side and topics, and the
    claims beside it (counter-claims, whose verdicts it names)."""
    claim = verdict.claim
    tags = [f"verdict-{verdict.pk}", *of_claim(claim)]
    tags += [f"topic-{topic.pk}" for topic in claim.topics.all()]  # prefetched by the page
    for other in shown_claims:
        tags.append(f"claim-{other.pk}")
    return tags


def changed_by(verdict) -> list[str]:
    """Every tag a change to this verdict makes stale."""
    return [*of_verdict(verdict), LIST]


def purge(tags) -> dict:
    """Tell each caching proxy to drop the pages carrying any of `tags`; {url: status or
    error}. Raises PurgeFailed when one could not be told, so the task retries."""
    tags = sorted({t for t in tags if _TAG.match(t)})
    results, failed = {}, []
    if not tags:
        return results
    for url in settings.CACHE_PURGE_URLS:
        try:
            response = requests.request(
                "BAN", url, headers={"X-Purge-Tags": "|".join(tags)}, timeout=5
            )
            results[url] = response.status_code
            if response.status_code != 200:
                failed.append(f"{url}: HTTP {response.status_code}")
        except requests.RequestException as exc:
            results[url] = type(exc).__name__
            failed.append(f"{url}: {type(exc).__name__}")
    if failed:
        raise PurgeFailed("; ".join(failed))
    logger.info("purged %s from %d cache(s)", " ".join(tags), len(results))
    return results


class PurgeFailed(Exception):
    """A caching proxy was not told; the task retries."""
