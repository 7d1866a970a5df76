"""Celery tasks: thin, idempotent, loading their objects by id and calling plain functions."""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError, transaction
from django.utils import timezone

from claims.models import Claim, Notification
from claims.notifications import editors, notify
from claims.platform import outbox

logger = logging.getLogger(__name__)

RETRYABLE = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(
    autoretry_for=RETRYABLE,
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def deliver_notification(notification_id):
    """E-mail one notification. Twice run, once sent: the row is locked and marked."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user", "claim")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at is not None:
            return "already sent" if notification else "gone"
        if notification.user.email:
            link = ""
            if notification.claim_id:
                link = f"\n\n{settings.SITE_URL}{notification.claim.get_absolute_url()}"
            send_mail(
                subject=f"[{settings.NEWSROOM_NAME}] {notification.message[:120]}",
                message=f"{notification.message}{link}",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[notification.user.email],
            )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return "sent"


@shared_task
def drain_outbox():
    return outbox.drain()


OPEN_WORK = [Claim.Status.ASSIGNED, Claim.Status.IN_RESEARCH, Claim.Status.IN_REVIEW]


@shared_task
def remind_deadlines(now=None):
    """Remind assignees a day ahead; tell them and the editors once a claim is overdue.

    Each reminder has a key naming the claim and its due time, so beat delivering this task
    twice, or running it every 15 minutes, reminds once per deadline.
    """
    now = timezone.now() if now is None else now
    soon = now + timedelta(hours=24)
    open_claims = Claim.objects.filter(status__in=OPEN_WORK, due_at__isnull=False)
    reminded = 0
    with transaction.atomic():
        for claim in open_claims.filter(due_at__gt=now, due_at__lte=soon).select_related(
            "assignee"
        ):
            key = f"due-soon:c{claim.pk}:{claim.due_at:%Y%m%d%H%M}"
            reminded += bool(notify(claim.assignee, claim, key, f"Due within a day: {claim}"))
        overdue = list(open_claims.filter(due_at__lte=now).select_related("assignee"))
        the_editors = list(editors())
        for claim in overdue:
            key = f"overdue:c{claim.pk}:{claim.due_at:%Y%m%d%H%M}"
            for user in {claim.assignee, *the_editors} - {None}:
                reminded += bool(notify(user, claim, key, f"Overdue: {claim}"))
    return reminded


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=5, max_retries=5)
def archive_evidence(evidence_id):
    """Fetch and keep a copy of an evidence source. Done once: an archived copy stays."""
    from claims.ingest.fetch import FetchError, fetch
    from claims.models import Evidence

    evidence = Evidence.objects.filter(pk=evidence_id).first()
    if evidence is None or evidence.archive_status == Evidence.ArchiveStatus.ARCHIVED:
        return "nothing to do"
    try:
        page = fetch(evidence.url)
    except FetchError as exc:
        Evidence.objects.filter(pk=evidence_id).update(
            archive_status=Evidence.ArchiveStatus.FAILED, archive_error=str(exc)
        )
        return "failed"
    Evidence.objects.filter(pk=evidence_id).exclude(
        archive_status=Evidence.ArchiveStatus.ARCHIVED
    ).update(
        archive_status=Evidence.ArchiveStatus.ARCHIVED,
        archived_snapshot=page.content,
        archived_sha256=page.sha256,
        archived_at=page.fetched_at,
        archive_error="",
    )
    return "archived"


@shared_task(autoretry_for=RETRYABLE, retry_backoff=5, max_retries=8)
def verdict_published(claim_id):
    """A verdict went public, changed or was retracted: readers must see it now, and the
    readers who asked for it hear about it (once)."""
    from claims.public.page_cache import invalidate
    from claims.public.reader_requests import tell_subscribers

    invalidate()
    from claims.selectors import published_verdicts

    verdict = published_verdicts().filter(claim_id=claim_id).first()
    return tell_subscribers(verdict.claim) if verdict else 0


# --- ingestion (claims/ingest/pipeline.py) ----------------------------------------------------


def _step(step, article_id):
    """Run one pipeline step; a bug fails the article with a message instead of hanging it."""
    from claims.ingest.pipeline import fail_article

    try:
        return step(article_id)
    except DatabaseError:
        raise  # retried: the database may be back in a moment
    except Exception:
        logger.exception("ingestion step %s failed for article %s", step.__name__, article_id)
        fail_article(article_id, "Something went wrong while reading this article. Try again.")
        return "failed"


INGEST_RETRY = {"autoretry_for": (OSError, DatabaseError), "retry_backoff": 5, "max_retries": 5}


@shared_task(**INGEST_RETRY)
def fetch_article(article_id):
    from claims.ingest.pipeline import fetch_step

    return _step(fetch_step, article_id)


@shared_task(**INGEST_RETRY)
def extract_article(article_id):
    from claims.ingest.pipeline import extract_step

    return _step(extract_step, article_id)


@shared_task(**INGEST_RETRY)
def suggest_claims(article_id):
    from claims.ingest.pipeline import suggest_step

    return _step(suggest_step, article_id)


@shared_task
def resume_stalled_ingestions():
    from claims.ingest.pipeline import resume_stalled

    return resume_stalled()
