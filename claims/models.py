"""The newsroom's data: who said what, where, what the other side answered, and our verdict.

Business rules (who may move a claim where) live in claims/workflow.py, not here; models keep
the integrity rules that the database itself can enforce.
"""

import re
import secrets
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Func, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# How long a speaker has to answer us, unless the attempt sets its own deadline.
REPLY_WINDOW_HOURS = 24


def normalize_name(name: str) -> str:
    """The form under which actor names and aliases are compared.

    "Azerbaijan's Defense Ministry" and "azerbaijan’s  defence ministry" are the same name.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"\bdefense\b", "defence", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def not_blank(field: str, model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~Q(**{f"{field}__regex": r"^\s*$"}), name=f"{model}_{field}_not_blank"
    )


class Stance(models.TextChoices):
    """How a statement stands: claims and the suggestions they come from share these."""

    ASSERTION = "assertion", _("Assertion")
    ACCUSATION = "accusation", _("Accusation")
    DENIAL = "denial", _("Denial")


class Side(models.Model):
    """A party to a conflict or debate: a country, a camp, a campaign."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [not_blank("name", "side")]

    def __str__(self):
        return self.name


class ActorQuerySet(models.QuerySet):
    def named(self, name: str):
        """Actors whose name or one of whose aliases is `name`, however it is spelt."""
        key = normalize_name(name)
        return self.filter(Q(normalized_name=key) | Q(aliases__normalized=key)).distinct()


class Actor(models.Model):
    """A speaker: a person or an institution, and the side it speaks for."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        INSTITUTION = "institution", _("Institution")
        MEDIA = "media", _("News organisation")
        GROUP = "group", _("Group or movement")

    name = models.CharField(max_length=200)
    normalized_name = models.CharField(max_length=200, unique=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INSTITUTION)
    side = models.ForeignKey(
        Side, on_delete=models.PROTECT, null=True, blank=True, related_name="actors"
    )
    role = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. 'de facto deputy defence minister'")
    )
    same_as = models.TextField(
        _("pages that identify them"),
        blank=True,
        help_text=_("One web address per line: an encyclopedia entry, an official site"),
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [not_blank("name", "actor")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def same_as_urls(self):
        return [line.strip() for line in self.same_as.splitlines() if line.strip()]


class ActorAlias(models.Model):
    """Another name under which the same actor is reported ("Azerbaijani MOD")."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "actor aliases"
        constraints = [not_blank("alias", "actoralias")]

    def __str__(self):
        return self.alias

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)


class Outlet(models.Model):
    """Where articles appear: a newspaper, an agency, a ministry's website."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    side = models.ForeignKey(
        Side,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outlets",
        help_text=_("Set only for outlets that speak for a side, such as state media."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            not_blank("name", "outlet"),
            models.UniqueConstraint(
                Lower("domain"), condition=~Q(domain=""), name="outlet_domain_unique"
            ),
        ]

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [not_blank("name", "topic")]

    def __str__(self):
        return self.name


class Article(models.Model):
    """A source text, fetched from a URL or pasted, with the archived copy we cite."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        FETCHING = "fetching", _("Fetching")
        EXTRACTING = "extracting", _("Extracting")
        MATCHING = "matching", _("Matching")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Source(models.TextChoices):
        URL = "url", _("Web address")
        TEXT = "text", _("Pasted text")
        FILE = "file", _("Uploaded file")

    # The states in which the ingestion pipeline still has work to do.
    IN_PROGRESS = (Status.QUEUED, Status.FETCHING, Status.EXTRACTING, Status.MATCHING)

    source = models.CharField(max_length=10, choices=Source.choices, default=Source.URL)
    filename = models.CharField(max_length=255, blank=True)
    url = models.URLField(
        max_length=2000, unique=True, null=True, blank=True, help_text=_("Canonical URL")
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    title = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    text = models.TextField(blank=True, help_text=_("The extracted main text"))
    raw_snapshot = models.BinaryField(null=True, blank=True, editable=False)
    snapshot_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    fetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True, help_text=_("Why the last fetch or extraction failed"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "updated_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(snapshot_sha256="") | Q(snapshot_sha256__regex=r"^[0-9a-f]{64}$"),
                name="article_sha256_hex",
            ),
        ]

    def __str__(self):
        return self.title or self.url or f"Article {self.pk}"

    def newsroom_url(self):
        """The article's page in the newsroom (log-in needed)."""
        return reverse("newsroom:article", args=[self.pk])

    def public_url(self):
        """Where readers can see the article: its own address, or our archived copy of a
        pasted text (served once one of its claims has a published verdict)."""
        if self.url:
            return self.url
        return reverse("public:archived-article", args=[self.pk])

    @property
    def in_progress(self):
        return self.status in self.IN_PROGRESS


