import secrets

import pytest
from django.test import Client

from accounts import roles
from claims import actions
from claims.demo.newsroom import load_demo
from claims.models import Claim, ReaderRequest, ReaderSubscription
from tests.conftest import wait_for
from tests.publishing import publish


def reader():
    """A reader from an address of their own, so the rate limit counts them alone."""
    return Client(REMOTE_ADDR=f"2001:db8::{secrets.token_hex(2)}:{secrets.token_hex(2)}")


def ask(client, text, url="", email="", website=""):
    return client.post("/ask/", {"text": text, "url": url, "email": email, "website": website})


@pytest.mark.django_db
def test_repeated_requests_for_the_same_claim_are_counted_once():
    ask(reader(), "Azerbaijan used phosphorus munitions in Karabakh")
    ask(reader(), "azerbaijan used phosphorus munitions in karabakh!")
    ask(reader(), "Did Azerbaijan use phosphorus munitions in Karabakh?")
    ask(reader(), "Turkey sent Syrian fighters", url="https://example.org/post/1")
    ask(reader(), "Something else entirely", url="https://example.org/post/1")

    counts = sorted(ReaderRequest.objects.values_list("count", flat=True))
    assert counts == [2, 3]


@pytest.mark.django_db
def test_the_honeypot_silently_drops_bots():
    response = ask(reader(), "Azerbaijan used phosphorus munitions", website="http://spam")
    assert response.status_code == 302
    assert not ReaderRequest.objects.exists()


@pytest.mark.django_db
def test_a_flood_from_one_client_is_refused_with_429_and_a_message():
    client = reader()
    codes = [ask(client, f"A claim number {i} to be checked").status_code for i in range(7)]
    assert codes[:5] == [302] * 5
    assert codes[5:] == [429, 429]
    assert "try again in an hour" in ask(client, "One more claim here").content.decode()
    # The five accepted are near-identical, so they count as one request asked five times.
    assert sum(ReaderRequest.objects.values_list("count", flat=True)) == 5


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "short", "   "])
def test_a_request_without_a_claim_gets_a_clear_error(text):
    response = ask(reader(), text)
    assert response.status_code == 400
    assert not ReaderRequest.objects.exists()


def test_a_subscriber_gets_one_email_when_the_verdict_is_published(worker):
    demo = load_demo()
    ask(reader(), "Turkey recruited Syrian fighters for Azerbaijan", email="reader@example.org")
    request = ReaderRequest.objects.get()
    claim = demo["claims"]["turkey-recruits"]
    request.claim = claim
    request.save()

    publish(claim, demo["users"][roles.EDITOR])

    subscription = ReaderSubscription.objects.get()
    wait_for(
        lambda: ReaderSubscription.objects.get(pk=subscription.pk).notified_at,
        message="the reader's e-mail",
    )
    mail = [m for m in worker.sent_mail() if "reader@example.org" in m]
    assert len(mail) == 1
    assert "Mostly true" in mail[0] and f"/unsubscribe/{subscription.token}/" in mail[0]

    # A correction re-runs the publication task: the reader is not written to again.
    claim = Claim.objects.get(pk=claim.pk)
    actions.record_correction(
        claim,
        demo["users"][roles.ADMIN],
        kind="update",
        note="New report.",
        version=claim.verdict.version,
        rating=claim.verdict.rating,
        summary="Updated summary",
        explanation="Explanation",
    )
    wait_for(
        lambda: (
            "Updated summary" in Client().get(f"/verdicts/{claim.verdict.pk}/").content.decode()
        ),
        message="the corrected page",
    )
    assert len([m for m in worker.sent_mail() if "reader@example.org" in m]) == 1


@pytest.mark.django_db
def test_unsubscribing_forgets_the_address():
    ask(reader(), "Armenian officials said phosphorus was used", email="me@example.org")
    subscription = ReaderSubscription.objects.get()

    response = Client().post(f"/unsubscribe/{subscription.token}/")

    assert response.status_code == 302
    assert not ReaderSubscription.objects.filter(email="me@example.org").exists()
    assert Client().get(f"/unsubscribe/{subscription.token}/").status_code == 404
