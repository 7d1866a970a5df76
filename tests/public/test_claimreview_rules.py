"""Every verdict page's ClaimReview keeps Google's rules, and the DataFeed aggregators read
carries the very same objects."""

import copy
import json
import re

import pytest
from django.test import Client

from accounts import roles
from claims import selectors
from claims.demo.newsroom import load_demo
from claims.models import Article, Claim, Rating, Verdict
from tests.public.claimreview_rules import problems
from tests.publishing import update_rating

pytestmark = pytest.mark.django_db

SCRIPTS = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(page) -> list:
    return [json.loads(block) for block in SCRIPTS.findall(page)]


def feed(client):
    elements, url = [], "/api/public/claimreview-feed.json"
    while url:
        response = client.get(url)
        body = response.json()
        assert body["@type"] == "DataFeed"
        elements += body["dataFeedElement"]
        url = re.match(r"<([^>]+)>", response["Link"]).group(1) if "Link" in response else None
    return elements


def test_every_verdict_page_has_one_claimreview_that_keeps_every_rule_and_is_in_the_feed():
    demo = load_demo()
    claim = demo["claims"]["russian-reply"]
    update_rating(claim, demo["users"][roles.EDITOR], "The ministry clarified its statement.")
    # A pasted text (no address of its own) with a published verdict, and a speaker unknown.
    pasted = Article.objects.create(title="Pasted statement", text="The ministry said so.")
    unattributed = Claim.objects.create(
        text="The ministry said so.", article=pasted, status=Claim.Status.PUBLISHED
    )
    Verdict.objects.create(
        claim=unattributed,
        rating=Rating.objects.get(slug="false"),
        claim_reviewed="The ministry said so",
        summary="s",
        explanation="e",
        published_at="2026-01-01T00:00Z",
    )
    client = Client()
    by_url = {element["url"]: element for element in feed(client)}
    verdicts = list(selectors.published_verdicts())
    assert len(verdicts) >= 9

    for verdict in verdicts:
        blocks = json_ld(client.get(verdict.public_url()).content.decode())
        reviews = [block for block in blocks if block.get("@type") == "ClaimReview"]
        assert len(reviews) == 1, verdict.public_url()  # one ClaimReview per page
        assert problems(reviews[0]) == [], verdict.public_url()
        assert by_url.pop(reviews[0]["url"]) == reviews[0]  # the feed carries the same object
    assert by_url == {}  # and nothing else

    home = json_ld(client.get("/").content.decode())
    assert [block["@type"] for block in home] == ["NewsMediaOrganization"]


def test_the_rules_catch_what_google_would_refuse():
    demo = load_demo()
    verdict = Verdict.objects.filter(published_at__isnull=False).first()
    good = json_ld(Client().get(verdict.public_url()).content.decode())[0]
    assert problems(good) == [] and demo

    def broken(change):
        data = copy.deepcopy(good)
        change(data)
        return " | ".join(problems(data))

    assert "claimReviewed" in broken(lambda d: d.update(claimReviewed="x" * 75))
    assert "url" in broken(lambda d: d.update(url="https://elsewhere.example/verdicts/1/"))
    assert "ratingValue" in broken(lambda d: d["reviewRating"].update(ratingValue=9))
    assert "alternateName" in broken(lambda d: d["reviewRating"].pop("alternateName"))
    assert "never another page of ours" in broken(
        lambda d: d["itemReviewed"].update(
            appearance=[
                {
                    "@type": "CreativeWork",
                    "url": f"{d['url']}".replace("verdicts", "newsroom/claims"),
                }
            ]
        )
    )
    assert "Person or an Organization" in broken(
        lambda d: d["itemReviewed"].update(author={"@type": "Thing", "name": "x"})
    )
    assert "correctionsPolicy" in broken(lambda d: d["author"].pop("correctionsPolicy"))
    assert "datePublished" in broken(lambda d: d.update(datePublished="2 Nov 2020"))
    assert "firstAppearance" in broken(
        lambda d: d["itemReviewed"].update(
            firstAppearance={"@type": "CreativeWork", "url": "https://news.example.org/other"}
        )
    )
