"""An article goes through the real worker: fetched, extracted, its claims suggested, reviewed."""

from pathlib import Path

import pytest

from claims.ingest import review, submit
from claims.models import Actor, Article, Claim, ClaimLink, ClaimSuggestion
from tests.conftest import wait_for
from tests.sessions import log_in

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def news_page(name, title="Baku rejects phosphorus allegations"):
    paragraphs = (ARTICLES / name).read_text().split("\n\n")[1:]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>'
        '<meta name="author" content="Demo Correspondent">'
        '<meta property="article:published_time" content="2020-11-10T08:00:00Z">'
        f"</head><body><nav>Home · World · Sport</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Our website uses cookies.</footer></body></html>"
    ).encode()


def finished(article):
    article.refresh_from_db()
    return not article.in_progress


@pytest.fixture
def news_site(local_site):
    local_site.pages["/baku"] = (200, {}, news_page("baku-answers.txt"))
    return local_site


def test_a_news_page_becomes_suggested_claims_with_speakers_and_counter_claims(
    worker, demo, news_site
):
    article, created = submit.submit_url(news_site.url("/baku"), by=demo["users"]["Editor"])
    assert created
    wait_for(lambda: finished(article), message="the pipeline")

    assert article.status == Article.Status.READY, article.error
    assert article.title == "Baku rejects phosphorus allegations"
    assert article.language == "en"
    assert "cookies" not in article.text and "Home · World" not in article.text
    assert len(article.snapshot_sha256) == 64 and article.fetched_at
    suggestions = list(article.suggestions.select_related("actor"))
    assert len(suggestions) == 7
    for s in suggestions:
        assert article.text[s.span_start : s.span_end] == s.text
    denial = suggestions[0]
    assert denial.actor.name == "Ministry of Defence of Azerbaijan"
    assert denial.stance == "denial"
    # The accusation it answers, in English (and the same accusation reported in Russian).
    counters = {r["claim_id"] for r in denial.related if r["kind"] == "counter"}
    assert demo["claims"]["phosphorus"].pk in counters
    assert demo["claims"]["phosphorus-in-russian"].pk in counters
    turkish = next(s for s in suggestions if "Turkish" in s.speaker_text)
    assert turkish.actor is None and turkish.proposed_actor == "Turkish Defence Ministry"
    # Nothing is a claim until a fact-checker accepts it.
    assert not Claim.objects.filter(article=article).exists()


def test_the_same_page_twice_is_one_article(worker, demo, news_site):
    first, _ = submit.submit_url(news_site.url("/baku"))
    again, created = submit.submit_url(
        news_site.url("/baku").replace("http://", "HTTP://") + "?utm_source=x#top"
    )
    assert again == first and not created
    wait_for(lambda: finished(first), message="the pipeline")
    assert Article.objects.count() == 5  # the demo's four and this one


def test_accepting_a_suggestion_makes_a_linked_claim_and_rejecting_makes_none(
    worker, demo, news_site
):
    checker = demo["users"]["Fact-checker"]
    article, _ = submit.submit_url(news_site.url("/baku"))
    wait_for(lambda: finished(article), message="the pipeline")
    denial, aliyev_quote, *_ = article.suggestions.order_by("span_start")
    turkish = article.suggestions.get(speaker_text__icontains="Turkish")

    claim = review.accept_suggestion(denial, checker, text="Azerbaijan denies phosphorus use.")
    again = review.accept_suggestion(denial, checker)
    new_speaker_claim = review.accept_suggestion(turkish, checker)
    review.reject_suggestion(aliyev_quote, checker)

    assert again == claim
    assert claim.text == "Azerbaijan denies phosphorus use."
    assert claim.speaker.name == "Ministry of Defence of Azerbaijan"
    assert claim.stance == "denial" and claim.article == article
    assert ClaimLink.objects.filter(
        from_claim=claim, to_claim=demo["claims"]["phosphorus"], kind="counter"
    ).exists()
    assert Claim.objects.counter_claims_of(demo["claims"]["phosphorus"]).filter(pk=claim.pk)
    assert new_speaker_claim.speaker == Actor.objects.get(name="Turkish Defence Ministry")
    aliyev_quote.refresh_from_db()
    assert aliyev_quote.status == ClaimSuggestion.Status.REJECTED
    assert Claim.objects.filter(article=article).count() == 2
    assert claim.audit_events.filter(action="create", actor=checker).exists()