class ClaimSuggestion(models.Model):
    """An attributed statement the pipeline found in an article, waiting for a fact-checker.

    Only an accepted suggestion becomes a Claim (with its links); a rejected one stays so the
    pipeline, run again, does not offer it twice.
    """

    Stance = Stance

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    text = models.TextField()
    speaker_text = models.CharField(max_length=300, help_text=_("The speaker as written"))
    actor = models.ForeignKey(
        Actor, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_actor = models.CharField(
        max_length=200, blank=True, help_text=_("A new speaker to create if this is accepted")
    )
    side = models.ForeignKey(Side, on_delete=models.SET_NULL, null=True, blank=True)
    stance = models.CharField(max_length=12, choices=Stance.choices, default=Stance.ASSERTION)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    checkworthiness = models.FloatField(default=0.5)
    # [{"claim_id": 12, "kind": "same" | "counter", "score": 0.83}], best first.
    related = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim = models.ForeignKey(
        "Claim", on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article", "span_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "span_start", "span_end"], name="suggestion_span_unique"
            ),
            models.CheckConstraint(
                condition=Q(span_end__gt=F("span_start")), name="suggestion_span_valid"
            ),
        ]

    def __str__(self):
        return self.text[:120]

    @property
    def speaker_label(self):
        return str(self.actor) if self.actor else self.proposed_actor or self.speaker_text


class ClaimQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("speaker__side", "article__outlet", "assignee")

    def counter_claims_of(self, claim):
        """What the other side says: claims linked to `claim` as counter-claims, either way.

        The links are looked up first (by their indexed ends), then the claims by id: an OR
        across the two joins would read every claim.
        """
        links = ClaimLink.objects.filter(kind=ClaimLink.Kind.COUNTER)
        answered = links.filter(from_claim=claim).values("to_claim")
        answering = links.filter(to_claim=claim).values("from_claim")
        return self.filter(pk__in=answered.union(answering))


class StemmedSearchVector(Func):
    """to_tsvector in the row's own language: PostgreSQL's configuration for it (english,
    russian, french, turkish…) or 'simple'. Each configuration is a constant, so the
    expression is immutable and can be a stored generated column."""

    output_field = SearchVectorField()

    def __init__(self, language, *texts):
        super().__init__(language, *texts)

    def as_sql(self, compiler, connection, **extra_context):
        from claims.meaning.language import SEARCH_CONFIGS

        language, *texts = self.source_expressions
        language_sql, language_params = compiler.compile(language)
        cases = " ".join(
            f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in SEARCH_CONFIGS.items()
        )
        parts, params = [], list(language_params)
        for text in texts:
            sql, text_params = compiler.compile(text)
            parts.append(f"COALESCE({sql}, '')")
            params.extend(text_params)
        document = " || ' ' || ".join(parts)
        config = f"(CASE LEFT({language_sql}, 2) {cases} ELSE 'simple'::regconfig END)"
        return f"to_tsvector({config}, {document})", params


