"""In real Chromium: a fact-checker selects a passage the finder missed and logs it as a
claim, then links it to the other side's claim and takes the link back."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Article, AuditEvent, Claim, ClaimLink
from tests.e2e.browser import log_in

pytestmark = pytest.mark.browser

SELECT_FIRST_SENTENCE = """() => {
  const paragraph = [...document.querySelectorAll('.article-text p')]
    .find(p => p.firstChild.textContent.split(' ').length > 12);
  const text = paragraph.firstChild;
  const stop = text.textContent.indexOf('. ');
  const end = stop > 0 ? stop : text.textContent.length;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return selection.toString();
}"""


def test_a_fact_checker_logs_a_missed_passage_and_links_it_to_the_other_side(page, demo):
    article = Article.objects.exclude(text="").order_by("pk").first()
    log_in(page, "checker", "demo-checker-pass")
    page.goto(article.newsroom_url())

    selected = page.evaluate(SELECT_FIRST_SENTENCE)
    expect(page.locator("#passage")).to_have_value(selected.strip())
    page.get_by_label("Speaker").fill("Lena Hovsepyan")
    page.get_by_role("button", name="Log as a claim").click()

    expect(page).to_have_url(re.compile(r"/newsroom/claims/\d+/$"))
    expect(page.locator("body")).to_contain_text("Logged as a new claim")
    claim = Claim.objects.get(speaker__name="Lena Hovsepyan")
    assert article.text[claim.span_start : claim.span_end] == selected.strip()

    page.get_by_label("Search the newsroom's claims").fill("phosphorus")
    page.get_by_role("button", name="Search").click()
    # The accusation still in research (a published claim's links are an editor's to change).
    result = page.locator(".link-results li", has_text="Azerbaijan used phosphorus munitions")
    expect(result).to_be_visible()
    result.get_by_label("Link as").select_option("counter")
    result.get_by_role("button", name="Link").click()
    expect(page.locator("body")).to_contain_text("Linked:")
    link = ClaimLink.objects.get(from_claim=claim)
    other_page = link.to_claim.newsroom_url()

    page.goto(other_page)
    expect(page.locator(".counter-claims")).to_contain_text(claim.summary[:40])
    page.locator(".links li", has_text=claim.summary[:40]).get_by_role(
        "button", name="Remove link"
    ).click()
    expect(page.locator("body")).to_contain_text("Link removed.")
    assert not ClaimLink.objects.filter(from_claim=claim).exists()
    assert AuditEvent.objects.filter(claim=claim, action="unlink").exists()
