"""Pages for readers. Everything here reads through selectors.published_verdicts().

Anonymous GETs are cached in Redis under the current public generation (page_cache.py),
so a publication, correction or retraction makes every cached page stale at once; if Redis
is unreachable the page is simply built again.
"""

import logging
import re
from functools import lru_cache

from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from claims import evidence_files, selectors
from claims.models import (
    Actor,
    Article,
    Claim,
    Correction,
    Evidence,
    Follow,
    Organisation,
    Rating,
    RatingScale,
    ReaderSubscription,
    Side,
    Topic,
)
from claims.public import (
    cache_tags,
    claimreview,
    followers,
    open_data,
    page_cache,
    rate_limits,
    readership,
)
from claims.public.filters import PublishedVerdictFilter
from claims.public.forms import AskForm, FollowForm
from claims.public.reader_requests import request_check

logger = logging.getLogger(__name__)
public_page = page_cache.public_page


@public_page()
def home(request):
    verdicts = selectors.published_verdicts().order_by("-published_at")[:12]
    topics = readership.most_read_topics()
    jsonld = claimreview.as_script({"@context": "https://schema.org", **claimreview.organisation()})
    return render(
        request, "public/home.html", {"verdicts": verdicts, "topics": topics, "jsonld": jsonld}
    )


def verdict_detail(request, pk):
    """The verdict page (cached); every view of it counts as a read."""
    response = _verdict_page(request, pk)
    if response.status_code == 200:
        readership.record_read(pk)
    return response


@public_page()
def _verdict_page(request, pk):
    try:
        verdict = selectors.public_verdict(pk)
    except selectors.Verdict.DoesNotExist:
        return _retracted_page(request, pk)
    claim = verdict.claim
    counter_claims = list(selectors.public_counter_claims(claim))
    response = render(
        request,
        "public/verdict.html",
        {
            "verdict": verdict,
            "claim": claim,
            "scale": verdict.rating.scale.ratings.all(),
            "counter_claims": counter_claims,
            "jsonld": claimreview.as_script(claimreview.claim_review(verdict)),
            "canonical": claimreview.absolute(verdict.public_url()),
        },
    )
    response["Last-Modified"] = http_date(verdict.modified_at.timestamp())
    shown = [other for other, _their_verdict in counter_claims]
    return cache_tags.add(response, *cache_tags.of_verdict(verdict, shown))


BROWSE_PARAMETERS = (*PublishedVerdictFilter.base_filters, "published_after", "published_before",
                     "page")  # fmt: skip


def _paginated(request, queryset, per_page=20):
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


@public_page(*BROWSE_PARAMETERS)
def browse(request):
    if request.GET.get("q") and rate_limits.too_many_searches(request):
        response = render(request, "public/slow_down.html", status=429)
        response["Retry-After"] = "60"
        return response
    # Filtering, ranking and counting run on a lean query of ids; only the page's verdicts
    # are then loaded with everything they show (with many claims, the joins of a full
    # query would make the planner read them all).
    verdict_filter = PublishedVerdictFilter(
        request.GET, queryset=selectors.published_verdicts(related=False)
    ).show_choices()
    verdicts = verdict_filter.qs
    if not request.GET.get("ordering") and not request.GET.get("q"):
        verdicts = verdicts.order_by("-published_at")
    if "topic" in request.GET:
        verdicts = verdicts.distinct()
    page, query = _paginated(request, verdicts.values_list("pk", flat=True))
    shown = (
        selectors.published_verdicts().prefetch_related("claim__topics").in_bulk(page.object_list)
    )
    page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
    searched = verdict_filter.form.is_valid() and verdict_filter.form.cleaned_data.get("q")
    if searched:
        page.object_list = selectors.add_snippets(page.object_list, searched)
    meant = []
    if searched and not page.object_list and page.number == 1:
        meant = selectors.checked_claims_like(searched)
    return render(
        request,
        "public/browse.html",
        {
            "filter": verdict_filter,
            "page": page,
            "query": query,
            "searching": bool(request.GET.get("q")),
            "filtered": any(
                request.GET.get(name) for name in BROWSE_PARAMETERS if name not in ("q", "page")
            ),
            "meant": meant,
        },
    )


