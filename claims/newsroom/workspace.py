"""The claim workspace: one page where a claim is researched, reviewed and published.

Each POST parses a form and calls one action; the action asks workflow. A refused step shows
a message (NotReady) or a 403 (NotAllowed); a concurrent edit re-renders with the other
person's version.
"""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims import actions, selectors, workflow
from claims.models import Claim, ClaimLink, Evidence, Rating, TakeRequest, Verdict
from claims.newsroom.access import newsroom_member_required, safe_next
from claims.newsroom.forms import (
    AssignForm,
    ClaimEditForm,
    CommentForm,
    CorrectionForm,
    EvidenceEditForm,
    EvidenceForm,
    LinkForm,
    NoteForm,
    PublishForm,
    ReasonForm,
    ReplyAttemptForm,
    VerdictForm,
)
from claims.partners import elsewhere

TRANSITION_FORMS = {
    "assign": AssignForm,
    "publish": PublishForm,
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
    # Correcting has its own form by the verdict; publishing its own page (checklist,
    # preview, confirmation), linked from the steps.
    available = workflow.available_transitions(user, claim)
    transitions = [
        (t, TRANSITION_FORMS.get(t.name, lambda: None)())
        for t in available
        if t.name not in ("correct", "publish")
    ]
    context = {
        "claim": claim,
        "verdict": verdict,
        "excerpt": claim.article_excerpt(),
        "counter_claims": selectors.counter_claims(claim),
        "elsewhere": elsewhere.checked_elsewhere_for_claim(claim),
        "history": selectors.history(claim),
        "what_to_fix": selectors.what_to_fix(claim),
        "take_request": selectors.open_take_request(claim, user),
        "take_requests": selectors.open_take_requests(claim) if workflow.is_editor(user) else [],
        "can_ask_to_take": workflow.can_ask_to_take(user, claim),
        "transitions": transitions,
        "can_publish": any(t.name == "publish" for t in available),
        "conflict_side": workflow.blocked_by_conflict(user, claim),
        "can_edit_verdict": workflow.can_edit_verdict(user, claim),
        "can_correct": workflow.can_correct(user, claim),
        "can_add_evidence": workflow.can_add_evidence(user, claim),
        "can_remove_evidence": workflow.evidence_removal_refusal(user, claim) is None,
        "evidence": [
            (item, EvidenceEditForm(instance=item, auto_id=f"evidence{item.pk}_%s"))
            for item in claim.evidence.all()
        ],
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


def _refused(request, claim, exc, to=None):
    for problem in exc.problems:
        messages.error(request, problem)
    return redirect(to or claim.newsroom_url())


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
        back = reverse("newsroom:publish", args=[claim.pk]) if name == "publish" else None
        return _refused(request, claim, exc, to=back)
    messages.success(request, _("Done: %(step)s.") % {"step": transition.label})
    return redirect(claim.newsroom_url())


@newsroom_member_required
def publish_page(request, pk):
    """Before publishing: the checklist, the preview's link and the confirmation."""
    claim = _claim(pk)
    workflow.require(workflow.refusal(request.user, workflow.TRANSITIONS["publish"], claim))
    return render(
        request,
        "newsroom/publish.html",
        {
            "claim": claim,
            "verdict": getattr(claim, "verdict", None),
            "checklist": workflow.publish_checklist(claim),
            "form": PublishForm(),
        },
    )


@newsroom_member_required
def preview_verdict(request, pk):
    """The verdict's public page as readers would see it, before it is published."""
    try:
        verdict = selectors.draft_verdict(pk)
    except Verdict.DoesNotExist:
        raise Http404(_("This claim has no verdict draft yet.")) from None
    claim = verdict.claim
    scale = verdict.rating.scale.ratings.all() if verdict.rating else Rating.objects.none()
    response = render(
        request,
        "public/verdict.html",
        {
            "preview": True,
            "can_publish": workflow.refusal(request.user, workflow.TRANSITIONS["publish"], claim)
            is None,
            "verdict": verdict,
            "claim": claim,
            "scale": scale,
            "counter_claims": selectors.public_counter_claims(claim),
        },
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


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
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _invalid(request, claim, form)
    try:
        evidence = actions.add_evidence(claim, request.user, **form.cleaned_data)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    if evidence.file_name:
        messages.success(request, _("File added and kept with its SHA-256."))
    elif evidence.url:
        messages.success(request, _("Evidence added; archiving a copy in the background."))
    else:
        messages.success(request, _("Evidence added."))
    return redirect(claim.newsroom_url())


def _evidence(claim, evidence_pk):
    return get_object_or_404(Evidence.objects.select_related("claim"), pk=evidence_pk, claim=claim)


@newsroom_member_required
def evidence_copy(request, pk, evidence):
    """The archived copy or uploaded file of a source, for the newsroom, before readers see
    it: sandboxed like the public copies."""
    from claims.public.views import serve_archived_evidence

    claim = _claim(pk)
    item = _evidence(claim, evidence)
    if item.archive_status != Evidence.ArchiveStatus.ARCHIVED:
        raise Http404(_("This source has no archived copy."))
    return serve_archived_evidence(item)


@require_POST
@newsroom_member_required
def retry_archive(request, pk, evidence):
    claim = _claim(pk)
    workflow.require(workflow.evidence_refusal(request.user, claim))
    try:
        actions.retry_archive(_evidence(claim, evidence), request.user)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    messages.success(request, _("Archiving again in the background."))
    return redirect(f"{claim.newsroom_url()}#evidence")


@require_POST
@newsroom_member_required
def edit_evidence(request, pk, evidence):
    claim = _claim(pk)
    workflow.require(workflow.evidence_refusal(request.user, claim))
    item = _evidence(claim, evidence)
    form = EvidenceEditForm(request.POST, instance=item)
    if not form.is_valid():
        return _invalid(request, claim, form)
    try:
        actions.edit_evidence(item, request.user, **form.cleaned_data)
    except workflow.NotReady as exc:
        return _refused(request, claim, exc)
    messages.success(request, _("Source saved."))
    return redirect(f"{claim.newsroom_url()}#evidence")


@require_POST
@newsroom_member_required
def remove_evidence(request, pk, evidence):
    claim = _claim(pk)
    workflow.require(workflow.evidence_removal_refusal(request.user, claim))
    actions.remove_evidence(
        _evidence(claim, evidence), request.user, request.POST.get("reason", "")[:300]
    )
    messages.success(request, _("Source removed; the history keeps what it was."))
    return redirect(f"{claim.newsroom_url()}#evidence")


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
def ask_to_take(request, pk):
    claim = _claim(pk)
    workflow.require(workflow.take_request_refusal(request.user, claim))
    actions.ask_to_take(claim, request.user, request.POST.get("note", ""))
    messages.success(request, _("Asked: an editor will answer on the queue."))
    return redirect(claim.newsroom_url())


@require_POST
@newsroom_member_required
def answer_take_request(request, pk, answer):
    if answer not in ("approve", "decline"):
        raise Http404(_("A request is approved or declined."))
    take = get_object_or_404(TakeRequest.objects.select_related("claim", "user"), pk=pk)
    workflow.require(workflow.take_decision_refusal(request.user, take))
    who = take.user.get_full_name() or take.user.username
    try:
        if answer == "approve":
            actions.approve_take_request(take, request.user)
            messages.success(request, _("Assigned to %(who)s.") % {"who": who})
        else:
            actions.decline_take_request(take, request.user)
            messages.success(request, _("Declined; %(who)s was told.") % {"who": who})
    except workflow.NotReady as exc:
        return _refused(request, take.claim, exc)
    return redirect(safe_next(request) or take.claim.newsroom_url())


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
