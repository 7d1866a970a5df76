"""Reads that several pages share. Readers only ever go through published_verdicts()."""

import re

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, Prefetch, Q, Sum, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from claims import workflow
from claims.models import (
    Actor,
    Claim,
    ClaimLink,
    Evidence,
    Note,
    Rating,
    ReplyAttempt,
    TakeRequest,
    Verdict,
)


def published_verdicts(related=True):
    """The one door readers go through: a draft can never leak past it.

    `related=False` leaves out the joins a page shows, for lean queries that only pick
    which verdicts (ids) to show, such as a ranked search over many claims.
    """
    verdicts = Verdict.objects.filter(
        published_at__isnull=False, claim__status=Claim.Status.PUBLISHED
    )
    if not related:
        return verdicts
    return verdicts.select_related(
        "rating__scale", "claim__speaker__side", "claim__article__outlet"
    )


def newsroom_claims():
    return Claim.objects.with_people().select_related("verdict__rating", "verdict__author")


def queue_claims():
    """The editors' queue: every claim, with `demand`, the number of reader requests."""
    return (
        newsroom_claims()
        .prefetch_related("topics")
        .annotate(demand=Coalesce(Sum("reader_requests__count"), 0))
    )


def counter_claims(claim):
    """What the other side says about `claim`, with each one's verdict: one query."""
    return (
        Claim.objects.counter_claims_of(claim)
        .select_related("speaker__side", "verdict__rating")
        .order_by("created_at")
    )


def claim_workspace(pk):
    """A claim with everything its workspace shows, in a fixed number of queries."""
    return (
        newsroom_claims()
        .prefetch_related(
            "topics",
            Prefetch("notes", queryset=Note.objects.select_related("author")),
            Prefetch("reply_attempts", queryset=ReplyAttempt.objects.select_related("recorded_by")),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
            Prefetch(
                "links_out",
                queryset=ClaimLink.objects.select_related("to_claim__speaker__side"),
            ),
            Prefetch(
                "links_in",
                queryset=ClaimLink.objects.select_related("from_claim__speaker__side"),
            ),
        )
        .get(pk=pk)
    )


def links_of(claim):
    """[(kind, other claim, link)] for every link of `claim`, both ways (from the rows
    claim_workspace() prefetched)."""
    return [(link.get_kind_display(), link.to_claim, link) for link in claim.links_out.all()] + [
        (link.get_kind_display(), link.from_claim, link) for link in claim.links_in.all()
    ]


def claims_to_link(claim, query, limit=10):
    """Claims whose words match `query`, to link to `claim` (not itself)."""
    query = query.strip()
    if len(query) < 3:
        return []
    return list(
        Claim.objects.with_people()
        .filter(Q(text__icontains=query) | Q(checkable_text__icontains=query))
        .exclude(pk=claim.pk)
        .order_by("-created_at")[:limit]
    )


def finder_on_our_work():
    """How the claim finder did on the newsroom's own articles: of the suggestions decided,
    how many were accepted as found, accepted after editing, or rejected; and how many
    claims fact-checkers logged by hand from a passage it missed."""
    from claims.models import AuditEvent, ClaimSuggestion

    decided = ClaimSuggestion.objects.exclude(status=ClaimSuggestion.Status.PENDING)
    counts = decided.aggregate(
        accepted=Count("pk", filter=Q(status=ClaimSuggestion.Status.ACCEPTED)),
        edited=Count(
            "pk", filter=Q(status=ClaimSuggestion.Status.ACCEPTED) & ~Q(claim__text=F("text"))
        ),
        rejected=Count("pk", filter=Q(status=ClaimSuggestion.Status.REJECTED)),
    )
    judged = counts["accepted"] + counts["rejected"]
    counts["precision"] = counts["accepted"] / judged if judged else None
    counts["by_hand"] = AuditEvent.objects.filter(
        action="create", summary__startswith="Logged by hand"
    ).count()
    return counts


FIELD_WORDS = {
    "status": _("status"),
    "assignee_id": _("assignee"),
    "due_at": _("due"),
    "text": _("as reported"),
    "checkable_text": _("checkable form"),
    "speaker_id": _("speaker"),
    "rating_id": _("rating"),
    "headline": _("headline"),
    "summary": _("summary"),
    "explanation": _("explanation"),
    "title": _("title"),
    "excerpt": _("excerpt"),
    "stance": _("stance"),
    "url": _("address"),
}


