"""Who may do what to a claim, and which moves its status may make. The only place rules live.

Views, templates (which buttons show), the admin and the API ask this module; actions.py
calls check() before it changes anything. A refusal says why, in words for a journalist.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.roles import ADMIN, EDITOR, FACT_CHECKER, has_role
from claims.dates import readable
from claims.models import AuditEvent, Claim, ConflictOfInterest, Evidence, ReplyAttempt

S = Claim.Status

# The states, grouped as the rules and pages need them. The one place they are written out.
RESEARCH = (S.ASSIGNED, S.IN_RESEARCH)  # someone is researching it
ASSIGNED_WORK = (*RESEARCH, S.IN_REVIEW)  # someone is on it: deadlines and reminders apply
OPEN = (S.NEW, S.SELECTED, *ASSIGNED_WORK)  # not decided yet
CLOSED = (S.PUBLISHED, S.REJECTED, S.RETRACTED)
# Readers see another claim (as a counter-claim) once an editor has at least selected it.
SHOWN_TO_READERS = (S.SELECTED, *ASSIGNED_WORK, S.PUBLISHED)


class NotAllowed(PermissionDenied):
    """The user's role or relation to the claim does not allow this (HTTP 403)."""


class NotReady(Exception):
    """The user may do this, but not yet: something must hold first (shown as a message)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(str(p) for p in self.problems))


# --- who is who ------------------------------------------------------------------------------


def can_use_newsroom(user) -> bool:
    return has_role(user, FACT_CHECKER, EDITOR, ADMIN)


def is_editor(user) -> bool:
    return has_role(user, EDITOR, ADMIN)


def conflicting_side(user, claim):
    """The side of the claim's speaker if the user declared a tie to it, else None."""
    side = claim.side
    if side is None or not user.is_authenticated:
        return None
    if ConflictOfInterest.objects.filter(user=user, side=side).exists():
        return side
    return None


def _is_assignee(user, claim) -> bool:
    return claim.assignee_id is not None and claim.assignee_id == user.pk


# Each returns None when allowed, or the reason it is not.


def _editor(user, claim):
    if not is_editor(user):
        return _("Only an editor can do this.")
    return None


def _assignee_or_editor(user, claim):
    if is_editor(user):
        return None
    if not can_use_newsroom(user):
        return _("Only the newsroom can do this.")
    if not _is_assignee(user, claim):
        return _("Only the fact-checker assigned to this claim, or an editor, can do this.")
    return None


def _publishing_editor(user, claim):
    """Publish, correct and retract: an editor who neither wrote the verdict nor is tied to
    the speaker's side."""
    if refusal := _editor(user, claim):
        return refusal
    verdict = getattr(claim, "verdict", None)
    if verdict is not None and verdict.author_id == user.pk:
        return _("An editor cannot approve a verdict they wrote: another editor must review it.")
    if side := conflicting_side(user, claim):
        return _("You declared a tie to %(side)s, the speaker's side.") % {"side": side}
    return None


