"""manage.py export / import: a whole newsroom round-trips exactly."""

import json
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from claims import actions
from claims.demo.newsroom import load_demo
from claims.models import AuditEvent, Claim, ClaimLink, Verdict
from claims.portability import MODELS

pytestmark = pytest.mark.django_db


def empty_the_newsroom():
    tables = [m._meta.db_table for m in MODELS] + ["claims_claim_topics"]
    tables += ["claims_notification", "claims_outboxmessage", "claims_savedfilter"]
    tables += ["auth_user_groups", "auth_user", "axes_accessattempt"]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")


def test_a_newsroom_exported_and_imported_into_an_empty_one_is_the_same(tmp_path):
    demo = load_demo()
    claim = demo["claims"]["phosphorus"]
    actions.add_note(claim, demo["users"]["Editor"], "Ask the ministry for the footage.")
    before = tmp_path / "before.json"
    call_command("export", str(before))
    exported = json.loads(before.read_text())
    assert exported["claims.claim"] and exported["claims.auditevent"]
    assert "search" not in exported["claims.claim"][0]["fields"]
    assert "password" not in exported["users"][0]["fields"]

    empty_the_newsroom()
    assert not Claim.objects.exists()
    call_command("import", str(before))

    after = tmp_path / "after.json"
    call_command("export", str(after))
    assert json.loads(after.read_text()) == exported
    phosphorus = Claim.objects.get(pk=claim.pk)
    assert phosphorus.search  # rebuilt by PostgreSQL
    assert Claim.objects.counter_claims_of(phosphorus).exists()
    assert AuditEvent.objects.filter(claim=phosphorus).count() == (
        len([e for e in exported["claims.auditevent"] if e["fields"]["claim"] == claim.pk])
    )
    editor = get_user_model().objects.get(username="editor")
    assert editor.groups.filter(name="Editor").exists()
    assert not editor.has_usable_password()
    # New rows get new ids after an import.
    new = Claim.objects.create(text="A new claim after the import.")
    assert new.pk > max(r["pk"] for r in exported["claims.claim"])
    assert ClaimLink.objects.count() == len(exported["claims.claimlink"])
    assert Verdict.objects.count() == len(exported["claims.verdict"])


def test_times_keep_their_microseconds_through_export_and_import(tmp_path):
    """A JSON export that rounded to milliseconds would turn 12:00:00.000500 into 12:00:00."""
    demo = load_demo()
    claim = demo["claims"]["phosphorus"]
    moment = datetime(2020, 11, 2, 12, 0, 0, 500, tzinfo=UTC)
    Claim.objects.filter(pk=claim.pk).update(created_at=moment)
    path = tmp_path / "newsroom.json"
    call_command("export", str(path))

    empty_the_newsroom()
    call_command("import", str(path))
    assert Claim.objects.get(pk=claim.pk).created_at == moment


def test_import_refuses_a_newsroom_that_has_claims_and_changes_nothing(tmp_path):
    load_demo()
    export = tmp_path / "newsroom.json"
    call_command("export", str(export))
    count = Claim.objects.count()
    with pytest.raises(CommandError, match="already has articles or claims"):
        call_command("import", str(export))
    assert Claim.objects.count() == count


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not a JSON export"),
        ('{"format": "something-else"}', "not a verify newsroom export"),
        ('{"format": "verify-newsroom", "version": 99}', "version 99"),
        ("[]", "not a verify newsroom export"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import", str(path))
