"""In real Chromium, as an anonymous reader: search, filter, read and share a verdict."""

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_reader_searches_finds_the_verdict_and_reads_both_sides(page, demo):
    page.goto("/")
    page.get_by_role("searchbox").fill("treaty")
    page.get_by_role("searchbox").press("Enter")

    expect(page.locator("h1")).to_contain_text("Verdicts matching “treaty”")
    results = page.locator(".verdict-list > li")
    expect(results).to_have_count(2)  # Moscow's reply, and the letter that cites the treaty
    reply = results.filter(has_text="Moscow tied its help")
    expect(reply.locator("mark").first).to_have_text("treaty")
    reply.get_by_role("link").first.click()

    expect(page.locator(".claim-quote")).to_contain_text("Moscow would help Armenia")
    expect(page.locator("article.verdict .byline").first).to_contain_text(
        "Ministry of Foreign Affairs of Russia"
    )
    expect(page.locator(".verdict-rating .rating")).to_be_visible()
    expect(page.locator("#other-side")).to_have_text("What the other side says")
    expect(page.locator("dl.scale dt.current")).to_have_count(1)
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "ClaimReview"
    assert (
        data["reviewRating"]["alternateName"]
        == page.locator(".verdict-rating .rating").text_content()
    )
    assert page.locator('meta[property="og:title"]').get_attribute("content")
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert urlsplit(canonical).path == urlsplit(page.url).path  # on SITE_URL, not our host


def test_a_reader_filters_by_side_and_sees_only_that_sides_verdicts(page, demo):
    page.goto("/verdicts/")
    expect(page.locator(".verdict-list > li")).to_have_count(8)
    page.get_by_text("Filter and sort").click()
    # Only sides with published verdicts are offered, each with its count.
    side = page.get_by_label("Side")
    expect(side.locator("option")).to_have_text(
        ["Any side", "Armenia (2)", "Azerbaijan (5)", "Russia (1)"]
    )

    side.select_option(label="Russia (1)")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".verdict-list > li")).to_have_count(1)
    assert "side=russia" in page.url

    page.goto("/verdicts/?side=turkey")  # a shared link to a side with none yet
    expect(page.locator(".verdict-list")).to_contain_text("Nothing matches.")


def test_a_search_that_finds_nothing_says_so_and_never_shows_a_draft(page, demo):
    page.goto("/verdicts/?q=settle")  # only a draft's headline says "does not settle it"
    expect(page.locator(".verdict-list")).to_contain_text("Nothing matches.")
    expect(page.locator("body")).not_to_contain_text("evidence so far does not settle")
