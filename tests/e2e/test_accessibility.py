"""WCAG 2.1 A and AA, checked by axe-core in Chromium on the pages readers and the newsroom use."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.browser import log_in

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
        for v in results.response["violations"]
    ]


def public_urls(demo):
    published = demo["claims"]["phosphorus"]
    speaker = published.speaker
    return [
        "/",
        "/verdicts/",
        "/verdicts/?q=phosphorus",
        "/methodology/",
        "/corrections/",
        "/ask/",
        f"/speakers/{speaker.slug}/",
        "/accounts/login/",
    ]


def test_readers_pages_meet_wcag_aa(page, demo):
    from claims.selectors import published_verdicts

    verdict = published_verdicts().first()
    assert verdict is not None, "the demo newsroom has published verdicts"
    for url in [*public_urls(demo), verdict.public_url()]:
        page.goto(url)
        assert violations(page) == [], url


def test_newsroom_pages_meet_wcag_aa(page, demo):
    log_in(page, "editor", "demo-editor-pass")
    claim = demo["claims"]["rockets"]
    for url in [
        "/newsroom/",
        "/newsroom/queue/",
        "/newsroom/dashboard/",
        "/newsroom/articles/new/",
        claim.newsroom_url(),
        claim.article.newsroom_url(),
        "/accounts/two-factor/set-up/",
        "/accounts/two-factor/recovery-codes/",
    ]:
        page.goto(url)
        assert violations(page) == [], url