def changed_in_review(user, claim) -> bool:
    """True if `user` edited the verdict since it was last sent to review."""
    sent = (
        AuditEvent.objects.filter(claim=claim, action="submit_for_review")
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return AuditEvent.objects.filter(
        claim=claim, actor=user, action="verdict", pk__gt=sent or 0
    ).exists()


def _publisher(user, claim):
    """Four eyes: whoever changed the verdict in review cannot also approve it."""
    if refusal := _publishing_editor(user, claim):
        return refusal
    if changed_in_review(user, claim):
        return _(
            "You changed this verdict in review, so another editor must approve it (or return "
            "it to research for its author to confirm your change)."
        )
    return None


# --- what must hold first ----------------------------------------------------------------------


def _verdict_ready(claim, data):
    verdict = getattr(claim, "verdict", None)
    problems = []
    if verdict is None or verdict.rating_id is None:
        problems.append(_("The verdict needs a rating."))
    if verdict is None or not verdict.summary.strip():
        problems.append(_("The verdict needs a summary."))
    if verdict is None or not verdict.explanation.strip():
        problems.append(_("The verdict needs an explanation."))
    if not claim.evidence.exists():
        problems.append(_("Add at least one evidence source."))
    return problems


# --- the publish checklist ---------------------------------------------------------------------
# What an editor confirms before readers see a verdict. Each item either holds, or is accepted
# by a tick the editor gives on the publish page (`tick`: the form field), or blocks.


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool
    detail: str = ""
    tick: str = ""  # the field that accepts the item as it is; "" when nothing can
    ticked: bool = False

    @property
    def holds(self) -> bool:
        return self.done or (bool(self.tick) and self.ticked)


def _ticked(data, key) -> bool:
    return str(data.get(key) or "").lower() in ("1", "true", "on", "yes")


def independent_sources(claim) -> int:
    """How many independent sources back the verdict: two addresses on one site (or one
    outlet's domain) count once, as do two copies of one file."""
    keys = set()
    for url, sha256, title in claim.evidence.values_list("url", "archived_sha256", "title"):
        if url:
            host = (urlsplit(url).hostname or url).lower().removeprefix("www.")
            keys.add(("site", host))
        elif sha256:
            keys.add(("file", sha256))
        else:
            keys.add(("title", " ".join(title.casefold().split())))
    return len(keys)


def _replies_pending(claim, now):
    """Attempts still waiting for an answer before their deadline, unless a later attempt to
    the same person recorded the outcome."""
    attempts = list(claim.reply_attempts.all())
    pending = []
    for attempt in attempts:
        if attempt.outcome != ReplyAttempt.Outcome.WAITING or attempt.deadline <= now:
            continue
        settled = any(
            later.contacted.strip().casefold() == attempt.contacted.strip().casefold()
            and later.outcome != ReplyAttempt.Outcome.WAITING
            and (later.contacted_at, later.pk) > (attempt.contacted_at, attempt.pk)
            for later in attempts
        )
        if not settled:
            pending.append(attempt)
    return pending


def publish_checklist(claim, data=None):
    """The items an editor sees before publishing, in the order a reader would ask them."""
    data = data or {}
    now = timezone.now()
    missing = [str(p) for p in _verdict_ready(claim, data)]
    items = [
        ChecklistItem(
            "verdict",
            _("Rating, summary, explanation and at least one source"),
            not missing,
            " ".join(missing),
        )
    ]
    verdict = getattr(claim, "verdict", None)
    short = (verdict.claim_reviewed or "").strip() if verdict is not None else ""
    items.append(
        ChecklistItem(
            "claim_reviewed",
            _("The claim in a few words for search engines (under 75 characters)"),
            bool(short),
            "" if short else str(_("Write it in the verdict draft.")),
        )
    )
    required = settings.SOURCES_REQUIRED
    independent = independent_sources(claim)
    items.append(
        ChecklistItem(
            "sources",
            ngettext(
                "At least %(n)d independent source",
                "At least %(n)d independent sources",
                required,
            )
            % {"n": required},
            independent >= required,
            ""
            if independent >= required
            else str(
                _(
                    "%(have)d independent (sources from one site count once): add another, or "
                    "write why this verdict stands on fewer; readers see it."
                )
                % {"have": independent}
            ),
            tick="sources_exception",
            ticked=bool(str(data.get("sources_exception") or "").strip()),
        )
    )
    unarchived = claim.evidence.exclude(url="").exclude(
        archive_status=Evidence.ArchiveStatus.ARCHIVED
    )
    count = unarchived.count()
    items.append(
        ChecklistItem(
            "archived",
            _("Every source archived"),
            count == 0,
            ngettext(
                "%(count)d source has no archived copy: retry its archive, or accept it as it is.",
                "%(count)d sources have no archived copy: retry their archives, or accept them "
                "as they are.",
                count,
            )
            % {"count": count}
            if count
            else "",
            tick="accept_unarchived",
            ticked=_ticked(data, "accept_unarchived"),
        )
    )
    pending = _replies_pending(claim, now)
    contacted = claim.reply_attempts.exists()
    if pending:
        first = min(attempt.deadline for attempt in pending)
        detail = _(
            "Waiting for an answer from %(who)s until %(when)s: record the answer, or wait."
        ) % {
            "who": ", ".join(sorted({a.contacted for a in pending})),
            "when": readable(first),
        }
    elif not contacted:
        detail = _("Nobody was asked for a reply: tick only if there was no one to ask.")
    else:
        detail = ""
    items.append(
        ChecklistItem(
            "reply",
            _("Right of reply: the answer recorded or the deadline passed"),
            contacted and not pending,
            str(detail),
            tick="" if pending else "no_reply_sought",
            ticked=_ticked(data, "no_reply_sought"),
        )
    )
    counters = Claim.objects.counter_claims_of(claim).exists()
    items.append(
        ChecklistItem(
            "other_side",
            _("The other side's claims linked"),
            counters,
            ""
            if counters
            else str(_("No counter-claim is linked: link one, or tick “none found”.")),
            tick="no_counter_claims",
            ticked=_ticked(data, "no_counter_claims"),
        )
    )
    return items


def _ready_to_publish(claim, data):
    problems = [
        item.detail or item.label for item in publish_checklist(claim, data) if not item.holds
    ]
    if not _ticked(data, "confirmed"):
        problems.append(_("Read the preview and confirm that it can go out."))
    return problems


def publish_ticks(claim, data):
    """The checklist items the editor accepted by a tick: written into the audit trail."""
    return [
        str(item.label) for item in publish_checklist(claim, data) if item.ticked and not item.done
    ]


def _needs(key, message):
    def check(claim, data):
        return [] if str(data.get(key) or "").strip() else [message]

    return check


def _assignee_fits(claim, data):
    assignee = data.get("assignee")
    if assignee is None:
        return [_("Choose who will check this claim.")]
    if not can_use_newsroom(assignee):
        return [_("%(user)s is not in the newsroom.") % {"user": assignee}]
    if side := conflicting_side(assignee, claim):
        return [
            _("%(user)s declared a tie to %(side)s, the speaker's side, and cannot check it.")
            % {"user": assignee.get_full_name() or assignee.username, "side": side}
        ]
    return []


def _all(*checks):
    def check(claim, data):
        return [problem for c in checks for problem in c(claim, data)]

    return check


def _nothing(claim, data):
    return []


# --- the transitions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    who: object = field(repr=False)
    requires: object = field(default=_nothing, repr=False)
    # The form fields the transition takes, so a template can render them.
    fields: tuple = ()


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("select", _("Select for checking"), (S.NEW,), S.SELECTED, _editor),
        Transition(
            "reject",
            _("Reject"),
            (S.NEW, S.SELECTED),
            S.REJECTED,
            _editor,
            _needs("reason", _("Say why the claim is not checkable.")),
            ("reason",),
        ),
        Transition("reopen", _("Reopen"), (S.REJECTED,), S.NEW, _editor),
        Transition(
            "assign",
            _("Assign"),
            (S.NEW, S.SELECTED, S.ASSIGNED, S.IN_RESEARCH),
            S.ASSIGNED,
            _editor,
            _assignee_fits,
            ("assignee", "due_at"),
        ),
        Transition(
            "start_research",
            _("Start research"),
            (S.ASSIGNED,),
            S.IN_RESEARCH,
            _assignee_or_editor,
        ),
        Transition(
            "submit_for_review",
            _("Send to review"),
            (S.IN_RESEARCH,),
            S.IN_REVIEW,
            _assignee_or_editor,
            _verdict_ready,
        ),
        Transition(
            "return_to_research",
            _("Return to research"),
            (S.IN_REVIEW,),
            S.IN_RESEARCH,
            _editor,
            _needs("comment", _("Tell the fact-checker what to fix.")),
            ("comment",),
        ),
        Transition(
            "publish",
            _("Approve and publish"),
            (S.IN_REVIEW,),
            S.PUBLISHED,
            _publisher,
            _ready_to_publish,
            (
                "confirmed",
                "accept_unarchived",
                "no_reply_sought",
                "no_counter_claims",
                "sources_exception",
            ),
        ),
        Transition(
            "correct",
            _("Correct or update"),
            (S.PUBLISHED,),
            S.PUBLISHED,
            _publishing_editor,
            _all(_needs("note", _("Say what changed and why."))),
            ("kind", "note"),
        ),
        Transition(
            "retract",
            _("Retract"),
            (S.PUBLISHED,),
            S.RETRACTED,
            _publishing_editor,
            _needs("reason", _("Give readers the reason for the retraction.")),
            ("reason",),
        ),
    ]
}