def _ratings_chart(verdicts):
    """(rating, count, bar width) for every rating the verdicts have, best first."""
    counts = dict(
        verdicts.order_by().values_list("rating").annotate(n=Count("pk")).values_list("rating", "n")
    )
    ratings = Rating.objects.in_bulk(counts)
    top = max(counts.values(), default=1)
    return [
        (ratings[pk], n, round(85 * n / top))
        for pk, n in sorted(counts.items(), key=lambda item: -ratings[item[0]].value)
    ]


def _listing(request, template, subject, verdicts, **extra):
    """A speaker's, topic's or side's verdicts, a page at a time, with the ratings of all."""
    page, query = _paginated(request, verdicts.order_by("-published_at"))
    return render(
        request,
        template,
        {
            "subject": subject,
            "page": page,
            "query": query,
            "chart": _ratings_chart(verdicts),
            **extra,
        },
    )


@public_page("page")
def speaker(request, slug):
    actor = get_object_or_404(Actor.objects.select_related("side"), slug=slug)
    verdicts = selectors.published_verdicts().filter(claim__speaker=actor)
    response = _listing(
        request,
        "public/listing.html",
        actor,
        verdicts,
        kind="speaker",
        feed=f"/feeds/speakers/{actor.slug}/rss/",
    )
    return cache_tags.add(response, f"speaker-{actor.pk}")


@public_page("page")
def topic(request, slug):
    subject = get_object_or_404(Topic, slug=slug)
    verdicts = selectors.published_verdicts().filter(claim__topics=subject)
    response = _listing(
        request,
        "public/listing.html",
        subject,
        verdicts,
        kind="topic",
        feed=f"/feeds/topics/{subject.slug}/rss/",
    )
    return cache_tags.add(response, f"topic-{subject.pk}")


@public_page("page")
def side(request, slug):
    subject = get_object_or_404(Side, slug=slug)
    verdicts = selectors.published_verdicts().filter(claim__speaker__side=subject)
    response = _listing(request, "public/listing.html", subject, verdicts, kind="side", feed=None)
    return cache_tags.add(response, f"side-{subject.pk}")


@public_page()
def open_data_page(request):
    """What the open data holds, under which licence, and when it was last built."""
    return render(
        request,
        "public/open_data.html",
        {
            "schema": open_data.SCHEMA,
            "built_at": open_data.built_at(),
            "licence": settings.OPEN_DATA_LICENCE,
            "licence_url": settings.OPEN_DATA_LICENCE_URL,
        },
    )


def open_data_file(request, kind):
    """The file as beat last wrote it; a 404 that says so until the first build."""
    path = open_data.directory() / open_data.FILES[kind]
    if not path.exists():
        return HttpResponseNotFound(
            _("The open data has not been built yet; it is built every night."),
            content_type="text/plain; charset=utf-8",
        )
    content_type = "application/json" if kind == "json" else "text/csv; charset=utf-8"
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{path.name}"'
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public_page()
def transparency(request):
    """What we checked, per side, rating and month: the balance the IFCN code asks us to
    show, from the same data as the editors' dashboard."""
    by_side = selectors.verdicts_by_side_and_rating()
    months = selectors.verdicts_per_month()
    ratings = selectors.verdicts_per_rating()
    return render(
        request,
        "public/transparency.html",
        {
            "by_side": by_side,
            "side_totals": {side: sum(n for *_, n in items) for side, items in by_side.items()},
            "shares": selectors.checked_share_by_side(),
            "months": months,
            "month_max": max([n for _, n in months] + [1]),
            "ratings": ratings,
            "rating_max": max([n for *_, n in ratings] + [1]),
        },
    )


@public_page()
def about(request):
    """Who we are, who funds us, how we correct, how to complain: what admins wrote."""
    org = Organisation.current()
    funding = {}
    for source in org.funding.all():
        funding.setdefault(source.year, []).append(source)
    return render(
        request,
        "public/about.html",
        {
            "org": org,
            "masthead": org.masthead.all(),
            "funding": sorted(funding.items(), reverse=True),
        },
    )


@lru_cache(maxsize=1)
def _favicon_bytes():
    with open(finders.find("favicon.ico"), "rb") as handle:
        return handle.read()