def test_pasted_text_in_another_encoding_is_read(worker, demo):
    russian = "Министерство обороны сообщило, что бои шли всю ночь у Шуши."
    text = (ARTICLES / "front-line-day-40.txt").read_text() + "\n" + russian
    article, _ = submit.submit_text(text.encode("cp1251"))
    wait_for(lambda: finished(article), message="the pipeline")

    assert article.status == Article.Status.READY, article.error
    assert russian in article.text
    assert article.suggestions.count() == 10  # the English article's nine, and the Russian
    assert article.suggestions.filter(speaker_text="Министерство обороны").exists()


@pytest.mark.parametrize(
    ("path", "page", "reason"),
    [
        ("/empty", (200, {}, b""), "The page is empty."),
        ("/png", (200, {"Content-Type": "image/png"}, b"\x89PNG"), "not a web page or text"),
        ("/gone", None, "error 404"),
        ("/private", (302, {"Location": "http://10.1.2.3/"}, b""), "private network"),
    ],
)
def test_a_page_that_cannot_be_read_fails_with_a_reason_and_can_be_retried(
    worker, demo, local_site, path, page, reason
):
    if page:
        local_site.pages[path] = page
    article, _ = submit.submit_url(local_site.url(path))
    wait_for(lambda: finished(article), message="the pipeline")
    assert article.status == Article.Status.FAILED
    assert reason in article.error

    local_site.pages[path] = (200, {}, news_page("moscow-talks.txt"))
    submit.retry(article)
    wait_for(lambda: finished(article), message="the retried pipeline")
    assert article.status == Article.Status.READY
    assert article.suggestions.count() == 6


def test_a_hundred_thousand_word_page_is_read_without_hanging(worker, demo, local_site):
    words = "The Armenian MOD said that the shelling of Goris went on all night. " * 8000
    local_site.pages["/long"] = (200, {}, f"<html><body><p>{words}</p></body></html>".encode())
    article, _ = submit.submit_url(local_site.url("/long"))
    wait_for(lambda: finished(article), timeout=120, message="the pipeline")
    assert article.status == Article.Status.READY, article.error
    assert len(article.text.split()) > 100_000
    assert article.suggestions.count() == 8000


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("file:///etc/passwd", "Only http"),
        ("javascript:alert(1)", "Only http"),
        ("http://", "no host name"),
        ("http://192.168.0.1/admin", "private network"),
    ],
)
def test_an_address_that_may_not_be_fetched_is_refused_at_once(db, source, message):
    with pytest.raises(submit.IngestError, match=message):
        submit.submit_url(source)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "", "empty"),
        (b"   ", "", "empty"),
        (b"\x00\x01\x02binary", "a.txt", "binary"),
        (b"text", "report.pdf", "Only .txt and .html"),
        (b"a" * 5_000_001, "", "larger than the 5 MB limit"),
    ],
)
def test_bad_text_or_files_are_refused_with_a_reason(db, content, filename, message):
    with pytest.raises(submit.IngestError, match=message):
        submit.submit_text(content, filename=filename)
    assert not Article.objects.exists()


def test_a_stalled_article_is_enqueued_again(worker, demo):
    article = Article.objects.create(url="https://example.org/lost", status="extracting")
    Article.objects.filter(pk=article.pk).update(
        updated_at=article.updated_at.replace(year=2020), raw_snapshot=b"The MOD said so."
    )
    Article.objects.filter(pk=article.pk).update(content_type="text/plain")
    assert submit.resume_stalled() == 1
    wait_for(lambda: finished(article), message="the resumed pipeline")
    assert article.status == Article.Status.READY


@pytest.mark.parametrize("suggestions", [2, 20])
def test_the_article_page_takes_the_same_queries_however_many_suggestions(
    client, make_user, django_assert_max_num_queries, suggestions
):
    from accounts import roles

    log_in(client, make_user(role=roles.FACT_CHECKER))
    other = Claim.objects.create(text="Azerbaijan used phosphorus munitions.")
    article = Article.objects.create(url="https://example.org/a", status="ready", text="x" * 999)
    for n in range(suggestions):
        ClaimSuggestion.objects.create(
            article=article, text=f"Claim {n}", speaker_text="The MOD",
            span_start=n * 10, span_end=n * 10 + 5,
            related=[{"claim_id": other.pk, "kind": "counter", "score": 0.5}],
        )  # fmt: skip
    with django_assert_max_num_queries(10):
        response = client.get(f"/newsroom/articles/{article.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("counter · ") == suggestions