def refusal(user, transition: Transition, claim):
    """Why `user` may not make `transition` on `claim` now, or None if they may."""
    if not user.is_authenticated or not can_use_newsroom(user):
        return _("Only the newsroom can do this.")
    if claim.status not in transition.sources:
        return _("A claim that is “%(status)s” cannot be moved by “%(action)s”.") % {
            "status": claim.get_status_display(),
            "action": transition.label,
        }
    return transition.who(user, claim)


def check(user, name: str, claim, data=None):
    """Raise NotAllowed or NotReady unless `user` may make transition `name` with `data`."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise NotAllowed(_("There is no such step in the workflow."))
    if reason := refusal(user, transition, claim):
        raise NotAllowed(reason)
    if problems := transition.requires(claim, data or {}):
        raise NotReady(problems)
    return transition


def available_transitions(user, claim):
    """The transitions the user may start from here: the buttons a template shows."""
    return [t for t in TRANSITIONS.values() if refusal(user, t, claim) is None]


def blocked_by_conflict(user, claim):
    """The side that keeps `user` off this claim, for the UI to explain; None if no conflict."""
    return conflicting_side(user, claim) if can_use_newsroom(user) else None


# --- edits outside the transitions -------------------------------------------------------------
# Each *_refusal returns None when the user may, or the reason they may not; require() raises
# it. Views ask before reading a form (a forged POST gets 403 whatever it carries) and
# actions ask again inside their transaction: one rule, one message, two callers.


def require(refusal):
    """Raise NotAllowed with `refusal`, unless it is None."""
    if refusal:
        raise NotAllowed(refusal)


def verdict_edit_refusal(user, claim):
    """The draft: the assignee while researching; editors until it is published."""
    if claim.status in RESEARCH and _assignee_or_editor(user, claim) is None:
        return None
    if claim.status == S.IN_REVIEW and is_editor(user):
        return None
    return _("You cannot edit this verdict now.")


def evidence_refusal(user, claim):
    if claim.status in RESEARCH and _assignee_or_editor(user, claim) is None:
        return None
    if claim.status in (*OPEN, S.PUBLISHED) and is_editor(user):
        return None
    return _("You cannot add evidence to this claim now.")


def evidence_removal_refusal(user, claim):
    """Removing a source: as adding one, but never from a verdict readers can see (its
    sources are on the public page; publish a correction that says what changed)."""
    if claim.status == S.PUBLISHED:
        return _("Readers see this verdict's sources: publish a correction instead.")
    return evidence_refusal(user, claim)


def reply_refusal(user, claim):
    """Right of reply: the assignee or an editor while open; once readers see the verdict,
    an editor only (the reply shows on the live page with the date it was recorded)."""
    if claim.status == S.PUBLISHED:
        if is_editor(user):
            return None
        return _("Only an editor can record a reply on a published verdict.")
    if claim.status in OPEN and _assignee_or_editor(user, claim) is None:
        return None
    return _("Only the assignee or an editor can record this.")


def note_refusal(user, claim):
    return None if can_use_newsroom(user) else _("Only the newsroom can write notes.")


def claim_edit_refusal(user, claim):
    """The claim's wording, speaker and topics: editors, and the assignee while researching."""
    if claim.status in RESEARCH and _assignee_or_editor(user, claim) is None:
        return None
    if claim.status in OPEN and is_editor(user):
        return None
    return _("You cannot edit this claim now.")


