"""Tasks enqueued through a transactional outbox.

enqueue() writes the task into the same transaction as the change that causes it. After the
commit the message is sent to the broker at once; if the broker is down at that moment, the
row stays unsent and drain_outbox (every 30 s, by beat) sends it later. Nothing is lost, and
the tasks are idempotent, so a message sent twice still does its work once.
"""

import logging

from django.db import transaction
from django.utils import timezone

from claims.models import OutboxMessage
from verify.celery import app as celery_app

logger = logging.getLogger(__name__)


def enqueue(task: str, **kwargs):
    message = OutboxMessage.objects.create(task=task, kwargs=kwargs)
    transaction.on_commit(lambda: send(message.pk))
    return message


def send(message_id) -> bool:
    """Send one message to the broker unless it was sent already. True when it is sent."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        try:
            celery_app.send_task(message.task, kwargs=message.kwargs)
        except Exception as exc:  # noqa: BLE001 - any broker failure leaves it for the drain
            logger.warning("outbox: %s not sent yet: %s", message, exc)
            message.attempts += 1
            message.last_error = f"{type(exc).__name__}: {exc}"[:1000]
            message.save(update_fields=["attempts", "last_error"])
            return False
        message.sent_at = timezone.now()
        message.attempts += 1
        message.save(update_fields=["sent_at", "attempts"])
        return True


def drain(limit=500) -> int:
    """Send what is still unsent, oldest first. Returns how many were sent."""
    pending = OutboxMessage.objects.filter(sent_at__isnull=True).values_list("pk", flat=True)
    return sum(send(pk) for pk in list(pending[:limit]))


def prune_delivered(older_than) -> int:
    """Forget messages delivered more than `older_than` ago; unsent ones are always kept."""
    cutoff = timezone.now() - older_than
    deleted, _ = OutboxMessage.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
