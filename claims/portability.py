"""A whole newsroom as one JSON document, and back: `manage.py export` and `manage.py import`.

Everything the newsroom knows is in it: people (by user name, with their roles, without
password hashes), sides, actors and aliases, outlets, topics, articles with their archived
snapshots, suggestions, claims and their links, evidence, rating scales, verdicts,
corrections, notes, replies, conflicts of interest, the audit trail and readers' requests.
Primary keys are kept, so links stay links; generated search vectors are left out and
rebuilt by PostgreSQL. Importing an export into an empty newsroom and exporting again gives
the same document. Operational rows (notifications, the outbox, saved filters, login
attempts) are not part of it, nor are second-factor devices: like passwords, they are set
up anew by each person after an import.

An import trusts nothing in the document: each section may hold only records of its own
model, people come without passwords, permissions or superuser status (roles only), a name
that already exists is refused, and API tokens and second-factor devices are never read.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction

from accounts import roles
from claims import models

FORMAT = "verify-newsroom"
VERSION = 1
MODELS = [
    models.Side,
    models.Topic,
    models.Outlet,
    models.Actor,
    models.ActorAlias,
    models.Article,
    models.RatingScale,
    models.Rating,
    models.Claim,
    models.ClaimSuggestion,
    models.ClaimLink,
    models.Evidence,
    models.Verdict,
    models.Correction,
    models.Note,
    models.ReplyAttempt,
    models.ConflictOfInterest,
    models.AuditEvent,
    models.ReaderRequest,
    models.ReaderSubscription,
]
USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
    "groups",
]


class ImportRefused(Exception):
    """Why a document was not imported; nothing was changed."""


class _LosslessEncoder(DjangoJSONEncoder):
    """Django's JSON rounds times to milliseconds; an export must give back what it took."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _records(queryset, **options):
    generated = {f.name for f in queryset.model._meta.fields if getattr(f, "generated", False)}
    records = serializers.serialize("python", queryset, use_natural_foreign_keys=True, **options)
    records = json.loads(json.dumps(records, cls=_LosslessEncoder))
    for record in records:
        for name in generated:
            record["fields"].pop(name, None)
    return records


def export_newsroom() -> dict:
    users = get_user_model().objects.order_by("username")
    data = {
        "format": FORMAT,
        "version": VERSION,
        "users": _records(users, fields=USER_FIELDS, use_natural_primary_keys=True),
    }
    for model in MODELS:
        data[model._meta.label_lower] = _records(model.objects.order_by("pk"))
    return data


def _check(data):
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused("This is not a verify newsroom export.")
    if data.get("version") != VERSION:
        raise ImportRefused(f"This export is version {data.get('version')}; we read {VERSION}.")
    if models.Claim.objects.exists() or models.Article.objects.exists():
        raise ImportRefused(
            "This newsroom already has articles or claims; import into an empty one."
        )


SECTIONS = {"users": "auth.user", **{m._meta.label_lower: m._meta.label_lower for m in MODELS}}


def _check_section(section, records):
    """Every record of `section` is of the section's own model, with fields as a mapping."""
    label = SECTIONS[section]
    if not isinstance(records, list):
        raise ImportRefused(f"The section “{section}” is not a list of records.")
    for number, record in enumerate(records, 1):
        kind = record.get("model") if isinstance(record, dict) else type(record).__name__
        if kind != label:
            raise ImportRefused(
                f"Record {number} of “{section}” is a “{kind}” record; this section holds "
                f"only “{label}” records."
            )
        if not isinstance(record.get("fields"), dict):
            raise ImportRefused(f"Record {number} of “{section}” has no fields.")


def _check_people(records):
    """People come with their names and roles only, and never replace someone who exists."""
    existing = get_user_model().objects.values_list("username", flat=True)
    for number, record in enumerate(records, 1):
        fields = record["fields"]
        if extra := sorted(set(fields) - set(USER_FIELDS)):
            raise ImportRefused(
                f"Person {number} carries {', '.join(extra)}: passwords, permissions and "
                "log-in records are never imported."
            )
        groups = fields.get("groups", [])
        if not isinstance(groups, list) or any(
            not isinstance(g, list) or len(g) != 1 or g[0] not in roles.ROLES for g in groups
        ):
            raise ImportRefused(
                f"Person {number} has a role that is not one of {', '.join(roles.ROLES)}."
            )
        if fields.get("username") in set(existing):
            raise ImportRefused(
                f"Someone called “{fields.get('username')}” already exists here; "
                "import into an empty newsroom."
            )
        fields["is_superuser"] = False  # a superuser is made here, never imported


@transaction.atomic
def import_newsroom(data) -> int:
    """Load an export into an empty newsroom; returns how many rows were written."""
    _check(data)
    if unknown := sorted(set(data) - set(SECTIONS) - {"format", "version"}):
        raise ImportRefused(f"The export has sections we never import: {', '.join(unknown)}.")
    for section in SECTIONS:
        _check_section(section, data.get(section, []))
    _check_people(data.get("users", []))
    try:
        return _load(data)
    except (DeserializationError, ValidationError, IntegrityError, ValueError) as exc:
        raise ImportRefused(f"The export could not be read: {exc}"[:500]) from None


def _load(data):
    rows = 0
    for user in serializers.deserialize("json", json.dumps(data.get("users", []))):
        user.object.set_unusable_password()
        user.save()
        rows += 1
    for model in MODELS:
        records = data.get(model._meta.label_lower, [])
        for obj in serializers.deserialize("json", json.dumps(records)):
            obj.save()
            rows += 1
    _reset_sequences()
    return rows


def _reset_sequences():
    """The next new row after an import gets a fresh id, not one the import used."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(_NoStyle(), MODELS):
            cursor.execute(sql)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text