def favicon(request):
    """Browsers ask for /favicon.ico on every page, ours or not (admin, feeds): read from
    the static files once per process."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@public_page()
def methodology(request):
    scale = RatingScale.objects.filter(is_default=True).prefetch_related("ratings").first()
    values = [rating.value for rating in scale.ratings.all()] if scale else []
    return render(
        request,
        "public/methodology.html",
        {"scale": scale, "best": max(values, default=None), "worst": min(values, default=None)},
    )


def _retracted_page(request, pk):
    """A retracted verdict keeps its URL with the retraction and its reason, as readers and
    the IFCN expect; 410 Gone and no ClaimReview, so search engines drop the fact-check."""
    try:
        verdict = selectors.retracted_verdict(pk)
    except selectors.Verdict.DoesNotExist:
        raise Http404(_("No such verdict")) from None
    response = render(
        request, "public/retracted.html", {"verdict": verdict, "claim": verdict.claim}, status=410
    )
    return cache_tags.add(response, f"verdict-{verdict.pk}")


@public_page("page")
def corrections(request):
    public = selectors.published_verdicts().values("pk")
    items = (
        Correction.objects.filter(verdict__in=public)
        .select_related("verdict__claim", "previous_rating", "new_rating")
        .order_by("-created_at")
    )
    retractions = (
        selectors.Verdict.objects.filter(claim__status=Claim.Status.RETRACTED)
        .select_related("claim")
        .order_by("-retracted_at")
    )
    page, query = _paginated(request, items, 50)
    return render(
        request,
        "public/corrections.html",
        {"page": page, "query": query, "retractions": retractions},
    )


def ask(request):
    if request.method == "POST":
        form = AskForm(request.POST)
        if rate_limits.too_many_requests_to_check(request):
            form.add_error(
                None, _("You have sent many requests in a short time. Please try again in an hour.")
            )
            return render(request, "public/ask.html", {"form": form}, status=429)
        if form.is_valid():
            if not form.is_spam():
                data = form.cleaned_data
                request_check(data["text"], data["url"], data["email"])
            messages.success(request, _("Thank you: we will look at it."))
            return redirect("public:ask")
        return render(request, "public/ask.html", {"form": form}, status=400)
    # "Ask us to check" from a search that found nothing arrives with the reader's words.
    initial = {"text": request.GET.get("text", "")[:2000]}
    return render(request, "public/ask.html", {"form": AskForm(initial=initial)})


def follow(request, verdict=None, slug=None):
    """Follow a verdict (its corrections) or a speaker (their new verdicts) by e-mail. Its
    own page, not the cached verdict page, so that the form carries a CSRF token."""
    if verdict is not None:
        target = get_object_or_404(selectors.published_verdicts(), pk=verdict)
        kind, back = "verdict", target.public_url()
    else:
        target = get_object_or_404(Actor, slug=slug)
        kind, back = "speaker", reverse("public:speaker", args=[slug])
    form = FollowForm(request.POST or None)
    context = {"form": form, "kind": kind, "subject": target}
    if request.method != "POST":
        return render(request, "public/follow.html", context)
    if rate_limits.too_many_follows(request):
        form.add_error(None, _("Too many requests from here; please try again in an hour."))
        return render(request, "public/follow.html", context, status=429)
    if not form.is_valid():
        return render(request, "public/follow.html", context, status=400)
    if not form.cleaned_data.get("website"):  # the honeypot: bots fill it
        followers.follow(form.cleaned_data["email"], **{kind: target})
    messages.success(request, _("Almost done: open the link in the e-mail we sent to confirm."))
    return redirect(back)


def follow_confirm(request, token):
    follow_obj = get_object_or_404(Follow, token=token)
    if request.method == "POST":
        followers.confirm(follow_obj)
        messages.success(request, _("Confirmed: we will write when something changes."))
        return redirect("public:home")
    return render(
        request,
        "public/follow_step.html",
        {
            "follow": follow_obj,
            "heading": _("Confirm that you want to follow"),
            "button": _("Yes, write to me"),
        },
    )


@csrf_exempt  # one-click unsubscribe (RFC 8058) posts from the mail client; the token decides
def follow_stop(request, token):
    follow_obj = get_object_or_404(Follow, token=token)
    if request.method == "POST":
        followers.stop(follow_obj)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        messages.success(request, _("Done: you will not hear from us about this again."))
        return redirect("public:home")
    return render(
        request,
        "public/follow_step.html",
        {"follow": follow_obj, "heading": _("Stop these e-mails"), "button": _("Stop")},
    )


def unsubscribe(request, token):
    subscription = get_object_or_404(ReaderSubscription, token=token)
    if request.method == "POST":
        subscription.delete()
        messages.success(request, _("Done: we have forgotten your address."))
        return redirect("public:home")
    return render(request, "public/unsubscribe.html", {"subscription": subscription})


def _archived(content, content_type, fetched_at, file_name=""):
    """An archived copy, sandboxed: its scripts never run and it cannot act as our site.
    Only our own banner page may frame it. An uploaded picture is shown; an uploaded PDF is
    downloaded (a browser's PDF viewer does not run in a sandbox)."""
    mime, _, charset = content_type.partition("; charset=")
    if mime in evidence_files.ACCEPTED:
        response = HttpResponse(bytes(content), content_type=mime)
        disposition = "inline" if mime in evidence_files.PICTURES else "attachment"
        safe_name = re.sub(r"[^\w.\- ]", "_", file_name or "evidence")
        response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    else:
        kind = "text/html" if mime in ("text/html", "application/xhtml+xml") else "text/plain"
        response = HttpResponse(
            bytes(content), content_type=f"{kind}; charset={charset or 'utf-8'}"
        )
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src *; style-src *; frame-ancestors 'self'"
    )
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["X-Robots-Tag"] = "noindex"
    if fetched_at:
        response["Last-Modified"] = http_date(fetched_at.timestamp())
    return response


