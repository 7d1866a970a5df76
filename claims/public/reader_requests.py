"""'Ask us to check': reader requests, matched and counted, and the one e-mail each gets."""

from django.conf import settings
from django.contrib.postgres.search import TrigramSimilarity
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from claims.models import ReaderRequest, ReaderSubscription
from claims.platform import outbox

SAME_REQUEST_SIMILARITY = 0.55


def matching_request(text, url):
    if url:
        same_url = ReaderRequest.objects.filter(url=url).first()
        if same_url:
            return same_url
    return (
        ReaderRequest.objects.annotate(similarity=TrigramSimilarity("text", text))
        .filter(similarity__gte=SAME_REQUEST_SIMILARITY)
        .order_by("-similarity")
        .first()
    )


@transaction.atomic
def request_check(text, url="", email=""):
    """Record a reader's request; a repeat of an earlier one raises that one's count."""
    text = " ".join(text.split())
    existing = matching_request(text, url)
    if existing:
        ReaderRequest.objects.filter(pk=existing.pk).update(
            count=F("count") + 1, last_requested_at=timezone.now()
        )
        request = ReaderRequest.objects.get(pk=existing.pk)
    else:
        request = ReaderRequest.objects.create(text=text, url=url)
        # Matched by meaning in the worker: if we have the claim, this is demand on it.
        outbox.enqueue("verify.match_reader_request", request_id=request.pk)
    if email:
        ReaderSubscription.objects.get_or_create(request=request, email=email.lower())
    return request


def tell_subscribers(claim):
    """E-mail every subscriber of the claim's requests once, now that its verdict is out."""
    verdict = claim.verdict
    sent = 0
    subscriptions = ReaderSubscription.objects.filter(
        request__claim=claim, notified_at__isnull=True, unsubscribed_at__isnull=True
    )
    for pk in subscriptions.values_list("pk", flat=True):
        with transaction.atomic():
            sub = (
                ReaderSubscription.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, notified_at__isnull=True, unsubscribed_at__isnull=True)
                .first()
            )
            if sub is None:
                continue
            unsubscribe = settings.SITE_URL + reverse("public:unsubscribe", args=[sub.token])
            send_mail(
                subject=f"[{settings.NEWSROOM_NAME}] {verdict.rating}: {claim}",
                message=(
                    f"You asked us to check: {sub.request.text}\n\n"
                    f"Our verdict: {verdict.rating}. {verdict.summary}\n"
                    f"{settings.SITE_URL}{verdict.public_url()}\n\n"
                    f"You will not hear from us again about this request. "
                    f"To forget your address now: {unsubscribe}"
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[sub.email],
            )
            sub.notified_at = timezone.now()
            sub.save(update_fields=["notified_at"])
            sent += 1
    return sent
