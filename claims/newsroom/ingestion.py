"""Ingesting articles: the form, the article page with live progress, and the review of
the claims the pipeline suggests."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims.ingest import review
from claims.ingest.attribution import languages_read
from claims.ingest.submit import IngestError, submit
from claims.ingest.submit import retry as retry_article
from claims.meaning.language import LANGUAGE_NAMES, UNDETERMINED
from claims.models import Article, Claim, ClaimSuggestion
from claims.newsroom.access import newsroom_member_required
from claims.newsroom.forms import AcceptSuggestionForm, IngestForm, PassageForm, speaker_choices


@newsroom_member_required
def ingest(request):
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article, created = submit(form.source, by=request.user)
        except IngestError as exc:
            form.add_error(None, str(exc))
        else:
            if not created:
                messages.info(request, _("This article was ingested before; here it is."))
            return redirect(article.newsroom_url())
    recent = Article.objects.select_related("outlet").annotate(
        pending=Count("suggestions", filter=Q(suggestions__status="pending"))
    )[:20]
    status = 400 if request.method == "POST" else 200
    return render(request, "newsroom/ingest.html", {"form": form, "recent": recent}, status=status)


def _article_context(article):
    suggestions = list(
        article.suggestions.select_related("actor__side", "side", "claim").order_by("span_start")
    )
    related_ids = {r["claim_id"] for s in suggestions for r in s.related}
    related = Claim.objects.with_people().in_bulk(list(related_ids))
    actors = speaker_choices()
    for suggestion in suggestions:
        suggestion.related_claims = [
            {**r, "claim": related[r["claim_id"]]}
            for r in suggestion.related
            if r["claim_id"] in related
        ]
        if suggestion.status == ClaimSuggestion.Status.PENDING:
            suggestion.form = AcceptSuggestionForm(
                suggestion=suggestion,
                related_claims=related,
                actor_choices=actors,
                prefix=f"s{suggestion.pk}",
            )
    return {
        "article": article,
        "passage_form": PassageForm(),
        "actor_names": [name for _pk, name in actors],
        "suggestions": suggestions,
        "pending": sum(s.status == ClaimSuggestion.Status.PENDING for s in suggestions),
        "claims": article.claims.with_people().order_by("span_start"),
        "unread_language": unread_language(article),
    }


def unread_language(article) -> str:
    """The name of the article's language when claims are not suggested in it yet."""
    code = (article.language or "")[:2]
    if not code or code == UNDETERMINED[:2] or code in languages_read():
        return ""
    return LANGUAGE_NAMES.get(code, code)


@newsroom_member_required
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    context = _article_context(article)
    if request.htmx and request.GET.get("part") == "progress":
        return render(request, "newsroom/partials/ingestion.html", context)
    return render(request, "newsroom/article.html", context)


@require_POST
@newsroom_member_required
def retry(request, pk):
    article = get_object_or_404(Article, pk=pk)
    retry_article(article)
    messages.info(request, _("Trying again."))
    return redirect(article.newsroom_url())


@require_POST
@newsroom_member_required
def accept_suggestion(request, pk):
    suggestion = get_object_or_404(ClaimSuggestion.objects.select_related("article"), pk=pk)
    form = AcceptSuggestionForm(request.POST, suggestion=suggestion, prefix=f"s{suggestion.pk}")
    if not form.is_valid():
        messages.error(request, _("The claim was not logged: %(errors)s") % {
            "errors": " ".join(e for errors in form.errors.values() for e in errors)
        })  # fmt: skip
        return redirect(suggestion.article.newsroom_url())
    data = form.cleaned_data
    try:
        claim = review.accept_suggestion(
            suggestion,
            request.user,
            text=data["text"],
            actor=data["speaker"],
            new_actor=data["new_speaker"],
            link_ids=data["links"],
        )
    except IngestError as exc:
        messages.error(request, str(exc))
        return redirect(suggestion.article.newsroom_url())
    messages.success(request, _("Logged as a new claim: %(claim)s") % {"claim": claim})
    return _after_review(request, suggestion)


@require_POST
@newsroom_member_required
def reject_suggestion(request, pk):
    suggestion = get_object_or_404(ClaimSuggestion.objects.select_related("article"), pk=pk)
    review.reject_suggestion(suggestion, request.user)
    return _after_review(request, suggestion)


def _after_review(request, suggestion):
    if request.htmx:
        context = _article_context(suggestion.article)
        return render(request, "newsroom/partials/ingestion.html", context)
    return redirect(suggestion.article.newsroom_url())


@require_POST
@newsroom_member_required
def log_passage(request, pk):
    """Make a claim of a passage the finder missed."""
    article = get_object_or_404(Article, pk=pk)
    form = PassageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select a passage of the text first."))
        return redirect(article.newsroom_url())
    try:
        claim = review.log_passage(
            article, request.user, form.cleaned_data["passage"], form.cleaned_data["speaker"]
        )
    except IngestError as exc:
        messages.error(request, str(exc))
        return redirect(article.newsroom_url())
    messages.success(request, _("Logged as a new claim: %(claim)s") % {"claim": claim})
    return redirect(claim.newsroom_url())
