"""schema.org ClaimReview for a published verdict: what fact-check aggregators read."""

import json

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _absolute_or_as_is(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute(url)


def organisation(org=None) -> dict:
    """The newsroom as schema.org NewsMediaOrganization, with the policies the IFCN and
    Google ask fact-checkers to publish, each pointing at its section of /about/."""
    from claims.models import Organisation

    org = org or Organisation.current()
    about = reverse("public:about")
    data = {
        "@type": "NewsMediaOrganization",
        "name": org.display_name,
        "url": settings.SITE_URL + "/",
        "publishingPrinciples": absolute(f"{about}#ethics"),
        "ethicsPolicy": absolute(f"{about}#ethics"),
        "correctionsPolicy": absolute(f"{about}#corrections"),
        "verificationFactCheckingPolicy": absolute(reverse("public:methodology")),
        "ownershipFundingInfo": absolute(f"{about}#funding"),
        "masthead": absolute(f"{about}#masthead"),
        "actionableFeedbackPolicy": absolute(f"{about}#complaints"),
    }
    if urls := org.same_as_urls():
        data["sameAs"] = urls
    return data


def _short(text, limit=None) -> str:
    """A verdict from before claimReviewed had its own field: its claim, cut at a word."""
    from claims.models import Verdict

    limit = limit or Verdict.CLAIM_REVIEWED_AT_MOST
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def claim_review(verdict) -> dict:
    claim = verdict.claim
    rating = verdict.rating
    ratings = rating.scale.ratings.all()
    values = [r.value for r in ratings]
    appearance = []
    if claim.article_id:
        article = claim.article
        appearance.append(
            {
                "@type": "CreativeWork",
                "url": _absolute_or_as_is(article.public_url()),
                "headline": article.title,
                **(
                    {"datePublished": article.published_at.date().isoformat()}
                    if article.published_at
                    else {}
                ),
            }
        )
    author = {}
    if claim.speaker_id:
        speaker = claim.speaker
        author = {
            "@type": "Person" if speaker.kind == "person" else "Organization",
            "name": speaker.name,
        }
        if speaker.role:
            author["jobTitle"] = speaker.role
        if urls := speaker.same_as_urls():
            author["sameAs"] = urls
    item = {"@type": "Claim", "appearance": appearance}
    if author:
        item["author"] = author
    if claim.made_on:
        item["datePublished"] = claim.made_on.isoformat()
        item["firstAppearance"] = appearance[0] if appearance else None
        if item["firstAppearance"] is None:
            del item["firstAppearance"]
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(verdict.public_url()),
        "claimReviewed": verdict.claim_reviewed or _short(claim.checkable_text or claim.text),
        "itemReviewed": item,
        "author": organisation(),
        "datePublished": verdict.published_at.date().isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": max(values),
            "worstRating": min(values),
            "alternateName": rating.label,
        },
    }
    if verdict.headline:
        data["headline"] = verdict.headline
    modified = verdict.modified_at
    if modified and modified != verdict.published_at:
        data["dateModified"] = modified.isoformat()
    return data


def as_script(data) -> str:
    """JSON for a <script type="application/ld+json">: no user text can close the tag."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
