"""Google's ClaimReview guidance, rule by rule, as a checker for our pages' JSON-LD.

`problems(data)` lists every rule a ClaimReview object breaks (an empty list when it keeps
them all); each message names the property, so a failing test says what to fix.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

from django.conf import settings

POLICIES = (
    "publishingPrinciples",
    "ethicsPolicy",
    "correctionsPolicy",
    "verificationFactCheckingPolicy",
    "ownershipFundingInfo",
    "masthead",
    "actionableFeedbackPolicy",
)
VERDICT_PATH = re.compile(r"^/verdicts/\d+/$")
ARCHIVED_TEXT = re.compile(r"^/archive/articles/\d+/$")


def _web_address(value) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _ours(url) -> bool:
    return urlsplit(url).netloc == urlsplit(settings.SITE_URL).netloc


def _iso(value, kind=dt.date) -> bool:
    """Whether `value` is an ISO 8601 date (or, with kind=dt.datetime, date and time)."""
    try:
        kind.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _organisation(author, found):
    if not isinstance(author, dict) or author.get("@type") != "NewsMediaOrganization":
        found.append("author: must be our NewsMediaOrganization")
        return
    if not (isinstance(author.get("name"), str) and author["name"].strip()):
        found.append("author.name: missing")
    if not (_web_address(author.get("url")) and _ours(author["url"])):
        found.append("author.url: must be our site")
    for policy in POLICIES:
        if not (_web_address(author.get(policy)) and _ours(author[policy])):
            found.append(f"author.{policy}: must be a page of our site")
    same_as = author.get("sameAs", [])
    if not (isinstance(same_as, list) and all(_web_address(u) for u in same_as)):
        found.append("author.sameAs: must be a list of web addresses")


def _rating(rating, found):
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        found.append("reviewRating: must be a Rating")
        return
    numbers = {k: rating.get(k) for k in ("ratingValue", "bestRating", "worstRating")}
    for key, value in numbers.items():
        if not isinstance(value, int | float) or isinstance(value, bool):
            found.append(f"reviewRating.{key}: must be a number")
    if all(isinstance(v, int | float) for v in numbers.values()):
        if not numbers["worstRating"] < numbers["bestRating"]:
            found.append("reviewRating: worstRating must be below bestRating")
        if not numbers["worstRating"] <= numbers["ratingValue"] <= numbers["bestRating"]:
            found.append("reviewRating.ratingValue: outside worstRating..bestRating")
    if not (isinstance(rating.get("alternateName"), str) and rating["alternateName"].strip()):
        found.append("reviewRating.alternateName: the rating's words are missing")


def _creative_work(work, name, found):
    if not isinstance(work, dict) or work.get("@type") != "CreativeWork":
        found.append(f"{name}: must be a CreativeWork")
        return
    if not _web_address(work.get("url")):
        found.append(f"{name}.url: must be the original's web address")
    elif _ours(work["url"]) and not ARCHIVED_TEXT.match(urlsplit(work["url"]).path):
        # A pasted text has no address of its own: our copy of it is where readers see it.
        found.append(f"{name}.url: must be the original article, never another page of ours")
    if "datePublished" in work and not _iso(work["datePublished"]):
        found.append(f"{name}.datePublished: not an ISO date")


def _claim(item, found):
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        found.append("itemReviewed: must be a Claim")
        return
    author = item.get("author")
    if author is not None:
        if not isinstance(author, dict) or author.get("@type") not in ("Person", "Organization"):
            found.append("itemReviewed.author: must be a Person or an Organization")
        else:
            if not (isinstance(author.get("name"), str) and author["name"].strip()):
                found.append("itemReviewed.author.name: missing")
            same_as = author.get("sameAs", [])
            if not (isinstance(same_as, list) and all(_web_address(u) for u in same_as)):
                found.append("itemReviewed.author.sameAs: must be a list of web addresses")
    if "datePublished" in item and not _iso(item["datePublished"]):
        found.append("itemReviewed.datePublished: not an ISO date")
    appearance = item.get("appearance", [])
    if not isinstance(appearance, list):
        found.append("itemReviewed.appearance: must be a list")
        appearance = []
    for n, work in enumerate(appearance):
        _creative_work(work, f"itemReviewed.appearance[{n}]", found)
    if "firstAppearance" in item:
        _creative_work(item["firstAppearance"], "itemReviewed.firstAppearance", found)
        if item["firstAppearance"] not in appearance:
            found.append("itemReviewed.firstAppearance: must be one of its appearances")


def problems(data) -> list[str]:
    """Every rule `data` breaks: empty when it is a ClaimReview as Google documents it."""
    found = []
    if data.get("@context") != "https://schema.org":
        found.append("@context: must be https://schema.org")
    if data.get("@type") != "ClaimReview":
        found.append("@type: must be ClaimReview")
    url = data.get("url")
    if not (_web_address(url) and _ours(url) and VERDICT_PATH.match(urlsplit(url).path)):
        found.append("url: must be the verdict's page on SITE_URL")
    claim = data.get("claimReviewed")
    if not (isinstance(claim, str) and claim.strip()):
        found.append("claimReviewed: missing")
    elif len(claim) >= 75:
        found.append(f"claimReviewed: {len(claim)} characters, Google asks for under 75")
    if not _iso(data.get("datePublished")):
        found.append("datePublished: not an ISO date")
    if "dateModified" in data:
        if not _iso(data["dateModified"], dt.datetime):
            found.append("dateModified: not an ISO date and time")
        elif data["dateModified"][:10] < str(data.get("datePublished")):
            found.append("dateModified: before datePublished")
    _organisation(data.get("author"), found)
    _rating(data.get("reviewRating"), found)
    _claim(data.get("itemReviewed"), found)
    return found
