"""Tasks are addressed by fixed names, so a message written before a move still runs."""

import pytest

from claims import tasks
from claims.models import Notification, OutboxMessage
from claims.platform import outbox
from tests.conftest import wait_for
from tests.newsroom.test_notifications import desk, emailed  # noqa: F401 - a fixture
from verify.celery import app as celery_app


def test_every_task_has_a_fixed_name_and_old_names_only_as_aliases():
    celery_app.loader.import_default_modules()
    ours = {name for name in celery_app.tasks if not name.startswith("celery.")}
    assert {n for n in ours if not n.startswith("verify.")} == set(tasks.LEGACY_NAMES)
    assert "verify.verdict_changed" in ours


@pytest.mark.parametrize("old_name", ["claims.tasks.deliver_notification"])
def test_an_outbox_row_written_under_an_old_name_is_delivered(worker, desk, old_name):  # noqa: F811
    notification = Notification.objects.create(
        user=desk["checker"], key="before-the-move", message="Written before the move"
    )
    row = OutboxMessage.objects.create(task=old_name, kwargs={"notification_id": notification.pk})

    assert outbox.send(row.pk)

    wait_for(lambda: emailed(notification), message="the message under its old name")
    assert sum("Written before the move" in m for m in worker.sent_mail()) == 1