class StemsVector(Func):
    """The texts' words cut to their first five letters, lower-cased, without apostrophes
    (claims/ingest/matching.stem), as a tsvector. The word matcher asks for stems as whole
    lexemes, which GIN finds in one entry each; a prefix query ('shell':*) on the words
    themselves walks every word that begins so, several times slower at a million claims."""

    output_field = SearchVectorField()
    WORD_CUT = r"([[:alpha:]][[:alnum:]_]{4})[[:alnum:]_]+"
    APOSTROPHES = "''’"  # ' (doubled, in SQL) and ’: removed before words are cut

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for text in self.source_expressions:
            sql, text_params = compiler.compile(text)
            parts.append(f"COALESCE({sql}, '')")
            params.extend(text_params)
        document = " || ' ' || ".join(parts)
        # Constants only: no value of a row or a user is written into the SQL.
        cut = f"regexp_replace(translate(lower({document}), '{self.APOSTROPHES}', ''), "
        cut += f"'{self.WORD_CUT}', '\\1', 'g')"
        return f"to_tsvector('simple'::regconfig, {cut})", params


class Claim(models.Model):
    """A statement somebody made, as reported in a source article."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        SELECTED = "selected", _("Selected")
        REJECTED = "rejected", _("Rejected")
        ASSIGNED = "assigned", _("Assigned")
        IN_RESEARCH = "in_research", _("In research")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        RETRACTED = "retracted", _("Retracted")

    text = models.TextField(help_text=_("The statement as reported: quote or paraphrase"))
    checkable_text = models.CharField(
        max_length=500, blank=True, help_text=_("The claim in one checkable sentence")
    )
    speaker = models.ForeignKey(
        Actor, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    made_on = models.DateField(null=True, blank=True, help_text=_("When the claim was made"))
    stance = models.CharField(
        max_length=12,
        choices=Stance.choices,
        default=Stance.ASSERTION,
        help_text=_("A denial answers an accusation: the pair are counter-claims."),
    )
    language = models.CharField(max_length=12, blank=True, default="en")
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    rejection_reason = models.TextField(blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
    )
    due_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save names the version it read; see claims/actions.py.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The 'simple' configuration does not stem, so it works for text in any language.
    search = models.GeneratedField(
        expression=SearchVector("checkable_text", "text", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The words cut to five letters, for the word matcher (claims/ingest/matching.py).
    stems = models.GeneratedField(
        expression=StemsVector("checkable_text", "text"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # And stemmed in the claim's language, so "shelled" finds "shelling", "обстреляли"
    # finds "обстрел".
    stemmed = models.GeneratedField(
        expression=StemmedSearchVector("language", "checkable_text", "text"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            not_blank("text", "claim"),
            models.CheckConstraint(
                condition=Q(span_start__isnull=True, span_end__isnull=True)
                | Q(span_start__isnull=False, span_end__isnull=False, span_end__gt=F("span_start")),
                name="claim_span_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="claim_rejection_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["assignee", "status"]),
            # Searched once for every statement of every article: new claims wait in GIN's
            # pending list, which each search reads in full, so it is kept short (64 kB,
            # about 200 claims, instead of 4 MB): at a million claims a list of 1,000 took
            # an article's 20 searches from 64 to 98 ms (bench/match_scale.py).
            GinIndex(fields=["stems"], name="claim_stems_gin", gin_pending_list_limit=64),
            # Readers search published claims only: this index stays small however many
            # claims the newsroom logs.
            GinIndex(
                fields=["search"],
                name="claim_published_search_gin",
                condition=Q(status="published"),
            ),
            GinIndex(
                fields=["stemmed"],
                name="claim_published_stemmed_gin",
                condition=Q(status="published"),
            ),
        ]

    def __str__(self):
        return self.checkable_text or self.text[:120]

    @classmethod
    def from_db(cls, db, field_names, values):
        claim = super().from_db(db, field_names, values)
        # What the claim said when read: a save that changes it is embedded again
        # (claims/meaning/vectors.py).
        claim._texts_read = (claim.__dict__.get("checkable_text"), claim.__dict__.get("text"))
        return claim

    def newsroom_url(self):
        """The claim's workspace (log-in needed); readers see a claim only via its verdict."""
        return reverse("newsroom:claim", args=[self.pk])

    @property
    def side(self):
        return self.speaker.side if self.speaker else None

    @property
    def summary(self):
        return self.checkable_text or self.text

    @property
    def said_in(self) -> str:
        """The name of the language the claim was said in when it is not the newsroom's
        and its checkable sentence is another wording: pages then show the original words
        too ("said in Russian: «…»"). Empty otherwise."""
        from claims.meaning.language import LANGUAGE_NAMES

        code = (self.language or "")[:2]
        if code in ("", "un", settings.LANGUAGE_CODE[:2]) or self.summary == self.text:
            return ""
        return LANGUAGE_NAMES.get(code, code)

    def article_excerpt(self, context=300):
        """The article text around the claim, split so a template can highlight the span."""
        if not self.article or self.span_start is None:
            return None
        text = self.article.text
        start, end = self.span_start, min(self.span_end, len(text))
        lead = max(0, start - context)
        return {
            "before": ("…" if lead else "") + text[lead:start],
            "claim": text[start:end],
            "after": text[end : end + context] + ("…" if end + context < len(text) else ""),
        }


