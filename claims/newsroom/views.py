"""The newsroom's pages: the desk, the queue, the dashboard, conflicts and notifications."""

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims import actions, selectors, workflow
from claims.meaning import search
from claims.models import (
    AuditEvent,
    Claim,
    ConflictOfInterest,
    SavedFilter,
)
from claims.newsroom.access import editor_required, newsroom_member_required, safe_next
from claims.newsroom.filters import ClaimFilter
from claims.newsroom.forms import BulkAssignForm, ConflictForm, SavedFilterForm
from claims.partners import elsewhere


@newsroom_member_required
def desk(request):
    user = request.user
    now = timezone.now()
    mine = list(selectors.desk_for(user))
    context = {
        "mine": mine,
        "overdue": [c for c in mine if c.due_at and c.due_at < now],
        "due_soon": [c for c in mine if c.due_at and now <= c.due_at < now + timedelta(days=1)],
        "returned": selectors.returned_to(user),
        "notifications": user.notifications.select_related("claim")[:10],
        "to_review": selectors.newsroom_claims().filter(status=Claim.Status.IN_REVIEW)
        if workflow.is_editor(user)
        else [],
    }
    context["checked"] = has_been_checked_form()
    return render(request, "newsroom/desk.html", context)


def has_been_checked_form(query=""):
    return {"query": query, "result": None, "error": None}


@newsroom_member_required
def has_been_checked(request):
    """The desk's "Has this been checked?" box: a sentence in any language, and the claims
    it repeats or answers, with their verdicts. The box alone for htmx, else the desk."""
    checked = has_been_checked_form(request.GET.get("q", ""))
    if "q" in request.GET:
        try:
            checked["result"] = search.match(request.GET["q"], limit=10)
            result = checked["result"]
            checked["elsewhere"] = elsewhere.checked_elsewhere(result.query, result.vector)
        except search.BadQuery as exc:
            checked["error"] = str(exc)
    if checked["result"] is not None:
        found = {m.claim_id: m for m in checked["result"].matches}
        claims = selectors.newsroom_claims().in_bulk(list(found))
        checked["rows"] = [(found[pk], claims[pk]) for pk in found if pk in claims]
    status = 400 if checked["error"] else 200
    if request.htmx:
        return render(
            request, "newsroom/partials/checked.html", {"checked": checked}, status=status
        )
    return render(request, "newsroom/checked.html", {"checked": checked}, status=status)


@newsroom_member_required
def queue(request):
    """Every claim, filtered. Editors assign from here and answer requests to take a claim;
    fact-checkers read it and ask to take what nobody has."""
    editor = workflow.is_editor(request.user)
    claim_filter = ClaimFilter(request.GET, queryset=selectors.queue_claims())
    claims = claim_filter.qs
    if not request.GET.get("ordering"):
        claims = claims.order_by("-created_at")
    page = Paginator(claims, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "newsroom/queue.html",
        {
            "filter": claim_filter,
            "page": page,
            "query": query.urlencode(),
            "is_editor": editor,
            "assign_form": BulkAssignForm() if editor else None,
            "take_requests": selectors.open_take_requests() if editor else [],
            "askable": set() if editor else workflow.askable(request.user, page),
            "saved_filters": request.user.saved_filters.all(),
            "save_form": SavedFilterForm(initial={"query": query.urlencode()}),
        },
    )


@require_POST
@editor_required
def bulk_assign(request):
    form = BulkAssignForm(request.POST)
    ids = [int(i) for i in request.POST.getlist("claim") if i.isdigit()]
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose at least one claim and who to assign them to."))
        return redirect("newsroom:queue")
    assignee, due_at = form.cleaned_data["assignee"], form.cleaned_data["due_at"]
    done, refused = 0, []
    for claim in Claim.objects.filter(pk__in=ids).select_related("speaker__side"):
        try:
            actions.assign_claim(claim, request.user, assignee, due_at)
            done += 1
        except (workflow.NotAllowed, workflow.NotReady) as exc:
            refused.append(f"#{claim.pk}: {exc}")
    if done:
        messages.success(request, _("%(n)d claim(s) assigned.") % {"n": done})
    for reason in refused:
        messages.error(request, reason)
    return redirect(safe_next(request) or "newsroom:queue")


@require_POST
@newsroom_member_required
def save_filter(request):
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        SavedFilter.objects.update_or_create(
            user=request.user,
            name=form.cleaned_data["name"].strip(),
            defaults={"query": form.cleaned_data["query"]},
        )
        messages.success(request, _("Filter saved."))
        return redirect(f"{redirect('newsroom:queue').url}?{form.cleaned_data['query']}")
    messages.error(request, _("Give the filter a name."))
    return redirect("newsroom:queue")


@editor_required
def dashboard(request):
    now = timezone.now()
    states = dict(Claim.objects.values_list("status").annotate(n=Count("id")))
    per_state = [(label, states.get(value, 0)) for value, label in Claim.Status.choices]
    weeks = (
        AuditEvent.objects.filter(action="publish", created_at__gte=now - timedelta(weeks=12))
        .annotate(week=TruncWeek("created_at"))
        .values_list("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    by_side = selectors.verdicts_by_side_and_rating()
    overdue = (
        selectors.newsroom_claims()
        .filter(
            due_at__lt=now,
            status__in=workflow.ASSIGNED_WORK,
        )
        .order_by("due_at")
    )
    return render(
        request,
        "newsroom/dashboard.html",
        {
            "per_state": per_state,
            "state_max": max([n for _, n in per_state] + [1]),
            "weeks": list(weeks),
            "week_max": max([n for _, n in weeks] + [1]),
            "by_side": by_side,
            "side_totals": {side: sum(n for *_, n in items) for side, items in by_side.items()},
            "overdue": overdue,
            "finder": selectors.finder_on_our_work(),
        },
    )


@newsroom_member_required
def conflicts(request):
    if request.method == "POST":
        form = ConflictForm(request.POST)
        if form.is_valid():
            if request.POST.get("withdraw"):
                actions.withdraw_conflict(request.user, form.cleaned_data["side"])
            else:
                actions.declare_conflict(
                    request.user, form.cleaned_data["side"], form.cleaned_data["note"]
                )
            return redirect("newsroom:conflicts")
    else:
        form = ConflictForm()
    declared = ConflictOfInterest.objects.filter(user=request.user).select_related("side")
    return render(request, "newsroom/conflicts.html", {"form": form, "declared": declared})


@newsroom_member_required
def notifications(request):
    if request.method == "POST":
        request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("newsroom:notifications")
    items = request.user.notifications.select_related("claim")
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "newsroom/notifications.html", {"page": page})
