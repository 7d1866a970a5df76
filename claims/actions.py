"""The newsroom's actions. Views, the API, the admin and commands all call these.

Each action asks workflow.check() first, changes rows locked in one transaction, writes the
audit event, and enqueues its notifications through the outbox (sent after the commit).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import tasks, workflow
from claims.models import (
    AuditEvent,
    Claim,
    ClaimLink,
    ConflictOfInterest,
    Correction,
    Evidence,
    Note,
    ReplyAttempt,
    TakeRequest,
    Verdict,
)
from claims.notifications import editors, notify
from claims.partners import webhooks
from claims.platform import outbox
from claims.platform.security import strip_control_characters

S = Claim.Status


class ConcurrentEdit(Exception):
    """Someone saved this since the user loaded it. `current` is what they saved."""

    def __init__(self, current, changed_by=None):
        self.current = current
        self.changed_by = changed_by
        super().__init__(_("Someone else saved this while you were editing it."))


CLAIM_FIELDS = ["status", "assignee_id", "due_at", "text", "checkable_text", "speaker_id"]
VERDICT_FIELDS = ["rating_id", "headline", "claim_reviewed", "summary", "explanation"]


def snapshot(obj, fields):
    return {f: _json(getattr(obj, f)) for f in fields}


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def diff(before, after):
    return {k: [before[k], after[k]] for k in before if before[k] != after.get(k)}


def audit(claim, by, action, summary="", before=None, after=None, subject=""):
    """One event in the append-only trail: about `claim`, or else about `subject`."""
    return AuditEvent.objects.create(
        claim=claim,
        subject=subject,
        actor=by,
        action=action,
        summary=summary[:300],
        before=before or {},
        after=after or {},
    )


def _locked(claim) -> Claim:
    return (
        Claim.objects.select_for_update(of=("self",))
        .select_related("speaker__side")
        .get(pk=claim.pk)
    )


def _move(claim, by, name, data=None, **changes):
    """Check and make transition `name`; returns the locked claim, moved and saved."""
    claim = _locked(claim)
    transition = workflow.check(by, name, claim, data)
    before = snapshot(claim, CLAIM_FIELDS)
    claim.status = transition.target
    for attr, value in changes.items():
        setattr(claim, attr, value)
    claim.version = F("version") + 1
    claim.save()
    claim.refresh_from_db()
    after = snapshot(claim, CLAIM_FIELDS)
    summary = (data or {}).get("comment") or (data or {}).get("reason") or ""
    audit(claim, by, name, str(summary), before, after)
    return claim


def _name(user):
    return user.get_full_name() or user.username


@transaction.atomic
def select_claim(claim, by):
    return _move(claim, by, "select")


@transaction.atomic
def reject_claim(claim, by, reason):
    return _move(claim, by, "reject", {"reason": reason}, rejection_reason=reason.strip())


@transaction.atomic
def reopen_claim(claim, by):
    return _move(claim, by, "reopen", rejection_reason="")


@transaction.atomic
def assign_claim(claim, by, assignee, due_at=None):
    claim = _move(
        claim,
        by,
        "assign",
        {"assignee": assignee, "due_at": due_at},
        assignee=assignee,
        due_at=due_at,
    )
    due = f" (due {due_at:%d %b %H:%M})" if due_at else ""
    notify(
        assignee,
        claim,
        f"assigned:c{claim.pk}:v{claim.version}",
        _("%(editor)s assigned you a claim%(due)s: %(claim)s")
        % {"editor": _name(by), "due": due, "claim": claim},
    )
    return claim


@transaction.atomic
def start_research(claim, by):
    return _move(claim, by, "start_research")


@transaction.atomic
def submit_for_review(claim, by):
    claim = _move(claim, by, "submit_for_review")
    for editor in editors().exclude(pk=by.pk):
        notify(
            editor,
            claim,
            f"review:c{claim.pk}:v{claim.version}",
            _("%(who)s sent a verdict for review: %(claim)s") % {"who": _name(by), "claim": claim},
        )
    return claim


@transaction.atomic
def return_to_research(claim, by, comment):
    claim = _move(claim, by, "return_to_research", {"comment": comment})
    Note.objects.create(claim=claim, author=by, body=_("Returned from review: %s") % comment)
    notify(
        claim.assignee,
        claim,
        f"returned:c{claim.pk}:v{claim.version}",
        _("%(editor)s returned your verdict: %(comment)s")
        % {"editor": _name(by), "comment": comment},
    )
    return claim


@transaction.atomic
def publish_verdict(
    claim,
    by,
    confirmed=False,
    accept_unarchived=False,
    no_reply_sought=False,
    no_counter_claims=False,
    sources_exception="",
):
    """Publish after the checklist: `confirmed` that the preview was read; the other flags
    accept a checklist item as it is (recorded in the audit trail with the editor's name);
    `sources_exception`: why fewer independent sources than required will do (readers see
    it)."""
    sources_exception = strip_control_characters((sources_exception or "").strip())
    data = {
        "confirmed": confirmed,
        "accept_unarchived": accept_unarchived,
        "no_reply_sought": no_reply_sought,
        "no_counter_claims": no_counter_claims,
        "sources_exception": sources_exception,
    }
    locked = _locked(claim)
    accepted = workflow.publish_ticks(locked, data)
    short_of_sources = workflow.independent_sources(locked) < settings.SOURCES_REQUIRED
    data["comment"] = (
        _("Accepted as it is: %(items)s") % {"items": "; ".join(accepted)} if accepted else ""
    )
    claim = _move(claim, by, "publish", data)
    now = timezone.now()
    Verdict.objects.filter(claim=claim).update(
        reviewer=by,
        published_at=now,
        version=F("version") + 1,
        sourcing_exception=sources_exception if short_of_sources else "",
    )
    if short_of_sources:
        audit(claim, by, "sourcing_exception", sources_exception[:300],
              after={"sources_exception": sources_exception})  # fmt: skip
    _tell_partners("verdict.published", claim)
    for user in {claim.assignee, claim.verdict.author} - {None, by}:
        notify(
            user,
            claim,
            f"published:c{claim.pk}:v{claim.version}",
            _("%(editor)s published the verdict on: %(claim)s")
            % {"editor": _name(by), "claim": claim},
        )
    outbox.enqueue(tasks.verdict_changed.name, claim_id=claim.pk)
    return claim


def _tell_partners(event, claim, correction=None):
    """Webhook deliveries for the partners who want `event`, sent after the commit."""
    verdict = Verdict.objects.select_related("rating", "claim__speaker__side").get(claim=claim)
    webhooks.announce(event, webhooks.verdict_payload(verdict, event, correction))


@transaction.atomic
def retract_verdict(claim, by, reason):
    claim = _move(claim, by, "retract", {"reason": reason})
    Verdict.objects.filter(claim=claim).update(
        retracted_at=timezone.now(),
        retraction_reason=strip_control_characters(reason.strip()),
        version=F("version") + 1,
    )
    _tell_partners("verdict.retracted", claim)
    outbox.enqueue(tasks.verdict_changed.name, claim_id=claim.pk)
    return claim


def _apply_verdict_changes(claim, by, changes, version):
    """Save `changes` to the claim's verdict if nobody saved it since `version`."""
    verdict, created = Verdict.objects.select_for_update().get_or_create(
        claim=claim, defaults={"author": by}
    )
    if not created and version is not None and verdict.version != int(version):
        last = claim.audit_events.filter(action__in=["verdict", "correct"]).last()
        raise ConcurrentEdit(verdict, last.actor if last else None)
    before = snapshot(verdict, VERDICT_FIELDS)
    for attr, value in changes.items():
        setattr(verdict, attr, value)
    if verdict.author_id is None:
        verdict.author = by
    verdict.version = F("version") + 1
    verdict.save()
    verdict.refresh_from_db()
    return verdict, before, snapshot(verdict, VERDICT_FIELDS)


@transaction.atomic
def save_verdict(claim, by, version=None, **changes):
    """Save the draft. `version` is what the user's form was loaded with (optimistic lock)."""
    claim = _locked(claim)
    workflow.require(workflow.verdict_edit_refusal(by, claim))
    verdict, before, after = _apply_verdict_changes(claim, by, changes, version)
    if changed := diff(before, after):
        audit(
            claim,
            by,
            "verdict",
            _("Verdict draft edited"),
            {k: v[0] for k, v in changed.items()},
            {k: v[1] for k, v in changed.items()},
        )
    return verdict


@transaction.atomic
def record_correction(claim, by, kind, note, version=None, **changes):
    """Change a published verdict with a public label: CORRECTION or UPDATE."""
    claim = _locked(claim)
    workflow.check(by, "correct", claim, {"kind": kind, "note": note})
    if kind not in Correction.Kind.values:
        raise workflow.NotReady([_("Say whether this is a correction or an update.")])
    previous_rating = claim.verdict.rating
    verdict, before, after = _apply_verdict_changes(claim, by, changes, version)
    changed = diff(before, after)
    correction = Correction.objects.create(
        verdict=verdict,
        kind=kind,
        note=note.strip(),
        previous_rating=previous_rating,
        new_rating=verdict.rating,
        changes=changed,
        created_by=by,
    )
    # Once corrected, a verdict stays marked "Corrected" in lists; later updates don't hide it.
    if verdict.last_notice != Correction.Kind.CORRECTION:
        Verdict.objects.filter(pk=verdict.pk).update(last_notice=kind)
    event = "verdict.corrected" if kind == Correction.Kind.CORRECTION else "verdict.updated"
    _tell_partners(event, claim, correction)
    audit(
        claim,
        by,
        "correct",
        f"{correction.get_kind_display()}: {note}",
        {k: v[0] for k, v in changed.items()},
        {k: v[1] for k, v in changed.items()},
    )
    for user in {claim.assignee, verdict.author} - {None, by}:
        notify(
            user,
            claim,
            f"corrected:c{claim.pk}:k{correction.pk}",
            _("%(kind)s published on: %(claim)s")
            % {"kind": correction.get_kind_display(), "claim": claim},
        )
    outbox.enqueue(tasks.verdict_changed.name, claim_id=claim.pk)
    return correction


@transaction.atomic
def edit_claim(claim, by, version, topics=None, **changes):
    """Edit the claim's wording or speaker, if nobody saved it since `version`."""
    current = _locked(claim)
    workflow.require(workflow.claim_edit_refusal(by, current))
    if current.version != int(version):
        last = current.audit_events.last()
        raise ConcurrentEdit(current, last.actor if last else None)
    before = snapshot(current, CLAIM_FIELDS)
    for attr, value in changes.items():
        setattr(current, attr, value)
    current.version = F("version") + 1
    current.save()
    if topics is not None:
        current.topics.set(topics)
    current.refresh_from_db()
    after = snapshot(current, CLAIM_FIELDS)
    if changed := diff(before, after):
        audit(
            current,
            by,
            "edit",
            _("Claim edited"),
            {k: v[0] for k, v in changed.items()},
            {k: v[1] for k, v in changed.items()},
        )
    return current


@transaction.atomic
def add_evidence(
    claim, by, url="", title="", excerpt="", stance=Evidence.Stance.CONTEXT, file=None
):
    """A source: a web address (the worker archives a copy), an uploaded file (a checked
    evidence_files.EvidenceFile, its own archived copy), or both (the file is the copy)."""
    claim = _locked(claim)
    workflow.require(workflow.evidence_refusal(by, claim))
    if url and claim.evidence.filter(url=url).exists():
        raise workflow.NotReady([_("This source is already in the evidence list.")])
    if file and claim.evidence.filter(archived_sha256=file.sha256).exists():
        raise workflow.NotReady([_("This file is already in the evidence list.")])
    evidence = Evidence(
        claim=claim,
        url=url,
        title=title.strip() or url or (file.name if file else ""),
        excerpt=excerpt,
        stance=stance,
        added_by=by,
        archive_status=Evidence.ArchiveStatus.PENDING if url else Evidence.ArchiveStatus.NONE,
    )
    if file:
        evidence.archive_status = Evidence.ArchiveStatus.ARCHIVED
        evidence.archived_snapshot = file.content
        evidence.archived_sha256 = file.sha256
        evidence.archived_at = timezone.now()
        evidence.archived_content_type = file.content_type
        evidence.file_name = file.name
    evidence.save()
    after = {"url": url, "stance": stance}
    if file:
        after |= {"file": file.name, "sha256": file.sha256}
    audit(claim, by, "evidence", evidence.title, after=after)
    if url and not file:
        outbox.enqueue(tasks.archive_evidence.name, evidence_id=evidence.pk)
    return evidence


def _locked_evidence(evidence):
    return Evidence.objects.select_for_update().select_related("claim").get(pk=evidence.pk)


@transaction.atomic
def retry_archive(evidence, by):
    """Try again to archive a source whose archive failed (the site was down, say)."""
    evidence = _locked_evidence(evidence)
    workflow.require(workflow.evidence_refusal(by, evidence.claim))
    if not evidence.url or evidence.archive_status != Evidence.ArchiveStatus.FAILED:
        raise workflow.NotReady([_("Only a source whose archive failed can be tried again.")])
    Evidence.objects.filter(pk=evidence.pk).update(
        archive_status=Evidence.ArchiveStatus.PENDING, archive_error=""
    )
    audit(evidence.claim, by, "retry_archive", evidence.title)
    outbox.enqueue(tasks.archive_evidence.name, evidence_id=evidence.pk)
    return evidence


EVIDENCE_FIELDS = ["title", "excerpt", "stance"]


@transaction.atomic
def edit_evidence(evidence, by, **changes):
    """Its title, excerpt and stance. The address stays: a new address is a new source
    (remove this one and add it), so an archived copy always matches its address."""
    evidence = _locked_evidence(evidence)
    workflow.require(workflow.evidence_refusal(by, evidence.claim))
    before = snapshot(evidence, EVIDENCE_FIELDS)
    for field in EVIDENCE_FIELDS:
        if field in changes:
            setattr(evidence, field, changes[field])
    if not evidence.title.strip():
        raise workflow.NotReady([_("A source needs a title.")])
    evidence.save(update_fields=EVIDENCE_FIELDS)
    changed = diff(before, snapshot(evidence, EVIDENCE_FIELDS))
    if changed:
        audit(
            evidence.claim,
            by,
            "edit_evidence",
            evidence.title,
            {k: v[0] for k, v in changed.items()},
            {k: v[1] for k, v in changed.items()},
        )
    return evidence


@transaction.atomic
def remove_evidence(evidence, by, reason=""):
    """Take a source off the claim. The trail keeps what it was: address, title, fingerprint."""
    evidence = _locked_evidence(evidence)
    claim = evidence.claim
    workflow.require(workflow.evidence_removal_refusal(by, claim))
    kept = {
        "url": evidence.url,
        "title": evidence.title,
        "stance": evidence.stance,
        "excerpt": evidence.excerpt,
        "archived_sha256": evidence.archived_sha256,
    }
    evidence.delete()
    audit(claim, by, "remove_evidence", reason.strip() or kept["title"], before=kept)
    return claim


@transaction.atomic
def add_note(claim, by, body):
    workflow.require(workflow.note_refusal(by, claim))
    if not body.strip():
        raise workflow.NotReady([_("The note is empty.")])
    note = Note.objects.create(claim=claim, author=by, body=body.strip())
    audit(claim, by, "note", body.strip()[:300])
    return note


@transaction.atomic
def record_reply_attempt(
    claim,
    by,
    contacted,
    channel,
    contacted_at=None,
    outcome=ReplyAttempt.Outcome.WAITING,
    answer="",
    answer_by=None,
):
    workflow.require(workflow.reply_refusal(by, claim))
    attempt = ReplyAttempt.objects.create(
        claim=claim,
        contacted=contacted,
        channel=channel,
        contacted_at=contacted_at or timezone.now(),
        answer_by=answer_by,
        outcome=outcome,
        answer=answer,
        recorded_by=by,
    )
    audit(claim, by, "reply", f"{contacted} via {channel}: {attempt.get_outcome_display()}")
    return attempt


@transaction.atomic
def ask_to_take(claim, by, note=""):
    """A fact-checker offers to check a claim; the editors hear of it."""
    claim = _locked(claim)
    workflow.require(workflow.take_request_refusal(by, claim))
    request = TakeRequest.objects.create(claim=claim, user=by, note=note.strip()[:300])
    audit(claim, by, "ask_to_take", note.strip())
    for editor in editors().exclude(pk=by.pk):
        notify(
            editor,
            claim,
            f"take:{request.pk}",
            _("%(who)s asks to take: %(claim)s") % {"who": _name(by), "claim": claim},
        )
    return request


@transaction.atomic
def approve_take_request(request, by, due_at=None):
    """The editor's one click: the claim is assigned to whoever asked."""
    request = TakeRequest.objects.select_for_update().select_related("user").get(pk=request.pk)
    workflow.require(workflow.take_decision_refusal(by, request))
    claim = assign_claim(request.claim, by, request.user, due_at)
    now = timezone.now()
    TakeRequest.objects.filter(pk=request.pk).update(decided_at=now, decided_by=by, approved=True)
    # Others who asked for the same claim hear that it went to someone else.
    for other in TakeRequest.objects.filter(claim=claim, decided_at__isnull=True).exclude(
        pk=request.pk
    ):
        TakeRequest.objects.filter(pk=other.pk).update(
            decided_at=now, decided_by=by, approved=False
        )
        notify(
            other.user,
            claim,
            f"take-declined:{other.pk}",
            _("%(claim)s went to %(who)s.") % {"claim": claim, "who": _name(request.user)},
        )
    return claim


@transaction.atomic
def decline_take_request(request, by):
    request = (
        TakeRequest.objects.select_for_update().select_related("user", "claim").get(pk=request.pk)
    )
    workflow.require(workflow.take_decision_refusal(by, request))
    TakeRequest.objects.filter(pk=request.pk).update(
        decided_at=timezone.now(), decided_by=by, approved=False
    )
    audit(request.claim, by, "decline_take", _name(request.user))
    notify(
        request.user,
        request.claim,
        f"take-declined:{request.pk}",
        _("%(editor)s kept %(claim)s for someone else.")
        % {"editor": _name(by), "claim": request.claim},
    )
    return request


@transaction.atomic
def declare_conflict(user, side, note=""):
    if not workflow.can_declare_conflicts(user):
        raise workflow.NotAllowed(_("Only the newsroom declares conflicts of interest."))
    conflict, created = ConflictOfInterest.objects.get_or_create(
        user=user, side=side, defaults={"note": note}
    )
    if created:
        audit(None, user, "declare-conflict", note, subject=_conflict_subject(side))
    return conflict


@transaction.atomic
def withdraw_conflict(user, side):
    deleted, _rows = ConflictOfInterest.objects.filter(user=user, side=side).delete()
    if deleted:
        audit(None, user, "withdraw-conflict", subject=_conflict_subject(side))


def _conflict_subject(side):
    return f"conflict of interest: {side}"


@transaction.atomic
def link_claims(claim, by, other, kind, note=""):
    """Link `claim` to `other` (a counter-claim, the same claim, support, a response);
    shown on both claims. Linking twice is one link."""
    workflow.require(workflow.link_refusal(by, claim))
    if other.pk == claim.pk:
        raise workflow.NotReady([_("A claim cannot be linked to itself.")])
    if kind not in ClaimLink.Kind.values:
        raise workflow.NotReady([_("Choose how the claims are related.")])
    link, created = ClaimLink.objects.get_or_create(
        from_claim=claim, to_claim=other, kind=kind, defaults={"created_by": by, "note": note}
    )
    if created:
        audit(claim, by, "link", f"{link.get_kind_display()}: #{other.pk} {other}",
              after={"kind": kind, "claim": other.pk})  # fmt: skip
    return link


@transaction.atomic
def unlink_claims(link, by):
    """Remove a link, from whichever of its two claims; audited on the claim it came from."""
    claim = link.from_claim
    workflow.require(workflow.link_refusal(by, claim))
    audit(claim, by, "unlink", f"{link.get_kind_display()}: #{link.to_claim_id} {link.to_claim}",
          before={"kind": link.kind, "claim": link.to_claim_id})  # fmt: skip
    link.delete()


TRANSITION_ACTIONS = {
    "select": select_claim,
    "reject": reject_claim,
    "reopen": reopen_claim,
    "assign": assign_claim,
    "start_research": start_research,
    "submit_for_review": submit_for_review,
    "return_to_research": return_to_research,
    "publish": publish_verdict,
    "retract": retract_verdict,
}
