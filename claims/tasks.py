"""The newsroom's Celery tasks: thin, idempotent, loading their objects by id and calling
plain functions. Ingestion's tasks are in claims/ingest/tasks.py.

Every task has a fixed `name=`: outbox rows and broker messages carry it, so moving or
renaming a function never strands a pending message. LEGACY_NAMES keeps the names tasks had
before they were fixed, for messages written then.
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from claims import notifications, workflow
from claims.models import Claim, Notification
from claims.notifications import editors, notify
from claims.platform import outbox

logger = logging.getLogger(__name__)

RETRYABLE = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)


@shared_task(
    name="verify.deliver_notification",
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
                link = f"\n\n{settings.SITE_URL}{notification.claim.newsroom_url()}"
            send_mail(
                subject=f"[{settings.NEWSROOM_NAME}] {notification.message[:120]}",
                message=f"{notification.message}{link}",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[notification.user.email],
            )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return "sent"


@shared_task(name="verify.drain_outbox")
def drain_outbox():
    return outbox.drain()


@shared_task(name="verify.remind_deadlines")
def remind_deadlines(now=None):
    """Remind assignees a day ahead; tell them and the editors once a claim is overdue.

    Each reminder has a key naming the claim and its due time, so beat delivering this task
    twice, or running it every 15 minutes, reminds once per deadline.
    """
    now = timezone.now() if now is None else now
    soon = now + timedelta(hours=24)
    open_claims = Claim.objects.filter(status__in=workflow.ASSIGNED_WORK, due_at__isnull=False)
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


@shared_task(
    name="verify.archive_evidence",
    autoretry_for=(ConnectionError,),
    retry_backoff=5,
    max_retries=5,
)
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


@shared_task(name="verify.verdict_changed", autoretry_for=RETRYABLE, retry_backoff=5, max_retries=8)
def verdict_changed(claim_id):
    """A verdict was published, corrected or retracted: readers must see it now, and the
    readers who asked for it hear about it (once)."""
    from claims.platform import replica
    from claims.public import cache_tags
    from claims.public.page_cache import invalidate
    from claims.public.reader_requests import tell_subscribers

    # Readers' pages may be read from the replica: refresh the caches once it has the change.
    replica.wait_until_replayed()
    invalidate()
    from claims.models import Verdict
    from claims.public import followers
    from claims.selectors import published_verdicts

    changed = Verdict.objects.select_related("claim__speaker", "rating").filter(claim_id=claim_id)
    if (verdict := changed.first()) is not None and settings.CACHE_PURGE_URLS:
        tags = cache_tags.changed_by(verdict)
        purge_cache_tags.delay(tags=tags)
        # Again once web processes' own second of memory has passed: a proxy that fetched
        # the page from one of them meanwhile got the old copy.
        purge_cache_tags.apply_async(
            kwargs={"tags": tags}, countdown=settings.PUBLIC_LOCAL_CACHE_SECONDS + 1
        )
    if verdict is not None and verdict.published_at:
        followers.tell_followers(verdict)  # also of a retraction, which readers lists drop
    verdict = published_verdicts().filter(claim_id=claim_id).first()
    return tell_subscribers(verdict.claim) if verdict else 0


@shared_task(name="verify.prune")
def prune_old_rows():
    """Daily, from beat: the same as `manage.py prune`."""
    return notifications.prune()


def _register_legacy_names():
    """Accept messages written under the dotted names tasks had before names were fixed."""
    from claims.ingest import tasks as ingest

    legacy = {
        "claims.tasks.deliver_notification": deliver_notification,
        "claims.tasks.drain_outbox": drain_outbox,
        "claims.tasks.remind_deadlines": remind_deadlines,
        "claims.tasks.archive_evidence": archive_evidence,
        "claims.tasks.verdict_published": verdict_changed,
        "claims.tasks.fetch_article": ingest.fetch_article,
        "claims.tasks.extract_article": ingest.extract_article,
        "claims.tasks.suggest_claims": ingest.suggest_claims,
        "claims.tasks.resume_stalled_ingestions": ingest.resume_stalled_ingestions,
    }
    for old_name, task in legacy.items():
        shared_task(name=old_name)(task.run)
    return legacy


LEGACY_NAMES = _register_legacy_names()

# Matching by meaning's tasks live beside it; importing them here registers them.
from claims.meaning import tasks as _meaning_tasks  # noqa: E402,F401


@shared_task(name="verify.deliver_webhook")
def deliver_webhook(delivery_id):
    """Send one webhook delivery; while it fails, try again later (exponential back-off, for
    24 hours). Delivered once: a delivered row is never sent again."""
    from claims.partners import webhooks

    wait = webhooks.deliver(delivery_id)
    if wait is None:
        return "done"
    deliver_webhook.apply_async(kwargs={"delivery_id": delivery_id}, countdown=wait)
    return f"retry in {wait:g} s"


@shared_task(name="verify.build_open_data")
def build_open_data():
    """The nightly open-data files: every published verdict, JSON and CSV."""
    from claims.public import open_data

    return open_data.build()


@shared_task(name="verify.confirm_follow", autoretry_for=RETRYABLE, retry_backoff=5, max_retries=8)
def confirm_follow(follow_id):
    """The double opt-in mail: the only one a follow gets before it is confirmed."""
    from claims.public import followers

    return followers.send_confirmation(follow_id)


@shared_task(name="verify.resend_overdue_webhooks")
def resend_overdue_webhooks():
    """Beat: webhook deliveries whose retry is overdue are sent again."""
    from claims.partners import webhooks

    return webhooks.resend_overdue()


@shared_task(name="verify.import_fact_checks")
def import_fact_checks():
    """Beat: read every active source of other outlets' fact-checks, one task each."""
    from claims.models import FactCheckSource

    ids = list(FactCheckSource.objects.filter(active=True).values_list("pk", flat=True))
    for pk in ids:
        import_fact_check_source.delay(source_id=pk)
    return len(ids)


@shared_task(name="verify.import_fact_check_source")
def import_fact_check_source(source_id):
    """Read one source of other outlets' fact-checks; by URL, so running it twice updates."""
    from claims.models import FactCheckSource
    from claims.partners import elsewhere

    source = FactCheckSource.objects.filter(pk=source_id, active=True).first()
    if source is None:
        return "gone"
    report = elsewhere.import_source(source)
    return f"{report.imported} new, {report.updated} updated, {len(report.skipped)} skipped"


@shared_task(name="verify.purge_cache_tags", bind=True, max_retries=8)
def purge_cache_tags(self, tags):
    """Tell the caching proxies (CACHE_PURGE_URLS) to drop the pages carrying these tags;
    a proxy that did not answer is told again (a purge twice is harmless)."""
    from claims.public import cache_tags

    try:
        return cache_tags.purge(tags)
    except cache_tags.PurgeFailed as exc:
        raise self.retry(exc=exc, countdown=min(2**self.request.retries, 60)) from None
