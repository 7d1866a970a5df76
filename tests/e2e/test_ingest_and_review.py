"""In real Chromium with a real worker: paste a URL, watch the progress, log the claims."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim, ClaimLink
from tests.e2e.browser import log_in
from tests.ingest.test_ingestion import news_page

pytestmark = pytest.mark.browser


def test_a_fact_checker_ingests_a_page_and_turns_suggestions_into_linked_claims(
    page, demo, worker, local_site
):
    local_site.pages["/baku"] = (200, {}, news_page("baku-answers.txt"))

    log_in(page, "checker", "demo-checker-pass")
    page.get_by_role("link", name="Ingest").click()
    page.get_by_label("Web address").fill(local_site.url("/baku"))
    page.get_by_role("button", name="Ingest").click()

    # The progress updates in place (htmx polling), without a reload.
    expect(page.locator("h1")).to_have_text("Baku rejects phosphorus allegations")
    expect(page.locator(".ingestion-status")).to_have_attribute("data-status", "ready")
    expect(page.locator(".ingestion-status")).to_contain_text("7 attributed claims found")
    suggestions = page.locator("li.suggestion")
    expect(suggestions).to_have_count(7)

    denial = suggestions.nth(0)
    expect(denial).to_contain_text("Ministry of Defence of Azerbaijan")
    expect(denial.locator(".related")).to_contain_text("The other side:")
    denial.locator("summary", has_text="Review").click()
    denial.get_by_label("Claim").fill("Azerbaijan denies using white phosphorus near Shushi.")
    denial.get_by_role("button", name="Accept").click()
    expect(page.locator("li.suggestion").nth(0)).to_contain_text("Accepted")

    page.locator("li.suggestion").nth(1).get_by_role("button", name="Reject").click()
    expect(page.locator("li.suggestion").nth(1)).to_contain_text("Rejected")
    expect(page.locator(".ingestion-status")).to_contain_text("5 to review")

    claim = Claim.objects.get(text="Azerbaijan denies using white phosphorus near Shushi.")
    assert claim.speaker.name == "Ministry of Defence of Azerbaijan"
    assert ClaimLink.objects.filter(from_claim=claim, to_claim=demo["claims"]["phosphorus"])
    page.locator("li.suggestion").nth(0).get_by_role("link", name="open the claim").click()
    expect(page.locator("h1")).to_contain_text("Azerbaijan denies using white phosphorus")


def test_a_page_that_fails_says_why_and_offers_a_retry(page, demo, worker, local_site):
    log_in(page, "checker", "demo-checker-pass")
    page.goto("/newsroom/articles/new/")
    page.get_by_label("Web address").fill(local_site.url("/not-there-yet"))
    page.get_by_role("button", name="Ingest").click()

    expect(page.locator(".ingestion-status")).to_contain_text("The site answered with error 404")
    local_site.pages["/not-there-yet"] = (200, {}, news_page("moscow-talks.txt", "Talks stall"))
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".ingestion-status")).to_contain_text("6 attributed claims found")


def test_the_ingest_form_explains_what_is_wrong(page, demo):
    log_in(page, "checker", "demo-checker-pass")
    page.goto("/newsroom/articles/new/")
    page.get_by_role("button", name="Ingest").click()
    expect(page.locator("[role=alert]")).to_contain_text("Give a web address, paste a text")
    page.get_by_label("Web address").fill("javascript:alert(1)")
    page.get_by_role("button", name="Ingest").click()
    expect(page.locator("[role=alert]")).to_contain_text("Only http:// and https://")