class ClaimLink(models.Model):
    """How two claims relate: the other side's answer, the same claim elsewhere, support."""

    class Kind(models.TextChoices):
        COUNTER = "counter", _("Counter-claim")
        SAME = "same", _("Same claim")
        SUPPORTS = "supports", _("Supports")
        RESPONDS_TO = "responds_to", _("Responds to")

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "kind"], name="claimlink_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claimlink_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.from_claim_id} {self.get_kind_display()} {self.to_claim_id}"


class Evidence(models.Model):
    """A source a researcher relies on, with the copy we archived of it."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", _("Supports the claim")
        REFUTES = "refutes", _("Refutes the claim")
        CONTEXT = "context", _("Context")

    class ArchiveStatus(models.TextChoices):
        PENDING = "pending", _("Archiving")
        ARCHIVED = "archived", _("Archived")
        FAILED = "failed", _("Could not archive")
        NONE = "none", _("Nothing to archive")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500)
    excerpt = models.TextField(blank=True)
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.CONTEXT)
    archive_status = models.CharField(
        max_length=20, choices=ArchiveStatus.choices, default=ArchiveStatus.NONE
    )
    archived_snapshot = models.BinaryField(null=True, blank=True, editable=False)
    archived_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archive_error = models.TextField(blank=True, editable=False)
    # An uploaded file is its own archived copy: its name and the type read from its bytes
    # ("" for pages the worker archived, which are HTML).
    file_name = models.CharField(max_length=200, blank=True, editable=False)
    archived_content_type = models.CharField(max_length=100, blank=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "evidence"
        constraints = [
            not_blank("title", "evidence"),
            models.UniqueConstraint(
                fields=["claim", "url"], condition=~Q(url=""), name="evidence_url_once_per_claim"
            ),
        ]

    def __str__(self):
        return self.title


class RatingScale(models.Model):
    """A newsroom's set of ratings; exactly one is the default for new verdicts."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    is_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_scale"
            )
        ]

    def __str__(self):
        return self.name


class Rating(models.Model):
    """One label of a scale. `value` is ClaimReview's ratingValue: higher is truer."""

    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="ratings")
    label = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60)
    value = models.PositiveSmallIntegerField(help_text=_("1 is the worst rating of the scale"))
    colour = models.CharField(max_length=7, default="#666666", help_text=_("#rrggbb"))
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["scale", "-value"]
        constraints = [
            not_blank("label", "rating"),
            models.UniqueConstraint(fields=["scale", "slug"], name="rating_slug_per_scale"),
            models.UniqueConstraint(fields=["scale", "value"], name="rating_value_per_scale"),
            models.CheckConstraint(condition=Q(value__gte=1), name="rating_value_positive"),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="rating_colour_hex"
            ),
        ]

    def __str__(self):
        return self.label