def _banner(
    request, *, original, fetched_at, sha256, verdicts, copy_url, title, file_name="",
    content_type="",
):  # fmt: skip
    """The archived copy's page: where it came from, when, its fingerprint, the verdicts that
    cite it, and the copy itself below in a sandboxed frame."""
    response = render(
        request,
        "public/archived.html",
        {
            "original": original,
            "fetched_at": fetched_at,
            "sha256": sha256,
            "verdicts": verdicts,
            "copy_url": copy_url,
            "title": title,
            "file_name": file_name,
            "picture": content_type in evidence_files.PICTURES,
            "download": content_type in evidence_files.ACCEPTED
            and content_type not in evidence_files.PICTURES,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _published_article(pk):
    return get_object_or_404(
        Article.objects.filter(
            claims__verdict__in=selectors.published_verdicts(related=False),
            raw_snapshot__isnull=False,
        ).distinct(),
        pk=pk,
    )


def _published_evidence(pk):
    return get_object_or_404(
        Evidence.objects.select_related("claim__verdict"),
        pk=pk,
        claim__verdict__in=selectors.published_verdicts(related=False),
        archive_status=Evidence.ArchiveStatus.ARCHIVED,
    )


def archived_article(request, pk):
    article = _published_article(pk)
    return _banner(
        request,
        original=article.url,
        fetched_at=article.fetched_at,
        sha256=article.snapshot_sha256,
        verdicts=selectors.published_verdicts().filter(claim__article=article),
        copy_url=reverse("public:archived-article-copy", args=[article.pk]),
        title=article.title or article.url,
    )


def archived_article_copy(request, pk):
    article = _published_article(pk)
    return _archived(article.raw_snapshot, article.content_type, article.fetched_at)


def archived_evidence(request, pk):
    evidence = _published_evidence(pk)
    return _banner(
        request,
        original=evidence.url,
        fetched_at=evidence.archived_at,
        sha256=evidence.archived_sha256,
        verdicts=[evidence.claim.verdict],
        copy_url=reverse("public:archived-evidence-copy", args=[evidence.pk]),
        title=evidence.title,
        file_name=evidence.file_name,
        content_type=evidence.archived_content_type,
    )


def serve_archived_evidence(evidence):
    return _archived(
        evidence.archived_snapshot,
        evidence.archived_content_type or "text/html",
        evidence.archived_at,
        evidence.file_name,
    )


def archived_evidence_copy(request, pk):
    return serve_archived_evidence(_published_evidence(pk))


def robots_txt(request):
    """For crawlers: read the verdicts, skip the newsroom; where the sitemap is."""
    lines = [
        "User-agent: *",
        "Disallow: /newsroom/",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /api/",
        "Allow: /api/public/",
        f"Sitemap: {claimreview.absolute('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
