"""manage.py prune (and beat, daily) forgets only what nobody needs any more."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from claims.models import Notification, OutboxMessage

pytestmark = pytest.mark.django_db


def test_prune_deletes_old_delivered_messages_and_old_read_notifications(make_user, capsys):
    now = timezone.now()
    old, recent = now - timedelta(days=400), now - timedelta(days=1)
    delivered_long_ago = OutboxMessage.objects.create(task="verify.x", sent_at=old)
    delivered_lately = OutboxMessage.objects.create(task="verify.x", sent_at=recent)
    never_sent = OutboxMessage.objects.create(task="verify.x")
    OutboxMessage.objects.filter(pk=never_sent.pk).update(created_at=old)
    user = make_user()
    read_long_ago = Notification.objects.create(user=user, key="a", message="a", read_at=old)
    read_lately = Notification.objects.create(user=user, key="b", message="b", read_at=recent)
    unread = Notification.objects.create(user=user, key="c", message="c", created_at=old)

    call_command("prune")

    assert "1 outbox messages deleted, 1 notifications deleted." in capsys.readouterr().out
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {
        delivered_lately.pk,
        never_sent.pk,
    }
    assert set(Notification.objects.values_list("pk", flat=True)) == {read_lately.pk, unread.pk}
    assert not OutboxMessage.objects.filter(pk=delivered_long_ago.pk).exists()
    assert not Notification.objects.filter(pk=read_long_ago.pk).exists()


def test_beat_prunes_every_day():
    assert settings.CELERY_BEAT_SCHEDULE["prune"]["task"] == "verify.prune"


def test_the_outbox_can_be_drained_and_ingestions_resumed_by_hand(capsys):
    from claims.models import Article

    call_command("drain_outbox")
    assert "0 message(s) sent." in capsys.readouterr().out
    stuck = Article.objects.create(url="https://example.org/stuck", status=Article.Status.QUEUED)
    Article.objects.filter(pk=stuck.pk).update(updated_at=timezone.now() - timedelta(hours=1))

    call_command("resume_ingestions", "--minutes", "30")

    assert "1 article(s) enqueued again." in capsys.readouterr().out
    assert OutboxMessage.objects.filter(task="verify.ingest.fetch_article").count() == 1