class Verdict(models.Model):
    """The newsroom's finding on a claim. Drafted by a researcher, published by an editor."""

    # ClaimReview's claimReviewed: Google asks for "less than 75 characters".
    CLAIM_REVIEWED_AT_MOST = 74

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="verdict")
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="verdicts"
    )
    headline = models.CharField(max_length=300, blank=True)
    # The claim in a few words, as search engines show it beside our rating (ClaimReview's
    # claimReviewed: Google asks for under 75 characters). Required at publication.
    claim_reviewed = models.CharField(max_length=CLAIM_REVIEWED_AT_MOST, blank=True)
    summary = models.TextField(blank=True, help_text=_("One or two sentences for the reader"))
    explanation = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authored_verdicts",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_verdicts",
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = models.TextField(blank=True)
    # Why the verdict was published on fewer independent sources than the newsroom requires
    # (settings.SOURCES_REQUIRED): an editor's words, shown to readers in the methodology note.
    sourcing_exception = models.TextField(blank=True)
    # The kind of the latest correction or update ("correction", "update"), so lists and
    # feeds mark a changed verdict without reading its corrections.
    last_notice = models.CharField(max_length=20, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    search = models.GeneratedField(
        expression=SearchVector("headline", "summary", "explanation", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-published_at"]
        indexes = [GinIndex(fields=["search"], name="verdict_search_gin")]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(rating__isnull=False),
                name="published_verdict_has_rating",
            ),
        ]

    def __str__(self):
        return self.headline or f"Verdict on claim {self.claim_id}"

    def public_url(self):
        """The verdict's page for readers (a 404 until it is published)."""
        return reverse("public:verdict", args=[self.pk])

    def newsroom_url(self):
        return self.claim.newsroom_url()

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def notice_label(self):
        """ "Corrected" or "Updated" for lists and feeds; "" when never changed."""
        return {"correction": _("Corrected"), "update": _("Updated")}.get(self.last_notice, "")

    @property
    def modified_at(self):
        """When readers last saw a change: the latest correction, else publication."""
        corrections = [c.created_at for c in self.corrections.all()]
        return max([self.published_at, *corrections]) if self.published_at else None


class Correction(models.Model):
    """A public, labelled change to a published verdict. Earlier ratings stay on record."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")  # something we published was wrong
        UPDATE = "update", _("Update")  # new facts arrived

    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.TextField(help_text=_("What changed and why, for readers"))
    previous_rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    new_rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changes = models.JSONField(default=dict, blank=True, help_text=_("field: [before, after]"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [not_blank("note", "correction")]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.verdict}"


class Note(models.Model):
    """An internal note on a claim; never shown to readers."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [not_blank("body", "note")]

    def __str__(self):
        return self.body[:80]


class ReplyAttempt(models.Model):
    """Right of reply: each attempt to reach the speaker or their side for comment."""

    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined to comment")
        NO_ANSWER = "no_answer", _("No answer by deadline")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reply_attempts")
    contacted = models.CharField(max_length=300, help_text=_("Who we contacted"))
    channel = models.CharField(max_length=100, help_text=_("e-mail, phone, press office…"))
    contacted_at = models.DateTimeField(default=timezone.now)
    answer_by = models.DateTimeField(
        _("deadline for an answer"),
        null=True,
        blank=True,
        help_text=format_lazy(
            _("Empty: {hours} hours after the contact"), hours=REPLY_WINDOW_HOURS
        ),
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.WAITING)
    answer = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["contacted_at"]
        constraints = [not_blank("contacted", "replyattempt")]

    def __str__(self):
        return f"{self.contacted} ({self.get_outcome_display()})"

    @property
    def deadline(self):
        return self.answer_by or self.contacted_at + timedelta(hours=REPLY_WINDOW_HOURS)


class ConflictOfInterest(models.Model):
    """A fact-checker's declared tie to a side: they neither get nor approve its claims."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts"
    )
    side = models.ForeignKey(Side, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    declared_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name_plural = "conflicts of interest"
        constraints = [
            models.UniqueConstraint(fields=["user", "side"], name="one_conflict_per_side")
        ]

    def __str__(self):
        return f"{self.user} ↔ {self.side}"


class AuditEvent(models.Model):
    """Append-only: a database trigger refuses every UPDATE and DELETE of this table.

    Most events are about a claim; the others (a conflict declared, a side edited in the
    admin) name what they are about in `subject`.
    """

    claim = models.ForeignKey(
        Claim, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    subject = models.CharField(max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    summary = models.CharField(max_length=300, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def changes(self):
        """[(field, before, after)] for the fields this event really changed (a transition
        records the claim's whole state before and after; unchanged fields are left out)."""
        keys = list(dict.fromkeys([*self.before, *self.after]))
        return [
            (key, self.before.get(key), self.after.get(key))
            for key in keys
            if self.before.get(key) != self.after.get(key)
        ]

    # What each action is called in the history, in the newsroom's words.
    ACTION_WORDS = {
        "create": _("logged the claim"),
        "select": _("selected it for checking"),
        "reject": _("rejected it"),
        "reopen": _("reopened it"),
        "assign": _("assigned it"),
        "start_research": _("started research"),
        "submit_for_review": _("sent it to review"),
        "return_to_research": _("returned it to research"),
        "publish": _("published the verdict"),
        "correct": _("published a correction or update"),
        "retract": _("retracted the verdict"),
        "sourcing_exception": _("published on fewer sources than the rule, saying why"),
        "verdict": _("edited the verdict draft"),
        "edit": _("edited the claim"),
        "evidence": _("added a source"),
        "edit_evidence": _("edited a source"),
        "remove_evidence": _("removed a source"),
        "retry_archive": _("retried a source's archive"),
        "note": _("wrote a note"),
        "reply": _("recorded a right-of-reply attempt"),
        "link": _("linked a claim"),
        "unlink": _("removed a link"),
        "ask_to_take": _("asked to take the claim"),
        "decline_take": _("declined a request to take the claim"),
        "admin-add": _("added it in the admin"),
        "admin-change": _("changed it in the admin"),
        "admin-delete": _("deleted it in the admin"),
    }

    @property
    def action_label(self):
        return self.ACTION_WORDS.get(self.action, self.action.replace("_", " ").replace("-", " "))


class ApiToken(models.Model):
    """A credential for a newsroom script, issued by an admin (api_tokens.issue_token).

    Only a digest is stored: the key is shown once. It expires, and its scope limits what
    it may do: read the newsroom API, or also submit and review ingestions.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        INGEST = "ingest", _("Read, ingest and review suggestions")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text=_("What the token is for"))
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.READ)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def has_expired(self):
        return self.expires_at <= timezone.now()


class Organisation(models.Model):
    """Who we are, who funds us and how we work: the public organisation page (/about/) and
    the NewsMediaOrganization every ClaimReview names as its author. One row, edited by
    admins in Django admin; no code change needed."""

    name = models.CharField(max_length=200, blank=True, help_text=_("Empty: NEWSROOM_NAME"))
    mission = models.TextField(blank=True)
    ownership = models.TextField(_("ownership"), blank=True, help_text=_("Who owns us"))
    corrections_policy = models.TextField(blank=True)
    complaints_procedure = models.TextField(blank=True)
    complaint_response_days = models.PositiveSmallIntegerField(
        default=5, help_text=_("Working days within which a complaint is answered")
    )
    ethics_statement = models.TextField(_("ethics and non-partisanship"), blank=True)
    contact_email = models.EmailField(blank=True)
    contact_address = models.TextField(blank=True)
    same_as = models.TextField(
        _("our pages elsewhere"), blank=True, help_text=_("One web address per line")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name or settings.NEWSROOM_NAME

    @classmethod
    def current(cls):
        """The one row (made empty on first use). Read as a read, so a reader's page may
        take it from the replica; only the first use ever writes."""
        return cls.objects.filter(pk=1).first() or cls.objects.get_or_create(pk=1)[0]

    def same_as_urls(self):
        return [line.strip() for line in self.same_as.splitlines() if line.strip()]


class MastheadEntry(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="masthead"
    )
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = _("masthead")

    def __str__(self):
        return f"{self.name}, {self.role}"


class FundingSource(models.Model):
    """A funder and what it gave in a year: published as given."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="funding")
    year = models.PositiveSmallIntegerField()
    funder = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, default="EUR")
    purpose = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "-amount"]

    def __str__(self):
        return f"{self.year}: {self.funder}"