def link_refusal(user, claim):
    """Linking claims (the other side's answer, the same claim elsewhere): the newsroom while
    the claim is open; editors once it is published, since readers see its counter-claims."""
    if claim.status == S.PUBLISHED:
        return None if is_editor(user) else _("Only an editor can link a published claim.")
    return None if can_use_newsroom(user) else _("Only the newsroom can link claims.")


def _takeable(claim) -> bool:
    return claim.status in (S.NEW, S.SELECTED) and claim.assignee_id is None


def take_request_refusal(user, claim):
    """A fact-checker asks to take an unassigned claim; an editor assigns it by approving.
    The rule is askable()'s; this says why not, when not."""
    if claim.pk in askable(user, [claim]):
        return None
    if not can_use_newsroom(user):
        return _("Only the newsroom can ask to take a claim.")
    if not _takeable(claim):
        return _("Only a claim nobody is assigned to can be asked for.")
    if side := conflicting_side(user, claim):
        return _("You declared a tie to %(side)s, the speaker's side.") % {"side": side}
    return _("You already asked to take this claim: an editor will answer.")


def askable(user, claims) -> set:
    """The ids of `claims` that `user` may ask to take (nobody has them, no declared tie to
    the speaker's side, not asked already): the one rule, for a page of rows in two
    queries."""
    if not can_use_newsroom(user):
        return set()
    claims = [c for c in claims if _takeable(c)]
    tied = set(ConflictOfInterest.objects.filter(user=user).values_list("side_id", flat=True))
    asked = set(
        user.take_requests.filter(decided_at__isnull=True, claim__in=claims).values_list(
            "claim_id", flat=True
        )
    )
    return {c.pk for c in claims if c.pk not in asked and (c.side is None or c.side.pk not in tied)}


