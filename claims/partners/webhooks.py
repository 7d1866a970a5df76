"""Webhooks: partners hear when a verdict is published, corrected, updated or retracted.

Each delivery is a JSON body signed with HMAC-SHA256 under the endpoint's secret, sent in
`X-Verify-Signature: sha256=<hex>` with `X-Verify-Event` and `X-Verify-Delivery` (a UUID the
partner can use to drop a repeat). Deliveries are rows written in the transaction that
changed the verdict and sent by a Celery task through the outbox: a slow or broken partner
never holds up publishing. The task retries with exponential back-off for 24 hours; an
endpoint that keeps failing is switched off. Requests go through the same rules as our
fetcher: no private addresses (unless FETCH_ALLOWED_PRIVATE_HOSTS names them), redirects
are not followed, and at most a little of the answer is read.
"""

import hashlib
import hmac
import json
import secrets
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from requests_hardened import Config, Manager
from requests_hardened.ip_filter import InvalidIPAddress

from claims.ingest.fetch import FetchError, check_url
from claims.models import WebhookDelivery, WebhookEndpoint
from claims.platform import outbox

EVENTS = ("verdict.published", "verdict.corrected", "verdict.updated", "verdict.retracted")
GIVE_UP_AFTER = timedelta(hours=24)
DISABLE_AFTER_FAILURES = 20  # consecutive failed attempts, over any deliveries
ANSWER_BYTES_READ = 64 * 1024
USER_AGENT = "verify-webhooks/1.0"


class BadEndpoint(ValueError):
    """The endpoint cannot be added; the message says why."""


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def add_endpoint(url, events, secret=None):
    """A new endpoint and its secret (made here when not given; shown to the admin once)."""
    try:
        url = check_url(url)
    except FetchError as exc:
        raise BadEndpoint(str(exc)) from None
    events = [e.strip() for e in events if e.strip()]
    unknown = sorted(set(events) - set(EVENTS))
    if not events or unknown:
        raise BadEndpoint(
            f"Events must be among {', '.join(EVENTS)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else ".")
        )
    secret = secret or secrets.token_urlsafe(32)
    if len(secret) < 16:
        raise BadEndpoint("A secret needs at least 16 characters.")
    endpoint = WebhookEndpoint.objects.create(url=url, events=events, secret=secret)
    return endpoint, secret


def verdict_payload(verdict, event, correction=None) -> dict:
    from claims.public.claimreview import absolute

    claim = verdict.claim
    data = {
        "id": verdict.pk,
        "url": absolute(verdict.public_url()),
        "claim_reviewed": verdict.claim_reviewed or claim.checkable_text or claim.text,
        "headline": verdict.headline,
        "summary": verdict.summary,
        "rating": {"label": verdict.rating.label, "value": verdict.rating.value}
        if verdict.rating
        else None,
        "speaker": claim.speaker.name if claim.speaker_id else None,
        "side": claim.side.name if claim.side else None,
        "published_at": verdict.published_at.isoformat() if verdict.published_at else None,
        "retracted_at": verdict.retracted_at.isoformat() if verdict.retracted_at else None,
        "retraction_reason": verdict.retraction_reason or None,
    }
    if correction is not None:
        data["change"] = {
            "kind": correction.kind,
            "note": correction.note,
            "at": correction.created_at.isoformat(),
        }
    return data


def announce(event, data):
    """Write a delivery for every active endpoint that wants `event`, to be sent after the
    commit. Call inside the transaction that made the change."""
    assert event in EVENTS or event == "ping", event
    deliveries = []
    for endpoint in WebhookEndpoint.objects.filter(active=True):
        if event not in endpoint.events:
            continue
        delivery = _delivery(endpoint, event, data)
        outbox.enqueue("verify.deliver_webhook", delivery_id=delivery.pk)
        deliveries.append(delivery)
    return deliveries