class WebhookEndpoint(models.Model):
    """A partner's address that receives signed JSON when verdicts change (partners/
    webhooks.py). The secret signs each body (HMAC-SHA256); it is shown once, at creation."""

    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list, help_text=_("e.g. verdict.published"))
    secret = models.CharField(max_length=200, editable=False)
    active = models.BooleanField(default=True)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    disabled_reason = models.CharField(max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint: the delivery log."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed, will retry")
        GAVE_UP = "gave_up", _("Gave up after 24 hours")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    delivery_id = models.UUIDField(unique=True, editable=False)
    body = models.TextField(editable=False, help_text=_("The exact bytes signed and sent"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # When the next attempt is due, after a failure: beat sends again whatever is overdue
    # (a retry scheduled on the broker is lost if the broker was down at that moment).
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} → {self.endpoint} ({self.get_status_display()})"


class FactCheckSource(models.Model):
    """Another outlet's fact-checks, read by beat (partners/elsewhere.py): a ClaimReview
    DataFeed, or a page carrying ClaimReview JSON-LD. What is read becomes "checked
    elsewhere" records; nothing of it is ever shown as our own verdict."""

    name = models.CharField(max_length=200, help_text=_("The outlet, as fact-checkers will see it"))
    url = models.URLField(
        max_length=2000,
        unique=True,
        help_text=_("A DataFeed of ClaimReviews (JSON), or a page with ClaimReview JSON-LD"),
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_imported = models.PositiveIntegerField(default=0, editable=False)
    last_skipped = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.CharField(max_length=500, blank=True, editable=False)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ExternalFactCheck(models.Model):
    """A fact-check another outlet published, imported from its ClaimReview: who rated
    what, how and when, with the link. Imported again by URL, so a re-import updates."""

    source = models.ForeignKey(
        FactCheckSource, null=True, on_delete=models.SET_NULL, related_name="fact_checks"
    )
    url = models.URLField(max_length=2000, unique=True)
    outlet = models.CharField(max_length=200)
    claim_reviewed = models.TextField()
    claim_author = models.CharField(max_length=300, blank=True)
    rating = models.CharField(max_length=200, blank=True)
    rating_value = models.FloatField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True)
    # The claim's meaning, for matching: float16, from `vector_encoder` (another encoder's
    # vector is stale and read again).
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_encoder = models.CharField(max_length=100, blank=True, editable=False)
    imported_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        ordering = ["-published_on", "-pk"]
        indexes = [
            GinIndex(
                fields=["claim_reviewed"],
                name="elsewhere_claim_trgm",
                opclasses=["gin_trgm_ops"],
            )
        ]
        verbose_name = _("fact-check by another outlet")
        verbose_name_plural = _("fact-checks by other outlets")

    def __str__(self):
        return f"{self.outlet}: {self.rating} ({self.claim_reviewed[:60]})"


class TakeRequest(models.Model):
    """A fact-checker asks to take a claim; an editor approves it (assigning the claim) or
    declines. One open request per person and claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="take_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="take_requests"
    )
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved = models.BooleanField(null=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "user"],
                condition=Q(decided_at__isnull=True),
                name="one_open_take_request",
            )
        ]

    def __str__(self):
        return f"{self.user} asks for {self.claim_id}"


class Notification(models.Model):
    """An in-app notification, e-mailed once. `key` makes creating one idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, null=True, related_name="+")
    key = models.CharField(max_length=200, unique=True)
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.message