def history(claim):
    """The claim's trail, newest first, each event with `readable_changes`: (field, before,
    after) in words (statuses by name, people and ratings by name), real changes only."""
    events = list(claim.audit_events.select_related("actor").order_by("-created_at", "-pk"))
    ids = {"assignee_id": set(), "speaker_id": set(), "rating_id": set()}
    for event in events:
        for key, before, after in event.changes():
            if key in ids:
                ids[key] |= {v for v in (before, after) if v is not None}
    names = {
        "assignee_id": {
            u.pk: u.get_full_name() or u.username
            for u in get_user_model().objects.filter(pk__in=ids["assignee_id"])
        },
        "speaker_id": {a.pk: a.name for a in Actor.objects.filter(pk__in=ids["speaker_id"])},
        "rating_id": {r.pk: r.label for r in Rating.objects.filter(pk__in=ids["rating_id"])},
        "status": dict(Claim.Status.choices),
    }
    for event in events:
        event.readable_changes = [
            (
                FIELD_WORDS.get(key, key.replace("_", " ")),
                names.get(key, {}).get(before, before),
                names.get(key, {}).get(after, after),
            )
            for key, before, after in event.changes()
        ]
    return events


def what_to_fix(claim):
    """The editor's "what to fix" when the claim came back from review: the return event,
    shown on top of the workspace until the claim is sent to review again; else None."""
    if claim.status != Claim.Status.IN_RESEARCH:
        return None
    last = (
        claim.audit_events.filter(action__in=["return_to_research", "submit_for_review"])
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    return last if last is not None and last.action == "return_to_research" else None


def open_take_request(claim, user):
    """`user`'s unanswered request to take `claim`, or None."""
    if not user.is_authenticated:
        return None
    return claim.take_requests.filter(user=user, decided_at__isnull=True).first()


def open_take_requests(claim=None):
    """Unanswered requests to take a claim, oldest first: one claim's, or every claim's."""
    requests = TakeRequest.objects.filter(decided_at__isnull=True).select_related("user", "claim")
    return requests.filter(claim=claim) if claim is not None else requests


def desk_for(user):
    """A fact-checker's open work, soonest deadline first."""
    return (
        newsroom_claims()
        .filter(assignee=user, status__in=workflow.ASSIGNED_WORK)
        .order_by(F("due_at").asc(nulls_last=True), "created_at")
    )


def returned_to(user):
    """The user's claims that came back from review and wait for a fix."""
    return (
        newsroom_claims()
        .filter(
            assignee=user,
            status=Claim.Status.IN_RESEARCH,
            audit_events__action="return_to_research",
        )
        .distinct()
    )


# PostgreSQL marks the matches with these; the template escapes the rest and turns only
# them into <mark> (templatetags/verify.py), so a claim's own text can never inject HTML.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"


# A reader's search is cut to this before PostgreSQL sees it: the highlighter's cost grows
# with repeated terms, and no real question needs more words than this.
SEARCH_MAX_CHARS = 200
SEARCH_MAX_TERMS = 10
_SEARCH_TERM = re.compile(r'-?"[^"]*"|\S+')


def normalise_search(text):
    """`text` with duplicate terms removed, at most SEARCH_MAX_TERMS terms and
    SEARCH_MAX_CHARS characters; quoted phrases count as one term each."""
    kept, seen, length = [], set(), 0
    for term in _SEARCH_TERM.findall(text[: SEARCH_MAX_CHARS * 5]):
        if term.startswith(('"', '-"')):
            words = list(dict.fromkeys(term.strip('-"').split()))
            term = f'{"-" if term.startswith("-") else ""}"{" ".join(words)}"'
        key = term.lower()
        if key in seen or length + len(term) > SEARCH_MAX_CHARS:
            continue
        seen.add(key)
        kept.append(term)
        length += len(term) + 1
        if len(kept) == SEARCH_MAX_TERMS:
            break
    return " ".join(kept)


def _search_query(text):
    return SearchQuery(normalise_search(text), search_type="websearch", config="simple")


def _stemmed_query(text):
    """The query stemmed in its own language, for claims stemmed in theirs."""
    from claims.meaning.language import detect, search_config

    normalised = normalise_search(text)
    return SearchQuery(
        normalised, search_type="websearch", config=search_config(detect(normalised))
    )


def search_verdicts(verdicts, text):
    """Published verdicts matching `text` in the claim or the verdict, best first.

    websearch syntax ("quoted phrases", -exclusions, or); the 'simple' configuration treats
    every language alike, and claims are also searched stemmed in their own language
    ("shelled" finds "shelling"). Adds `rank`. Each is looked up through its own GIN index
    (an OR across the join would read every verdict); add_snippets() highlights the page.
    """
    query = _search_query(text)
    in_verdict = Verdict.objects.filter(search=query).values("pk")
    in_claim = Verdict.objects.filter(
        claim__search=query, claim__status=Claim.Status.PUBLISHED
    ).values("pk")
    in_claim_stemmed = Verdict.objects.filter(
        claim__stemmed=_stemmed_query(text), claim__status=Claim.Status.PUBLISHED
    ).values("pk")
    return (
        verdicts.filter(pk__in=in_verdict.union(in_claim, in_claim_stemmed))
        .annotate(rank=SearchRank(F("search"), query) + SearchRank(F("claim__search"), query))
        .order_by("-rank", "-published_at")
    )


def checked_claims_like(text, limit=5):
    """Readers' "did you mean these checked claims?": published verdicts whose claims mean
    what `text` says, in any language, when its words found nothing."""
    from claims.meaning.search import BadQuery, match

    try:
        found = match(text, limit=limit, published_only=True).matches
    except BadQuery:
        return []
    verdicts = published_verdicts().in_bulk([m.claim_id for m in found], field_name="claim_id")
    return [verdicts[m.claim_id] for m in found if m.claim_id in verdicts]


def add_snippets(verdicts, text):
    """Set `snippet` (the match, highlighted) on the verdicts of one page: one query."""
    verdicts = list(verdicts)
    query = _search_query(text)
    snippets = dict(
        Verdict.objects.filter(pk__in=[v.pk for v in verdicts])
        .annotate(
            snippet=SearchHeadline(
                Concat("claim__checkable_text", Value(" — "), "summary", output_field=TextField()),
                query,
                config="simple",
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                max_words=40,
                min_words=15,
            )
        )
        .values_list("pk", "snippet")
    )
    for verdict in verdicts:
        verdict.snippet = snippets.get(verdict.pk, "")
    return verdicts


def _as_its_page_shows(verdicts):
    """What a verdict page shows with the verdict: one place for the public page and the
    newsroom's preview of it."""
    return verdicts.select_related("author", "reviewer").prefetch_related(
        "claim__topics",
        "corrections__previous_rating",
        "corrections__new_rating",
        "rating__scale__ratings",
        Prefetch("claim__evidence", queryset=Evidence.objects.order_by("created_at")),
        "claim__reply_attempts",
    )


def public_verdict(pk):
    """One published verdict with what its page shows, in a fixed number of queries."""
    return _as_its_page_shows(published_verdicts()).get(pk=pk)


def retracted_verdict(pk):
    """A verdict we published and then retracted: its page keeps the URL with the notice."""
    return Verdict.objects.select_related("claim").get(
        pk=pk, claim__status=Claim.Status.RETRACTED, retracted_at__isnull=False
    )


def draft_verdict(claim_pk):
    """A claim's verdict as its public page would show it, published or not (the preview)."""
    verdicts = Verdict.objects.select_related("claim__speaker__side", "claim__article", "rating")
    return _as_its_page_shows(verdicts).get(claim_id=claim_pk)


def public_counter_claims(claim):
    """The other side's claims readers may see, each with its verdict only if published
    (the template labels the others "being checked") and its source article."""
    shown = (
        counter_claims(claim).filter(status__in=workflow.SHOWN_TO_READERS).select_related("article")
    )
    return [(other, other.verdict if _is_public(other) else None) for other in shown]


def _is_public(claim):
    verdict = getattr(claim, "verdict", None)
    return claim.status == Claim.Status.PUBLISHED and verdict is not None and verdict.is_published


# --- balance: what the dashboard and the public transparency page both show ---------------


def verdicts_by_side_and_rating():
    """{side name: [(rating label, colour, n)]} over published verdicts, best rating first."""
    by_side = {}
    rows = (
        published_verdicts(related=False)
        .values_list("claim__speaker__side__name", "rating__label", "rating__colour")
        .annotate(n=Count("id"))
        .order_by("claim__speaker__side__name", "-rating__value")
    )
    for side, label, colour, n in rows:
        by_side.setdefault(side or _("No side"), []).append((label, colour, n))
    return by_side


def checked_share_by_side():
    """[(side name, claims logged, verdicts published, share)] per side: whether every side's
    claims are checked alike. Rejected claims are not counted as logged."""
    logged = dict(
        Claim.objects.exclude(status=Claim.Status.REJECTED)
        .values_list("speaker__side__name")
        .annotate(n=Count("id"))
        .values_list("speaker__side__name", "n")
    )
    published = dict(
        published_verdicts(related=False)
        .values_list("claim__speaker__side__name")
        .annotate(n=Count("id"))
        .values_list("claim__speaker__side__name", "n")
    )
    rows = []
    for side in sorted(logged, key=lambda name: (name is None, name or "")):
        n, done = logged[side], published.get(side, 0)
        rows.append((side or _("No side"), n, done, done / n if n else 0.0))
    return rows


def verdicts_per_month(months=12):
    """[(first day of the month, n)] of published verdicts, oldest first, the last `months`
    months that have any."""
    from django.db.models.functions import TruncMonth

    rows = (
        published_verdicts(related=False)
        .annotate(month=TruncMonth("published_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by("-month")[:months]
    )
    return sorted(rows)


def verdicts_per_rating():
    """[(label, colour, n)] of published verdicts, best rating first."""
    return list(
        published_verdicts(related=False)
        .values_list("rating__label", "rating__colour", "rating__value")
        .annotate(n=Count("id"))
        .order_by("-rating__value")
        .values_list("rating__label", "rating__colour", "n")
    )
