"""In-app notifications, each e-mailed once by a task."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import ADMIN, EDITOR
from claims.models import Notification
from claims.platform import outbox


def notify(user, claim, key: str, message: str):
    """Notify `user` once per `key`: a second call with the same key does nothing."""
    if user is None or not user.is_active:
        return None
    notification, created = Notification.objects.get_or_create(
        key=f"{key}:u{user.pk}", defaults={"user": user, "claim": claim, "message": message[:500]}
    )
    if created:
        from claims.tasks import deliver_notification  # the tasks module notifies too

        outbox.enqueue(deliver_notification.name, notification_id=notification.pk)
    return notification


def editors():
    return (
        get_user_model().objects.filter(is_active=True, groups__name__in=[EDITOR, ADMIN]).distinct()
    )


def prune_read(older_than) -> int:
    """Forget notifications read more than `older_than` ago; unread ones are always kept."""
    cutoff = timezone.now() - older_than
    deleted, _ = Notification.objects.filter(read_at__lt=cutoff).delete()
    return deleted


def prune() -> dict:
    """Delete what the newsroom no longer needs: delivered outbox rows after
    PRUNE_OUTBOX_DAYS, read notifications after PRUNE_NOTIFICATIONS_DAYS."""
    return {
        "outbox messages": outbox.prune_delivered(timedelta(days=settings.PRUNE_OUTBOX_DAYS)),
        "notifications": prune_read(timedelta(days=settings.PRUNE_NOTIFICATIONS_DAYS)),
    }