def take_decision_refusal(user, request):
    """Approving (which assigns the claim) or declining a request: editors, while open."""
    if not is_editor(user):
        return _("Only an editor can answer a request to take a claim.")
    if request.decided_at is not None:
        return _("This request was already answered.")
    return None


# For templates and `if`s: whether the button or form shows.
def can_ask_to_take(user, claim) -> bool:
    return take_request_refusal(user, claim) is None


def can_edit_verdict(user, claim) -> bool:
    return verdict_edit_refusal(user, claim) is None


def can_add_evidence(user, claim) -> bool:
    return evidence_refusal(user, claim) is None


def can_record_reply(user, claim) -> bool:
    return reply_refusal(user, claim) is None


def can_add_note(user, claim) -> bool:
    return note_refusal(user, claim) is None


def can_edit_claim(user, claim) -> bool:
    return claim_edit_refusal(user, claim) is None


def can_link(user, claim) -> bool:
    return link_refusal(user, claim) is None


def can_correct(user, claim) -> bool:
    return refusal(user, TRANSITIONS["correct"], claim) is None


def can_declare_conflicts(user) -> bool:
    return can_use_newsroom(user)


def can_ingest(user) -> bool:
    """Submit an article (URL, text, file) to the pipeline."""
    return can_use_newsroom(user)


def can_review_suggestions(user) -> bool:
    """Accept or reject the claims the pipeline found: any fact-checker or editor."""
    return can_use_newsroom(user)


REVIEW_REFUSAL = _("Only the newsroom's fact-checkers and editors can log claims.")


def can_see_dashboard(user) -> bool:
    return is_editor(user)