class OutboxMessage(models.Model):
    """A task to enqueue, written in the same transaction as the change that causes it.

    Enqueued right after commit; if the broker was down then, drain_outbox (beat) retries,
    so nothing is lost. Tasks are idempotent, so a message sent twice does its work once.
    """

    task = models.CharField(max_length=200)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.task}({self.kwargs})"


class SavedFilter(models.Model):
    """A queue filter an editor wants back: its name and query string."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField(max_length=100)
    query = models.CharField(max_length=1000)

    class Meta:
        ordering = ["name"]
        constraints = [
            not_blank("name", "savedfilter"),
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_per_user"),
        ]

    def __str__(self):
        return self.name


class ReaderRequest(models.Model):
    """A reader's 'please check this'. Repeated requests for the same claim are counted."""

    text = models.TextField()
    url = models.URLField(max_length=2000, blank=True)
    count = models.PositiveIntegerField(default=1)
    claim = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reader_requests",
        help_text=_(
            "The claim this request is about: matched by meaning on arrival, or linked by an editor"
        ),
    )
    matched_automatically = models.BooleanField(
        default=False, help_text=_("Matched to its claim by meaning, not by an editor")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-count", "-last_requested_at"]
        constraints = [not_blank("text", "readerrequest")]

    def __str__(self):
        return self.text[:100]


def _token():
    return secrets.token_urlsafe(24)


class ReaderSubscription(models.Model):
    """A reader who asked to hear about the verdict: e-mailed once, can unsubscribe."""

    request = models.ForeignKey(
        ReaderRequest, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "email"], name="one_subscription_each")
        ]

    def __str__(self):
        return self.email


