"""In Chromium: markup stored in claims, notes and verdicts never runs where it is shown.

The `page` fixture also fails the test on any CSP violation, so an inline script that
escaping let through would be caught twice: by the flag and by the policy.
"""

import pytest
from playwright.sync_api import expect

from claims import actions
from claims.models import Claim, Verdict
from tests.e2e.browser import log_in

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "<svg onload=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "{{ 7*7 }}",
]
HOSTILE = " ".join(PAYLOADS)


def test_stored_markup_is_shown_as_text_and_never_runs(page, demo):
    editor = demo["users"]["Editor"]
    published = demo["claims"]["russian-reply"]
    Claim.objects.filter(pk=published.pk).update(checkable_text=f"Moscow {HOSTILE}")
    Verdict.objects.filter(claim=published).update(
        headline=f"Headline {HOSTILE}", summary=f"Summary {HOSTILE}"
    )
    draft = demo["claims"]["rockets"]
    actions.add_note(draft, editor, f"Note {HOSTILE}")
    Claim.objects.filter(pk=draft.pk).update(text=f"Rockets {HOSTILE}")

    readers_pages = [
        "/",
        f"/verdicts/{published.verdict.pk}/",
        "/verdicts/?q=Moscow",
        f"/speakers/{published.speaker.slug}/",
    ]
    for url in readers_pages:
        page.goto(url)
        expect(page.locator("body")).to_contain_text("<script>window.__pwned=1</script>")
        assert page.evaluate("window.__pwned") is None, url

    log_in(page, "editor", "demo-editor-pass")
    for url in [f"/newsroom/claims/{draft.pk}/", "/newsroom/queue/", "/newsroom/"]:
        page.goto(url)
        assert page.evaluate("window.__pwned") is None, url
    page.goto(f"/newsroom/claims/{draft.pk}/")
    expect(page.locator("#notes")).to_contain_text("<svg onload=window.__pwned=1>")
