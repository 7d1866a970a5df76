"""The claim workspace: one page where a claim is researched, reviewed and published.

Each POST parses a form and calls one action; the action asks workflow. A refused step shows
a message (NotReady) or a 403 (NotAllowed); a concurrent edit re-renders with the other
person's version.
"""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims import actions, selectors, workflow
from claims.models import Claim, ClaimLink
from claims.newsroom.access import newsroom_member_required
from claims.newsroom.forms import (
    AssignForm,
    ClaimEditForm,
    CommentForm,
    CorrectionForm,
    EvidenceForm,
    LinkForm,
    NoteForm,
    ReasonForm,
    ReplyAttemptForm,
    VerdictForm,
)

TRANSITION_FORMS = {
    "assign": AssignForm,
    "reject": ReasonForm,
    "retract": ReasonForm,
    "return_to_research": CommentForm,
}


def _claim(pk):
    try:
        return selectors.claim_workspace(pk)
    except Claim.DoesNotExist:
        raise Http404(_("No such claim")) from None


def _workspace(request, claim, status=200, **forms):
    user = request.user
    verdict = getattr(claim, "verdict", None)
    transitions = [
        (t, TRANSITION_FORMS.get(t.name, lambda: None)())
        for t in workflow.available_transitions(user, claim)
        if t.name != "correct"
    ]
    context = {
        "claim": claim,
        "verdict": verdict,
        "excerpt": claim.article_excerpt(),
        "counter_claims": selectors.counter_claims(claim),
        "history": selectors.history(claim),
        "transitions": transitions,
        "conflict_side": workflow.blocked_by_conflict(user, claim),
        "can_edit_verdict": workflow.can_edit_verdict(user, claim),
        "can_correct": workflow.can_correct(user, claim),
        "can_add_evidence": workflow.can_add_evidence(user, claim),
        "can_record_reply": workflow.can_record_reply(user, claim),
        "can_edit_claim": workflow.can_edit_claim(user, claim),
        "can_link": workflow.can_link(user, claim),
        "links": selectors.links_of(claim),
        "link_query": request.GET.get("link_q", "")[:200],
        "link_results": selectors.claims_to_link(claim, request.GET.get("link_q", "")),
        "link_kinds": ClaimLink.Kind.choices,
        "verdict_form": forms.get("verdict_form") or VerdictForm.for_verdict(verdict),
        "correction_form": forms.get("correction_form") or CorrectionForm.for_verdict(verdict),
        "claim_form": forms.get("claim_form")
        or ClaimEditForm(
            initial={
                "version": claim.version,
                "text": claim.text,
                "checkable_text": claim.checkable_text,
                "topics": list(claim.topics.all()),
            }
        ),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "note_form": NoteForm(),
        "reply_form": forms.get("reply_form") or ReplyAttemptForm(),
        "conflict": forms.get("conflict"),
    }
    return render(request, "newsroom/claim.html", context, status=status)


@newsroom_member_required
def claim_detail(request, pk):
    return _workspace(request, _claim(pk))


def _refused(request, claim, exc):
    for problem in exc.problems:
        messages.error(request, problem)
    return redirect(claim.newsroom_url())


def _invalid(request, claim, form):
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def claim_transition(request, pk, name):
    claim = _claim(pk)
    transition = workflow.TRANSITIONS.get(name)
    action = actions.TRANSITION_ACTIONS.get(name)
    if transition is None or action is None:
        raise Http404(_("There is no such step in the workflow."))
    # Permission first: a forged POST gets 403 whatever it carries.
    workflow.require(workflow.refusal(request.user, transition, claim))
    form_class = TRANSITION_FORMS.get(name)
    data = {}
    if form_class:
        form = form_class(request.POST)
        if not form.is_valid():
            return _invalid(request, claim, form)
        data = form.cleaned_data
    try:
        action(claim, request.user, **data)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    messages.success(request, _("Done: %(step)s.") % {"step": transition.label})
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def save_verdict(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.verdict_edit_refusal(request.user, claim))
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    try:
        actions.save_verdict(
            claim, request.user, version=form.cleaned_data["version"], **form.changes()
        )
    except actions.ConcurrentEdit as exc:
        return _conflict(request, claim, exc, verdict_form=form)
    messages.success(request, _("Verdict draft saved."))
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def correct_verdict(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.refusal(request.user, workflow.TRANSITIONS["correct"], claim))
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    data = form.cleaned_data
    try:
        correction = actions.record_correction(
            claim,
            request.user,
            kind=data["kind"],
            note=data["note"],
            version=data["version"],
            **form.changes(),
        )
    except actions.ConcurrentEdit as exc:
        return _conflict(request, claim, exc, correction_form=form)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    messages.success(request, _("%(kind)s published.") % {"kind": correction.get_kind_display()})
    return redirect(claim.newsroom_url())


def _conflict(request, claim, exc, **forms):
    who = exc.changed_by.get_full_name() or exc.changed_by.username if exc.changed_by else None
    messages.error(
        request,
        _(
            "%(who)s saved this while you were editing. Their version is shown below; "
            "your text is kept in the form: merge and save again."
        )
        % {"who": who or _("Someone")},
    )
    fresh = _claim(claim.pk)
    for form in forms.values():
        # Re-arm the form with the current version so the merged save can go through.
        form.data = form.data.copy()
        form.data["version"] = exc.current.version
    return _workspace(request, fresh, status=409, conflict=exc.current, **forms)


@require_POST
@newsroom_member_required
def edit_claim(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.claim_edit_refusal(request.user, claim))
    form = ClaimEditForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    data = form.cleaned_data
    try:
        actions.edit_claim(
            claim,
            request.user,
            data["version"],
            topics=data["topics"],
            text=data["text"],
            checkable_text=data["checkable_text"],
        )
    except actions.ConcurrentEdit as exc:
        return _conflict(request, claim, exc, claim_form=form)
    messages.success(request, _("Claim saved."))
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def add_evidence(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.evidence_refusal(request.user, claim))
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    try:
        evidence = actions.add_evidence(claim, request.user, **form.cleaned_data)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    if evidence.url:
        messages.success(request, _("Evidence added; archiving a copy in the background."))
    else:
        messages.success(request, _("Evidence added."))
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def add_note(request, pk):
    claim = _claim(pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    try:
        actions.add_note(claim, request.user, form.cleaned_data["body"])
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    if request.htmx:
        return render(
            request,
            "newsroom/partials/notes.html",
            {
                "claim": claim,
                "notes": claim.notes.select_related("author"),
                "note_form": NoteForm(),
            },
        )
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def add_reply_attempt(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.reply_refusal(request.user, claim))
    form = ReplyAttemptForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    actions.record_reply_attempt(claim, request.user, **form.cleaned_data)
    messages.success(request, _("Right-of-reply attempt recorded."))
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def link_claim(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.link_refusal(request.user, claim))
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, form)
    other = get_object_or_404(Claim, pk=form.cleaned_data["other"])
    try:
        actions.link_claims(claim, request.user, other, form.cleaned_data["kind"])
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    messages.success(request, _("Linked: %(claim)s") % {"claim": other})
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def unlink_claim(request, pk, link):
    claim = _claim(pk)
    link = get_object_or_404(
        ClaimLink.objects.select_related("from_claim", "to_claim"),
        Q(from_claim=claim) | Q(to_claim=claim),
        pk=link,
    )
    actions.unlink_claims(link, request.user)
    messages.success(request, _("Link removed."))
    return redirect(claim.newsroom_url())
