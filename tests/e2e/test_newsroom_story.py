"""In real Chromium, with a real worker: a claim from assignment to a reader's screen."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim, Evidence, Notification
from tests.conftest import wait_for
from tests.e2e.browser import log_in, log_out

pytestmark = pytest.mark.browser

STATEMENT = "The ministry said no rockets were fired at Martuni on 2 November."


def step(page, name):
    page.locator(f"form.step-{name} button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Done")


def test_a_claim_goes_from_assignment_through_review_to_a_reader(page, demo, worker, local_site):
    local_site.pages["/statement"] = (
        200,
        {},
        f"<html><body><p>{STATEMENT}</p></body></html>".encode(),
    )
    claim = demo["claims"]["rockets"]
    claim_url = f"/newsroom/claims/{claim.pk}/"

    # The editor assigns the claim with a due date.
    log_in(page, "editor", "demo-editor-pass")
    page.goto(claim_url)
    page.locator("form.step-assign select[name=assignee]").select_option(label="Farid Checker")
    page.locator("form.step-assign input[name=due_at]").fill("2030-12-01T12:00")
    step(page, "assign")
    expect(page.locator("article header")).to_contain_text("Assigned to Farid Checker")
    log_out(page)

    # The fact-checker finds it on their desk, researches, adds evidence and drafts.
    log_in(page, "checker", "demo-checker-pass")
    page.get_by_role("link", name=re.compile("Grad and Smerch")).first.click()
    expect(page.locator(".step-publish")).to_have_count(0)
    step(page, "start_research")
    page.locator("summary", has_text="Add evidence").click()
    page.locator("#id_url").fill(local_site.url("/statement"))
    page.locator("#id_title").fill("Ministry statement on Martuni")
    page.locator("#id_stance").select_option("refutes")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".messages")).to_contain_text("archiving a copy in the background")
    page.locator("#id_rating").select_option(label="Unproven")
    page.locator("#id_headline").fill("No independent confirmation of the rocket strikes")
    short = page.get_by_label("The claim in a few words, for search engines")
    short.fill("Azerbaijan fired Grad rockets at Martuni and Martakert")
    expect(page.locator(".char-count")).to_have_text(" 20 characters left")  # under 75
    page.locator("#id_summary").fill("Too early to say.")
    page.locator("#id_explanation").fill("Both ministries contradict each other.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Verdict draft saved")
    step(page, "submit_for_review")
    expect(page.locator(".step-publish")).to_have_count(0)
    log_out(page)

    # The background worker archived the evidence.
    evidence = Evidence.objects.get(claim=claim)
    wait_for(
        lambda: Evidence.objects.get(pk=evidence.pk).archive_status == "archived",
        message="the evidence archive",
    )
    assert STATEMENT.encode() in bytes(Evidence.objects.get(pk=evidence.pk).archived_snapshot)

    # The editor returns it with a comment.
    log_in(page, "editor", "demo-editor-pass")
    page.goto(claim_url)
    expect(page.locator(".evidence")).to_contain_text("Archived")
    page.locator("form.step-return_to_research textarea").fill("Say what each side claims.")
    step(page, "return_to_research")
    log_out(page)

    # The fact-checker sees it came back, fixes it and sends it again.
    log_in(page, "checker", "demo-checker-pass")
    expect(page.locator("section", has=page.locator("#returned"))).to_contain_text(
        "Grad and Smerch"
    )
    page.goto(claim_url)
    expect(page.locator("#notes")).to_contain_text("Say what each side claims.")
    # The editor's "what to fix" stands at the top of the workspace until the next submission.
    expect(page.locator("header .what-to-fix")).to_contain_text("Say what each side claims.")
    page.locator("#id_summary").fill(
        "Karabakh's ministry reports the strikes; nobody independent has confirmed."
    )
    page.get_by_role("button", name="Save draft").click()
    step(page, "submit_for_review")
    expect(page.locator(".what-to-fix")).to_have_count(0)
    log_out(page)

    # The editor publishes.
    log_in(page, "editor", "demo-editor-pass")
    page.goto(claim_url)
    page.get_by_role("link", name="Review the checklist and publish…").click()
    # The checklist says what holds and what is missing: nobody was asked for a reply.
    expect(page.locator("[data-item=archived]")).to_have_class("check-done")
    expect(page.locator("[data-item=other_side]")).to_have_class("check-done")
    expect(page.locator("[data-item=reply]")).to_contain_text("Nobody was asked for a reply")
    # Without the tick, publishing is refused with the reason, and nothing is published.
    page.get_by_label("I have read the preview").check()
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("Nobody was asked for a reply")
    # The preview shows the page as readers will see it.
    page.get_by_role("link", name="Open the public page as readers will see it").click()
    expect(page.locator(".preview-banner")).to_contain_text("readers cannot see this page")
    expect(page.locator("h1")).to_have_text("No independent confirmation of the rocket strikes")
    page.get_by_role("link", name="Publish checklist").click()
    page.get_by_label("There was no one to ask for a reply").check()
    # One source where the rule asks two: the editor says why, for readers.
    expect(page.locator("[data-item=sources]")).to_contain_text("1 independent")
    page.get_by_label("Why this verdict stands on fewer sources").fill(
        "Only the ministry has reported these strikes; we will add any independent account."
    )
    page.get_by_label("I have read the preview").check()
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("Done")
    expect(page.locator("article header .status")).to_have_text("Published")
    expect(page.get_by_role("link", name="See the public verdict page")).to_be_visible()
    log_out(page)

    # An anonymous reader finds it.
    page.goto("/")
    page.get_by_role("link", name="No independent confirmation of the rocket strikes").click()
    expect(page.locator("article")).to_contain_text("nobody independent has confirmed")
    expect(page.locator(".rating").first).to_have_text("Unproven")
    expect(page.locator(".methodology-note")).to_contain_text("Only the ministry has reported")

    assert Claim.objects.get(pk=claim.pk).status == "published"
    wait_for(
        lambda: Notification.objects.filter(
            user__username="checker", message__contains="published", emailed_at__isnull=False
        ).exists(),
        message="the publication notice to the fact-checker",
    )
