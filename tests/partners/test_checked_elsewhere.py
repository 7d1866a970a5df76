"""Other outlets' fact-checks, read from their ClaimReview markup on real local servers and
shown beside the newsroom's claims as "checked elsewhere", never as our own verdicts."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from accounts import roles
from claims import tasks
from claims.models import Claim, ExternalFactCheck, FactCheckSource
from claims.partners import elsewhere
from tests.conftest import wait_for
from tests.sessions import log_in

JSON = {"Content-Type": "application/json"}


def claim_review(url, claim, rating="False", outlet="Caucasus Fact Desk", day="2020-11-02"):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": outlet},
        "datePublished": day,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "Armenian Ministry of Defence"},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating,
        },
    }


PHOSPHORUS = claim_review(
    "https://checks.example.net/2020/11/phosphorus-karabakh",
    "Azerbaijan's army fired white phosphorus munitions on Armenian positions in Karabakh.",
    rating="Unproven",
)
FIGHTERS = claim_review(
    "https://checks.example.net/2020/10/foreign-fighters",
    "Turkey sent Syrian mercenaries to fight for Azerbaijan in Nagorno-Karabakh.",
    rating="Mostly true",
    day="2020-10-05",
)


def feed(*elements):
    """A DataFeed as aggregators publish it: one element bare, the others in DataFeedItems."""
    first, *rest = elements
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [first]
        + [{"@type": "DataFeedItem", "item": [element]} for element in rest],
    }


def source_at(local_site, path, body, headers=None, name="Caucasus Fact Desk"):
    local_site.pages[path] = (200, headers or JSON, body)
    return FactCheckSource.objects.create(name=name, url=local_site.url(path))


def body(data):
    return json.dumps(data).encode()


@pytest.fixture
def fact_checker(make_user):
    return make_user("fact-checker", role=roles.FACT_CHECKER)


def test_a_datafeed_is_imported_once_and_read_again_as_an_update(local_site, db, caplog):
    ours = claim_review("http://127.0.0.1:8000/verdicts/1/", "Our own verdict, served back.")
    no_claim = {**claim_review("https://checks.example.net/x", ""), "claimReviewed": ""}
    source = source_at(local_site, "/feed.json", body(feed(PHOSPHORUS, FIGHTERS, ours, no_claim)))

    report = elsewhere.import_source(source)

    assert (report.imported, report.updated, len(report.skipped)) == (2, 0, 2)
    assert any("one of our own verdicts" in reason for reason in report.skipped)
    assert any("no claimReviewed" in reason for reason in caplog.messages)
    check = ExternalFactCheck.objects.get(url=PHOSPHORUS["url"])
    assert check.outlet == "Caucasus Fact Desk" and check.rating == "Unproven"
    assert check.published_on.isoformat() == "2020-11-02"
    assert check.claim_author == "Armenian Ministry of Defence" and check.language == "en"
    assert check.vector and check.vector_encoder  # embedded for matching
    source.refresh_from_db()
    assert source.last_imported == 2 and source.last_skipped == 2 and source.last_checked_at

    again = elsewhere.import_source(source)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    assert ExternalFactCheck.objects.count() == 2

    rerated = {
        **PHOSPHORUS,
        "reviewRating": {**PHOSPHORUS["reviewRating"], "alternateName": "False"},
    }
    local_site.pages["/feed.json"] = (200, JSON, body(feed(rerated, FIGHTERS)))
    third = elsewhere.import_source(source)
    assert (third.imported, third.updated, third.unchanged) == (0, 1, 1)
    assert ExternalFactCheck.objects.get(url=PHOSPHORUS["url"]).rating == "False"
    assert ExternalFactCheck.objects.count() == 2


def test_a_page_with_claimreview_json_ld_is_imported_and_its_broken_block_skipped(local_site, db):
    page = (
        "<html><head><title>Fact check</title>"
        '<script type="application/ld+json">{"@type": "ClaimReview", "url": </script>'
        '<script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, FIGHTERS]})
        + "</script></head><body><p>Our finding…</p></body></html>"
    ).encode()
    source = source_at(local_site, "/check.html", page, {"Content-Type": "text/html"})

    report = elsewhere.import_source(source)

    assert report.imported == 1
    assert ExternalFactCheck.objects.get().rating == "Mostly true"
    assert any("JSON cannot be read" in reason for reason in report.skipped)


@pytest.mark.parametrize(
    "status, headers, content, reason",
    [
        (200, JSON, b'{"@type": "DataFeed", "dataFeedElement": [', "JSON cannot be read"),
        (200, JSON, body({"@type": "Article", "headline": "Not a fact-check"}), "no ClaimReview"),
        (200, JSON, b"[" * 5000 + b"]" * 5000, "JSON cannot be read (RecursionError)"),
        (302, {"Location": "http://10.20.30.40/feed.json"}, b"", "private network"),
        (200, JSON, b'{"x": "' + b"a" * 300_000 + b'"}', "larger than"),
        (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n", "image/png"),
        (500, JSON, b"oops", "error 500"),
    ],
    ids=["malformed", "wrong-types", "nested", "private-redirect", "too-big", "an-image", "500"],
)
def test_a_source_that_cannot_be_read_is_skipped_with_its_reason(
    local_site, db, settings, status, headers, content, reason
):
    settings.FETCH_MAX_BYTES = 100_000
    ExternalFactCheck.objects.create(
        url="https://kept.example.net/1", outlet="O", claim_reviewed="x"
    )
    local_site.pages["/feed"] = (status, headers, content)
    source = FactCheckSource.objects.create(name="Hostile", url=local_site.url("/feed"))

    report = elsewhere.import_source(source)

    source.refresh_from_db()
    assert report.imported == report.updated == 0
    assert reason in source.last_error, source.last_error
    assert ExternalFactCheck.objects.count() == 1  # what was there is untouched


def test_a_wrongly_typed_claimreview_is_skipped_not_imported(local_site, db):
    wrong = [
        {**PHOSPHORUS, "url": "javascript:alert(1)"},
        {**PHOSPHORUS, "url": "https://checks.example.net/a", "reviewRating": "False"},
        {**PHOSPHORUS, "url": "https://checks.example.net/b", "reviewRating": {"@type": "Rating"}},
        {**PHOSPHORUS, "url": "https://checks.example.net/c", "claimReviewed": {"a": 1}},
        {**PHOSPHORUS, "url": "https://checks.example.net/d", "datePublished": "yesterday"},
    ]
    source = source_at(local_site, "/feed.json", body(wrong))

    report = elsewhere.import_source(source)

    assert report.imported == 1 and len(report.skipped) == 4
    assert ExternalFactCheck.objects.get().published_on is None  # a date we cannot read


def test_beat_reads_every_active_source_through_the_worker(worker, local_site):
    source = source_at(local_site, "/feed.json", body(feed(PHOSPHORUS, FIGHTERS)))
    off = FactCheckSource.objects.create(
        name="Switched off", url=local_site.url("/off"), active=False
    )

    tasks.import_fact_checks.delay()

    wait_for(lambda: ExternalFactCheck.objects.count() == 2, message="the feed imported")
    wait_for(lambda: FactCheckSource.objects.get(pk=source.pk).last_checked_at, message="done")
    assert FactCheckSource.objects.get(pk=off.pk).last_checked_at is None
    assert set(ExternalFactCheck.objects.values_list("source", flat=True)) == {source.pk}


def test_a_fact_checker_sees_another_outlets_rating_beside_a_new_claim(
    local_site, client, fact_checker
):
    elsewhere.import_source(source_at(local_site, "/feed.json", body(feed(PHOSPHORUS, FIGHTERS))))
    claim = Claim.objects.create(
        text="Armenia's defence ministry said Azerbaijani troops used phosphorus munitions "
        "against Armenian positions in Karabakh."
    )
    unrelated = Claim.objects.create(text="Russian missiles destroyed grain silos in Odesa.")
    denial = Claim.objects.create(
        text="Azerbaijan's army did not use phosphorus munitions in Karabakh."
    )
    log_in(client, fact_checker)

    page = client.get(claim.newsroom_url()).content.decode()

    assert "Checked elsewhere" in page
    assert "Rated “Unproven” by Caucasus Fact Desk" in page
    assert PHOSPHORUS["url"] in page and 'rel="noopener noreferrer nofollow external"' in page
    assert "Nov" in page and "2020" in page
    assert FIGHTERS["url"] not in page
    for other in (unrelated, denial):
        assert "Checked elsewhere" not in client.get(other.newsroom_url()).content.decode()


def test_the_desk_box_finds_another_outlets_check_of_a_russian_sentence(
    local_site, client, fact_checker
):
    elsewhere.import_source(source_at(local_site, "/feed.json", body(feed(PHOSPHORUS, FIGHTERS))))
    log_in(client, fact_checker)

    box = client.get(
        "/newsroom/checked/",
        {"q": "Турция отправила сирийских наёмников воевать за Азербайджан в Карабахе."},
        HTTP_HX_REQUEST="true",
    ).content.decode()

    assert "Rated “Mostly true” by Caucasus Fact Desk" in box
    assert FIGHTERS["url"] in box and PHOSPHORUS["url"] not in box


def test_nothing_imported_is_shown_to_readers_as_our_verdict(local_site, db):
    elsewhere.import_source(source_at(local_site, "/feed.json", body(feed(PHOSPHORUS))))

    for path in (
        "/verdicts/?q=phosphorus",
        "/",
        "/feeds/rss/",
        "/api/public/claimreview-feed.json",
        "/sitemap.xml",
    ):
        response = Client().get(path)
        assert response.status_code == 200, path
        assert PHOSPHORUS["url"] not in response.content.decode(), path
        assert "Caucasus Fact Desk" not in response.content.decode(), path


def test_the_command_adds_reads_and_finds(local_site, db):
    local_site.pages["/feed.json"] = (200, JSON, body(feed(PHOSPHORUS, FIGHTERS)))
    out = StringIO()
    call_command(
        "checked_elsewhere", "add", "Caucasus Fact Desk", local_site.url("/feed.json"), stdout=out
    )
    source_id = int(out.getvalue())

    out = StringIO()
    call_command("checked_elsewhere", "read", str(source_id), stdout=out, stderr=StringIO())
    assert "2 new, 0 updated" in out.getvalue()

    out = StringIO()
    call_command(
        "checked_elsewhere", "find", "Turkey sent Syrian mercenaries to Karabakh", stdout=out
    )
    assert FIGHTERS["url"] in out.getvalue() and PHOSPHORUS["url"] not in out.getvalue()

    with pytest.raises(CommandError, match="private network"):
        call_command(
            "checked_elsewhere", "add", "Inside", "http://10.0.0.5/feed", stdout=StringIO()
        )
    local_site.pages["/broken"] = (200, JSON, b"{nope")
    broken = FactCheckSource.objects.create(name="Broken", url=local_site.url("/broken"))
    with pytest.raises(CommandError, match="could not be read"):
        call_command(
            "checked_elsewhere", "read", str(broken.pk), stdout=StringIO(), stderr=StringIO()
        )


def test_an_admin_lists_sources_and_reads_imports_but_cannot_edit_them(
    local_site, make_user, django_capture_on_commit_callbacks
):
    client = log_in(Client(), make_user("admin", role=roles.ADMIN, is_staff=True))
    refused = client.post(
        "/admin/claims/factchecksource/add/",
        {"name": "Inside", "url": "http://10.0.0.5/feed", "active": "on"},
    )
    assert "private network" in refused.content.decode()
    assert not FactCheckSource.objects.exists()

    local_site.pages["/feed.json"] = (200, JSON, body(feed(PHOSPHORUS)))
    with django_capture_on_commit_callbacks() as queued:
        added = client.post(
            "/admin/claims/factchecksource/add/",
            {"name": "Caucasus Fact Desk", "url": local_site.url("/feed.json"), "active": "on"},
        )
    assert added.status_code == 302 and len(queued) == 1  # read at once, by the worker
    elsewhere.import_source(FactCheckSource.objects.get())
    check = ExternalFactCheck.objects.get()
    assert client.get("/admin/claims/externalfactcheck/").status_code == 200
    page = client.get(f"/admin/claims/externalfactcheck/{check.pk}/change/").content.decode()
    assert "Unproven" in page and 'name="rating"' not in page
    assert client.get("/admin/claims/externalfactcheck/add/").status_code == 403