def _delivery(endpoint, event, data):
    delivery_id = uuid.uuid4()
    body = json.dumps(
        {
            "event": event,
            "delivery": str(delivery_id),
            "created": timezone.now().isoformat(),
            "data": data,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return WebhookDelivery.objects.create(
        endpoint=endpoint, event=event, delivery_id=delivery_id, body=body
    )


def ping(endpoint) -> int:
    """Send a signed `ping` at once; the HTTP status, or BadEndpoint with the failure."""
    delivery = _delivery(endpoint, "ping", {"endpoint": endpoint.pk})
    status, error = _post(delivery)
    _record(delivery, status, error)
    if error:
        raise BadEndpoint(error)
    return status


def _session(host):
    return Manager(
        Config(
            default_timeout=(settings.WEBHOOK_CONNECT_TIMEOUT, settings.WEBHOOK_READ_TIMEOUT),
            ip_filter_enable=True,
            ip_filter_allow_loopback_ips=host in settings.FETCH_ALLOWED_PRIVATE_HOSTS,
            never_redirect=True,
            user_agent_override=USER_AGENT,
        )
    ).get_session()


def _post(delivery):
    """(status code, None) when the partner took it (2xx); (status or None, why) if not."""
    endpoint = delivery.endpoint
    try:
        url = check_url(endpoint.url)
    except FetchError as exc:
        return None, str(exc)
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "X-Verify-Event": delivery.event,
        "X-Verify-Delivery": str(delivery.delivery_id),
        "X-Verify-Signature": sign(endpoint.secret, body),
    }
    try:
        with _session(urlsplit(url).hostname).post(
            url, data=body, headers=headers, stream=True
        ) as response:
            # Read a little of the answer, never all of it: a partner may send 50 MB.
            answer = b""
            for chunk in response.iter_content(16 * 1024):
                answer += chunk
                if len(answer) > ANSWER_BYTES_READ:
                    break
            status = response.status_code
    except InvalidIPAddress:
        return None, "The endpoint's address is on a private network; nothing was sent."
    except requests.exceptions.Timeout:
        return None, "The endpoint did not answer in time."
    except requests.exceptions.RequestException as exc:
        return None, f"Could not deliver ({type(exc).__name__})."
    if len(answer) > ANSWER_BYTES_READ:
        return status, (
            f"The endpoint answered with more than {ANSWER_BYTES_READ // 1024} KB; a webhook's "
            "answer must be short."
        )
    if 200 <= status < 300:
        return status, None
    if 300 <= status < 400:
        return status, f"The endpoint redirected (HTTP {status}); redirects are not followed."
    return status, f"The endpoint answered HTTP {status}."


def _record(delivery, status, error):
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = status
    delivery.last_error = (error or "")[:500]
    endpoint = delivery.endpoint
    if error is None:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = now
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
    else:
        too_old = now - delivery.created_at >= GIVE_UP_AFTER
        delivery.status = (
            WebhookDelivery.Status.GAVE_UP if too_old else WebhookDelivery.Status.FAILED
        )
        endpoint.consecutive_failures += 1
        if endpoint.consecutive_failures >= DISABLE_AFTER_FAILURES:
            endpoint.active = False
            endpoint.disabled_reason = (
                f"Switched off after {endpoint.consecutive_failures} failed attempts in a row; "
                f"last: {error}"
            )[:300]
        endpoint.save(update_fields=["consecutive_failures", "active", "disabled_reason"])
    delivery.save(
        update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at"]
    )
    return delivery


def deliver(delivery_id):
    """Send one delivery; None when done (delivered, or given up), else the seconds to wait
    before the next attempt. Idempotent: a delivered one is not sent again."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.DELIVERED,
        WebhookDelivery.Status.GAVE_UP,
    ):
        return None
    if not delivery.endpoint.active:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=WebhookDelivery.Status.GAVE_UP, last_error="The endpoint is switched off."
        )
        return None
    status, error = _post(delivery)
    delivery = _record(delivery, status, error)
    if delivery.status != WebhookDelivery.Status.FAILED:
        return None
    if not delivery.endpoint.active:  # this failure switched it off
        WebhookDelivery.objects.filter(pk=delivery.pk).update(status=WebhookDelivery.Status.GAVE_UP)
        return None
    wait = min(settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (delivery.attempts - 1), 3600)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() + timedelta(seconds=wait)
    )
    return wait


SWEEP_GRACE = timedelta(minutes=2)


def resend_overdue() -> int:
    """Send again the deliveries whose retry is overdue (or that were never tried), for
    beat: a retry the broker lost is not a delivery lost. Returns how many."""
    now = timezone.now()
    overdue = WebhookDelivery.objects.filter(
        status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.FAILED],
        created_at__gte=now - GIVE_UP_AFTER,
    ).filter(
        Q(next_attempt_at__lt=now - SWEEP_GRACE)
        | Q(next_attempt_at__isnull=True, created_at__lt=now - SWEEP_GRACE)
    )
    ids = list(overdue.values_list("pk", flat=True)[:500])
    for pk in ids:
        WebhookDelivery.objects.filter(pk=pk).update(next_attempt_at=now)
        outbox.enqueue("verify.deliver_webhook", delivery_id=pk)
    return len(ids)
