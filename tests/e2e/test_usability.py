"""In real Chromium, the walk a new user takes: a fact-checker asks for work, a reader filters,
follows a correction, searches for what is not checked yet and opens an archived copy."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from claims import actions
from claims.models import Evidence, Rating
from tests.conftest import wait_for
from tests.e2e.browser import log_in, log_out

pytestmark = pytest.mark.browser


def test_a_fact_checker_asks_to_take_a_claim_and_an_editor_approves_it_with_one_click(page, demo):
    log_in(page, "checker", "demo-checker-pass")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Queue").click()
    expect(page.locator("h1")).to_have_text("Newsroom queue")
    expect(page.locator("#bulk-assign")).to_have_count(0)  # read-only for fact-checkers
    row = page.locator("table.claims tr", has_text="Grad and Smerch")
    row.get_by_role("button", name="Ask to take").click()
    expect(page.locator(".messages")).to_contain_text("an editor will answer")
    expect(page.locator(".waiting")).to_contain_text("You asked to take this claim")
    log_out(page)

    log_in(page, "editor", "demo-editor-pass")
    expect(page.locator(".badge")).to_be_visible()  # the editors were notified
    page.goto("/newsroom/queue/")
    asks = page.locator(".take-requests li", has_text="Grad and Smerch")
    expect(asks).to_contain_text("Farid Checker")
    asks.get_by_role("button", name="Approve and assign").click()
    expect(page.locator(".messages")).to_contain_text("Assigned to Farid Checker")
    expect(page.locator("table.claims tr", has_text="Grad and Smerch")).to_contain_text(
        "Farid Checker"
    )
    assert (
        demo["claims"]["rockets"].__class__.objects.get(pk=demo["claims"]["rockets"].pk).assignee
        == demo["users"][roles.FACT_CHECKER]
    )


def test_a_new_claim_says_why_research_has_not_started_and_what_to_do_meanwhile(page, demo):
    new = next(c for c in demo["claims"].values() if c.status == "new")
    log_in(page, "checker", "demo-checker-pass")
    page.goto(new.newsroom_url())
    expect(page.locator(".waiting")).to_contain_text(
        "An editor must select and assign this claim before research starts."
    )
    expect(page.locator(".waiting")).to_contain_text("add notes")
    expect(page.get_by_role("button", name="Ask to take this claim")).to_be_visible()


def test_a_reader_filters_by_choices_with_counts_and_the_url_can_be_shared(page, demo):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Verdicts").click()
    expect(page).to_have_url(re.compile(r"/verdicts/$"))
    page.get_by_text("Filter and sort").click()
    rating = page.get_by_label("Rating")
    expect(rating.locator("option", has_text="True (2)")).to_have_count(1)
    rating.select_option(label="True (2)")
    page.get_by_label("Side").select_option(label="Russia (1)")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"rating=true.*side=russia"))
    expect(page.locator(".verdict-list > li")).to_have_count(1)
    # What a reader would type: the names, not the slugs.
    page.goto("/verdicts/?rating=True&side=Russia")
    expect(page.locator(".verdict-list > li")).to_have_count(1)
    expect(page.locator("details.filters-box")).to_have_attribute("open", "")


def test_a_correction_leads_the_verdict_page_and_marks_it_in_lists_and_feeds(page, demo):
    claim = demo["claims"]["russian-reply"]
    verdict = claim.verdict
    actions.record_correction(
        claim,
        demo["users"][roles.ADMIN],
        kind="correction",
        note="We misdated the ministry's statement; it was 31 October.",
        version=verdict.version,
        rating=Rating.objects.get(slug="mostly-true"),
        summary=verdict.summary,
        explanation=verdict.explanation,
        headline=verdict.headline,
    )
    from claims.public.page_cache import invalidate

    invalidate()
    page.goto(verdict.public_url())
    notice = page.locator("article.verdict > aside.correction-notice")
    expect(notice).to_contain_text("Corrected")
    expect(notice).to_contain_text("We misdated the ministry's statement")
    expect(notice).to_contain_text("rating changed from True to Mostly true")
    # Above the claim, not below the rating scale.
    first = page.locator("article.verdict > *").first
    expect(first).to_have_class(re.compile("correction-notice"))
    page.goto("/verdicts/")
    listed = page.locator(".verdict-list > li", has_text=verdict.headline)
    expect(listed.locator(".notice-tag")).to_have_text("Corrected")
    # The demo's updated verdict is marked too.
    expect(page.locator(".verdict-list .notice-update")).to_have_text("Updated")
    feed = page.request.get("/feeds/rss/").text()
    assert "[Corrected] Mostly true:" in feed


def test_a_search_that_finds_nothing_offers_to_ask_us_with_the_words_filled_in(page, demo):
    page.goto("/")
    page.get_by_role("searchbox").fill("zebras crossed the Araks river")
    page.get_by_role("searchbox").press("Enter")
    page.get_by_role("link", name="Ask us to check it").click()
    expect(page.get_by_label("What should we check?")).to_have_value(
        "zebras crossed the Araks river"
    )


def test_every_page_links_the_methodology_corrections_feeds_and_how_to_complain(page, demo):
    page.goto("/methodology/")
    footer = page.locator("footer.site-footer")
    for name in ["Methodology", "Corrections", "RSS feed", "About us", "Funding", "Contact"]:
        expect(footer.get_by_role("link", name=name)).to_be_visible()
    footer.get_by_role("link", name="Complaints").click()
    expect(page.locator("#complaints")).to_be_visible()
    assert page.request.get("/favicon.ico").headers["content-type"] == "image/x-icon"


def test_an_archived_copy_shows_where_and_when_it_came_from_and_links_back(page, demo):
    claim = demo["claims"]["russian-reply"]
    evidence = Evidence.objects.filter(claim=claim).first()
    Evidence.objects.filter(pk=evidence.pk).update(
        archive_status="archived",
        archived_snapshot=b"<p>The ministry's statement, as saved.</p>",
        archived_sha256="c0ffee" * 10 + "c0ff",
    )
    page.goto(claim.verdict.public_url())
    page.locator("#sources ~ ol").get_by_role("link", name="archived copy").first.click()
    expect(page.locator("h1")).to_have_text("Archived copy")
    expect(page.locator(".archive-facts")).to_contain_text(evidence.url)
    expect(page.locator(".archive-facts")).to_contain_text("c0ffee" * 10 + "c0ff")
    frame = page.frame_locator("iframe.archived-copy")
    expect(frame.locator("p")).to_have_text("The ministry's statement, as saved.")
    page.locator(".archive-facts").get_by_role("link", name=claim.verdict.headline).click()
    expect(page).to_have_url(re.compile(rf"/verdicts/{claim.verdict.pk}/$"))


def test_a_failed_archive_is_retried_from_the_workspace(page, demo, worker, local_site):
    local_site.pages["/back"] = (200, {}, b"<html><body><p>Back online.</p></body></html>")
    claim = demo["claims"]["phosphorus"]
    evidence = Evidence.objects.create(
        claim=claim,
        url=local_site.url("/back"),
        title="A page that was down",
        archive_status="failed",
        archive_error="The site did not answer.",
        added_by=demo["users"][roles.FACT_CHECKER],
    )
    log_in(page, "checker", "demo-checker-pass")
    page.goto(claim.newsroom_url())
    item = page.locator(".evidence li", has_text="A page that was down")
    expect(item).to_contain_text("The site did not answer.")
    item.get_by_role("button", name="Retry the archive").click()
    expect(page.locator(".messages")).to_contain_text("Archiving again")
    wait_for(
        lambda: Evidence.objects.get(pk=evidence.pk).archive_status == "archived",
        message="the retried archive",
    )
    page.reload()
    expect(page.locator(".evidence li", has_text="A page that was down")).to_contain_text(
        "Archived"
    )
    log_out(page)


def test_a_fact_checker_uploads_a_screenshot_as_evidence_and_readers_see_it_kept(page, demo):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    claim = demo["claims"]["phosphorus"]
    log_in(page, "checker", "demo-checker-pass")
    page.goto(claim.newsroom_url())
    page.locator("summary", has_text="Add evidence").click()
    page.get_by_label("…or upload a file (PDF or picture)").set_input_files(
        files=[{"name": "telegram-post.png", "mimeType": "image/png", "buffer": png}]
    )
    page.locator("#id_title").fill("Telegram post, 2 November")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".messages")).to_contain_text("File added")
    item = page.locator(".evidence li", has_text="Telegram post, 2 November")
    expect(item).to_contain_text("Archived")
    link = item.get_by_role("link", name="file: telegram-post.png")
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-security-policy"].startswith("sandbox")

    # A file that only pretends to be a picture is refused, with the reason.
    page.locator("summary", has_text="Add evidence").click()
    page.get_by_label("…or upload a file (PDF or picture)").set_input_files(
        files=[{"name": "photo.png", "mimeType": "image/png", "buffer": b"<svg onload=alert(1)>"}]
    )
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".messages")).to_contain_text("Only these files can be evidence")
    assert Evidence.objects.filter(claim=claim, file_name="photo.png").count() == 0


def test_a_fact_checker_edits_a_source_then_removes_it_and_the_history_keeps_it(page, demo):
    claim = demo["claims"]["phosphorus"]
    Evidence.objects.create(
        claim=claim, title="A blurry photo", added_by=demo["users"][roles.FACT_CHECKER]
    )
    log_in(page, "checker", "demo-checker-pass")
    page.goto(claim.newsroom_url())
    item = page.locator(".evidence li", has_text="A blurry photo")
    item.locator("summary", has_text="Edit").click()
    item.get_by_label("Title").fill("A blurry photo of the forest fire")
    item.get_by_role("button", name="Save source").click()
    expect(page.locator(".messages")).to_contain_text("Source saved.")
    item = page.locator(".evidence li", has_text="A blurry photo of the forest fire")
    item.locator("summary", has_text="Remove").click()
    item.get_by_label("Why (kept in the history)").fill("Cannot be dated")
    item.get_by_role("button", name="Remove this source").click()
    expect(page.locator(".messages")).to_contain_text("the history keeps what it was")
    expect(page.locator(".evidence")).not_to_contain_text("A blurry photo")
    history = page.locator("#history + ol")
    expect(history).to_contain_text("removed a source: Cannot be dated")
    expect(history).to_contain_text("edited a source")


def test_an_admin_edits_the_organisation_page_and_readers_see_it_at_once(page, demo):
    log_in(page, "admin", "demo-admin-pass")
    page.goto("/admin/claims/organisation/")
    page.get_by_role("link", name="Verify Desk").click()
    page.get_by_label("Mission").fill("We check the claims of every side, by one set of rules.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto("/about/")
    expect(page.locator("#mission + p")).to_have_text(
        "We check the claims of every side, by one set of rules."
    )
    expect(page.locator("#funding ~ table").first).to_contain_text("Demo Foundation")
