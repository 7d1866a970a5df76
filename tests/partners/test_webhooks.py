"""Partners' webhooks, against real HTTP servers on 127.0.0.1 and a real Celery worker."""

import contextlib
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts import roles
from claims import actions
from claims.models import Rating, WebhookDelivery, WebhookEndpoint
from claims.partners import webhooks
from tests.conftest import wait_for
from tests.publishing import ACCEPT_ALL

SECRET = "a-partners-long-shared-secret"


class Partner:
    """A partner's endpoint on 127.0.0.1: records what it receives, answers as told."""

    def __init__(self, status=200, delay=0.0, headers=None, body=b"ok"):
        self.received = []
        self.status, self.delay, self.headers, self.body = status, delay, headers or {}, body
        partner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                partner.received.append((dict(self.headers), raw))
                time.sleep(partner.delay)
                self.send_response(partner.status)
                for name, value in partner.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(partner.body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(partner.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def partner():
    made = []

    def make(**kwargs):
        made.append(Partner(**kwargs))
        return made[-1]

    yield make
    for p in made:
        p.close()


def signed_by(secret, headers, raw):
    expected = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Verify-Signature"], expected)


def command(*args):
    out, err = StringIO(), StringIO()
    call_command("webhooks", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_an_endpoint_is_added_and_pinged_with_a_signed_body(db, partner):
    endpoint = partner()

    endpoint_id, _ = command(
        "add", endpoint.url, "--events", "verdict.published,verdict.corrected", "--secret", SECRET
    )
    status, _ = command("ping", endpoint_id)

    assert status == "200"
    ((headers, raw),) = endpoint.received
    assert signed_by(SECRET, headers, raw)
    assert headers["X-Verify-Event"] == "ping"
    body = json.loads(raw)
    assert body["event"] == "ping" and body["delivery"] == headers["X-Verify-Delivery"]
    stored = WebhookEndpoint.objects.get(pk=int(endpoint_id))
    assert stored.events == ["verdict.published", "verdict.corrected"]
    made_id, said = command("add", endpoint.url, "--events", "verdict.retracted")
    assert "secret (shown once): " in said  # made for the admin when not given


@pytest.mark.parametrize(
    "url,events,message",
    [
        ("http://10.1.2.3/hook", "verdict.published", "private network"),
        ("ftp://partner.example/hook", "verdict.published", "Only http"),
        ("https://partner.example/hook", "verdict.deleted", "unknown: verdict.deleted"),
    ],
)
def test_a_bad_endpoint_is_refused_with_the_reason(db, url, events, message):
    with pytest.raises(CommandError, match=message):
        command("add", url, "--events", events, "--secret", SECRET)
    assert not WebhookEndpoint.objects.exists()


def test_publishing_and_correcting_reach_the_partner_signed_through_the_worker(
    worker, demo, partner
):
    endpoint = partner()
    webhooks.add_endpoint(endpoint.url, ["verdict.published", "verdict.corrected"], SECRET)
    claim = demo["claims"]["turkey-recruits"]

    actions.publish_verdict(claim, demo["users"][roles.EDITOR], **ACCEPT_ALL)
    wait_for(lambda: len(endpoint.received) == 1, message="the published event")
    verdict = claim.verdict.__class__.objects.get(claim=claim)
    actions.record_correction(
        claim, demo["users"][roles.ADMIN], kind="correction", note="Libya was named by mistake.",
        version=verdict.version, rating=Rating.objects.get(slug="true"),
        summary=verdict.summary, explanation=verdict.explanation,
    )  # fmt: skip
    wait_for(lambda: len(endpoint.received) == 2, message="the corrected event")

    (published_headers, published_raw), (corrected_headers, corrected_raw) = endpoint.received
    assert all(signed_by(SECRET, h, raw) for h, raw in endpoint.received)
    published = json.loads(published_raw)
    assert published["event"] == "verdict.published"
    assert published["data"]["url"].endswith(f"/verdicts/{verdict.pk}/")
    assert published["data"]["rating"]["label"] == "Mostly true"
    corrected = json.loads(corrected_raw)
    assert corrected["event"] == corrected_headers["X-Verify-Event"] == "verdict.corrected"
    assert corrected["data"]["change"]["note"] == "Libya was named by mistake."
    assert corrected["data"]["rating"]["label"] == "True"
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"delivered"}


@pytest.mark.parametrize(
    "answer,error",
    [
        ({"status": 500}, "HTTP 500"),
        ({"status": 302, "headers": {"Location": "http://10.0.0.1/steal"}}, "redirected"),
        ({"delay": 5}, "did not answer in time"),
        ({"body": b"x" * (webhooks.ANSWER_BYTES_READ + 1)}, "more than"),
    ],
    ids=["error", "redirect-to-private", "slow", "huge-answer"],
)
def test_a_failing_partner_is_logged_and_retried_and_never_holds_up_publishing(
    worker, demo, partner, answer, error
):
    endpoint = partner(**answer)
    webhooks.add_endpoint(endpoint.url, ["verdict.published"], SECRET)
    claim = demo["claims"]["turkey-recruits"]

    started = time.monotonic()
    actions.publish_verdict(claim, demo["users"][roles.EDITOR], **ACCEPT_ALL)
    took = time.monotonic() - started

    assert took < 1.5  # the delivery is the worker's, after the commit
    assert claim.__class__.objects.get(pk=claim.pk).status == "published"
    wait_for(
        lambda: WebhookDelivery.objects.filter(attempts__gte=2).exists(),
        message="a retried delivery",
    )
    delivery = WebhookDelivery.objects.get()
    assert delivery.status in ("failed", "pending") and error in delivery.last_error
    assert all(h["X-Verify-Delivery"] == str(delivery.delivery_id) for h, _ in endpoint.received)


def test_an_endpoint_that_keeps_failing_is_switched_off(db, partner):
    endpoint = partner(status=503)
    stored, _ = webhooks.add_endpoint(endpoint.url, ["verdict.published"], SECRET)
    WebhookEndpoint.objects.filter(pk=stored.pk).update(
        consecutive_failures=webhooks.DISABLE_AFTER_FAILURES - 1
    )
    (delivery,) = webhooks.announce("verdict.published", {"id": 1})

    assert webhooks.deliver(delivery.pk) is None  # no retry: the endpoint is off
    stored.refresh_from_db()
    assert not stored.active and "503" in stored.disabled_reason
    assert webhooks.announce("verdict.published", {"id": 2}) == []


def test_a_retry_the_broker_lost_is_sent_again_by_beat(db):
    from datetime import timedelta

    from django.utils import timezone

    from claims.models import OutboxMessage

    stored, _ = webhooks.add_endpoint("https://partner.example/hook", ["verdict.published"], SECRET)
    lost, delivered, stale = (
        webhooks.announce("verdict.published", {"id": n})[0] for n in range(3)
    )
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=lost.pk).update(
        status="failed", attempts=1, next_attempt_at=now - timedelta(minutes=10)
    )
    WebhookDelivery.objects.filter(pk=delivered.pk).update(status="delivered")
    WebhookDelivery.objects.filter(pk=stale.pk).update(
        status="failed", created_at=now - timedelta(hours=25), next_attempt_at=now - timedelta(1)
    )
    OutboxMessage.objects.all().delete()

    assert webhooks.resend_overdue() == 1
    (message,) = OutboxMessage.objects.all()
    assert message.task == "verify.deliver_webhook" and message.kwargs == {"delivery_id": lost.pk}
    assert webhooks.resend_overdue() == 0  # due again only after its next wait
