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
        "/about/",
        "/transparency/",
        "/open-data/",
        f"/follow/speakers/{speaker.slug}/",
        "/verdicts/?rating=true&side=russia",
        "/verdicts/?q=zebras",
        f"/speakers/{speaker.slug}/",
        "/accounts/login/",
    ]


WIDTHS = [(1280, 900), (390, 844)]  # a laptop and a phone


@pytest.mark.parametrize("width,height", WIDTHS)
def test_readers_pages_meet_wcag_aa(page, demo, width, height):
    from claims.models import Evidence
    from claims.selectors import published_verdicts

    page.set_viewport_size({"width": width, "height": height})
    verdict = published_verdicts().first()
    assert verdict is not None, "the demo newsroom has published verdicts"
    evidence = Evidence.objects.filter(claim=verdict.claim).first()
    Evidence.objects.filter(pk=evidence.pk).update(
        archive_status="archived", archived_snapshot=b"<p>copy</p>", archived_sha256="ab" * 32
    )
    for url in [*public_urls(demo), verdict.public_url(), f"/archive/evidence/{evidence.pk}/"]:
        page.goto(url)
        assert violations(page) == [], url
        assert _fits(page), f"{url} scrolls sideways at {width} px"


def _fits(page):
    """The page does not scroll sideways (a wide table may scroll inside its own box)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width,height", WIDTHS)
def test_newsroom_pages_meet_wcag_aa(page, demo, width, height):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, "editor", "demo-editor-pass")
    claim = demo["claims"]["rockets"]
    in_review = demo["claims"]["turkey-recruits"]
    for url in [
        "/newsroom/",
        "/newsroom/queue/",
        "/newsroom/dashboard/",
        "/newsroom/articles/new/",
        claim.newsroom_url(),
        claim.article.newsroom_url(),
        in_review.newsroom_url(),
        f"/newsroom/claims/{in_review.pk}/publish/",
        f"/newsroom/claims/{in_review.pk}/preview/",
        "/newsroom/notifications/",
        "/accounts/two-factor/set-up/",
        "/accounts/two-factor/recovery-codes/",
    ]:
        page.goto(url)
        assert violations(page) == [], url
        assert _fits(page), f"{url} scrolls sideways at {width} px"


@pytest.mark.parametrize("width,height", WIDTHS)
def test_a_fact_checkers_pages_meet_wcag_aa(page, demo, width, height):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, "checker", "demo-checker-pass")
    for url in ["/newsroom/", "/newsroom/queue/", demo["claims"]["phosphorus"].newsroom_url()]:
        page.goto(url)
        assert violations(page) == [], url
        assert _fits(page), f"{url} scrolls sideways at {width} px"


def test_the_admins_user_pages_we_changed_meet_wcag_aa(page, demo):
    log_in(page, "admin", "demo-admin-pass")
    checker = demo["users"]["Fact-checker"]
    for url in ["/admin/auth/user/add/", f"/admin/auth/user/{checker.pk}/change/"]:
        page.goto(url)
        assert violations(page) == [], url
