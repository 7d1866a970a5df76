"""In-app notifications, each e-mailed once by a task."""

from django.contrib.auth import get_user_model

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