class Follow(models.Model):
    """A reader follows a verdict (its corrections, updates, retraction) or a speaker (their
    new verdicts) by e-mail: confirmed by a link first (double opt-in), stopped in one click,
    and each change written about once (FollowNotice)."""

    email = models.EmailField()
    verdict = models.ForeignKey(
        "Verdict", on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    speaker = models.ForeignKey(
        Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict__isnull=False, speaker__isnull=True)
                | Q(verdict__isnull=True, speaker__isnull=False),
                name="follow_one_verdict_or_one_speaker",
            ),
        ]

    def __str__(self):
        return f"{self.email} follows {self.verdict or self.speaker}"

    @property
    def active(self):
        return self.confirmed_at is not None and self.stopped_at is None


class FollowNotice(models.Model):
    """A change a follower was written to about: at most once each."""

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="notices")
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follow", "key"], name="one_notice_per_change")
        ]

    def __str__(self):
        return f"{self.key} → {self.follow}"


class NextWritten(Func):
    """The next number of ClaimVector.written (a sequence made by migration 0021)."""

    template = "nextval('claims_claimvector_written')"
    output_field = models.BigIntegerField()

    def __init__(self):
        super().__init__()


class ClaimVector(models.Model):
    """A claim's meaning: its checkable sentence and its verbatim text as vectors, made by
    the worker (claims/meaning/vectors.py). `digest` names the encoder and the text it read:
    a claim edited since no longer matches it, and its old vector never answers.

    `written` numbers every write of the vectors, from one sequence, in the order they were
    made. An index file records the number it holds everything up to (claims/meaning/index.py),
    so each machine's own file knows by itself which vectors it lacks: those written since.
    """

    claim = models.OneToOneField(
        Claim, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    encoder = models.CharField(max_length=100)
    digest = models.CharField(max_length=64)
    checkable = models.BinaryField(help_text=_("float16, L2-normalised"))
    verbatim = models.BinaryField(null=True, help_text=_("None when it equals `checkable`"))
    embedded_at = models.DateTimeField(default=timezone.now)
    written = models.BigIntegerField(db_default=NextWritten(), db_index=True, editable=False)

    class Meta:
        indexes = [
            # Matching asks of every candidate claim whether its vectors are fresh, a few
            # thousand claims an article: answered from this index alone, not from the
            # rows, which hold the vectors and are seldom in memory at a million claims.
            models.Index(
                fields=["claim"], include=["encoder", "digest", "written"], name="claimvector_fresh"
            ),
        ]

    def __str__(self):
        return f"vectors of claim {self.claim_id}"
