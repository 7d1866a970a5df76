import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts import api_tokens
from accounts.roles import ROLES
from claims import actions, models, workflow

User = get_user_model()


class AuditedAdmin(admin.ModelAdmin):
    """Every change made in the admin is in the newsroom's audit trail, like any other."""

    def _audit(self, request, obj, action, message):
        claim = obj if isinstance(obj, models.Claim) else getattr(obj, "claim", None)
        subject = f"{obj._meta.verbose_name} #{obj.pk}: {obj}"[:200]
        actions.audit(claim, request.user, action, str(message) or subject, subject=subject)

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "admin-add", _("Added in the admin"))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._audit(request, obj, "admin-change", entry.get_change_message() if entry else "")
        return entry

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "admin-delete", _("Deleted in the admin"))
        return super().log_deletions(request, queryset)


class ActorAliasInline(admin.TabularInline):
    model = models.ActorAlias
    extra = 1


@admin.register(models.Side)
class SideAdmin(AuditedAdmin):
    list_display = ["name", "slug", "actor_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_actors=Count("actors"))

    @admin.display(description=_("actors"), ordering="n_actors")
    def actor_count(self, side):
        return side.n_actors


@admin.register(models.Actor)
class ActorAdmin(AuditedAdmin):
    list_display = ["name", "kind", "side", "role"]
    list_filter = ["kind", "side"]
    list_select_related = ["side"]
    search_fields = ["name", "aliases__alias", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["side"]
    inlines = [ActorAliasInline]


@admin.register(models.Outlet)
class OutletAdmin(AuditedAdmin):
    list_display = ["name", "domain", "side"]
    list_filter = ["side"]
    search_fields = ["name", "domain"]
    autocomplete_fields = ["side"]


@admin.register(models.Topic)
class TopicAdmin(AuditedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ClaimInline(admin.TabularInline):
    """The article's claims, to read: a claim changes in its own page or its workspace."""

    model = models.Claim
    fields = ["text", "speaker", "status", "span_start", "span_end"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Article)
class ArticleAdmin(AuditedAdmin):
    list_display = ["__str__", "outlet", "published_at", "language", "status", "created_at"]
    list_filter = ["status", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "author"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "created_at"
    readonly_fields = ["snapshot_sha256", "content_type", "fetched_at", "created_by", "created_at"]
    inlines = [ClaimInline]


class ClaimLinkInline(admin.TabularInline):
    model = models.ClaimLink
    fk_name = "from_claim"
    fields = ["kind", "to_claim", "note", "created_by"]
    autocomplete_fields = ["to_claim"]
    readonly_fields = ["created_by"]
    extra = 0


class EvidenceInline(admin.StackedInline):
    model = models.Evidence
    fields = ["title", "url", "stance", "excerpt", "archive_status", "added_by"]
    readonly_fields = ["archive_status", "added_by"]
    extra = 0


@admin.register(models.Claim)
class ClaimAdmin(AuditedAdmin):
    list_display = ["statement", "speaker", "status", "assignee", "due_at", "created_at"]

    @admin.display(description=_("claim"), ordering="checkable_text")
    def statement(self, claim):
        # A minimum width, so that the claim is not squeezed behind the short columns.
        return format_html(
            '<span class="claim-cell" style="display:inline-block;min-width:24rem">{}</span>',
            Truncator(str(claim)).chars(160),
        )

    list_filter = ["status", "speaker__side", "topics", "language"]
    list_select_related = ["speaker", "assignee"]
    search_fields = ["text", "checkable_text", "speaker__name"]
    autocomplete_fields = ["speaker", "article", "assignee", "topics"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    # The workflow moves claims (claims/workflow.py): here through the actions below only.
    readonly_fields = [
        "status",
        "assignee",
        "due_at",
        "rejection_reason",
        "version",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimLinkInline, EvidenceInline]
    actions = ["select_claims", "start_research", "send_to_review", "publish_verdicts"]
    # Once readers can see a claim, only corrections in the workspace may change it.
    FROZEN = (models.Claim.Status.PUBLISHED, models.Claim.Status.RETRACTED)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status in self.FROZEN:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in self.FROZEN:
            return False
        return super().has_delete_permission(request, obj)

    def _run(self, request, queryset, action):
        done = 0
        for claim in queryset:
            try:
                action(claim, request.user)
                done += 1
            except (workflow.NotAllowed, workflow.NotReady) as exc:
                self.message_user(request, f"#{claim.pk}: {exc}", level="error")
        if done:
            self.message_user(request, _("%(n)d claim(s) moved.") % {"n": done})

    @admin.action(description=_("Select for checking"))
    def select_claims(self, request, queryset):
        self._run(request, queryset, actions.select_claim)

    @admin.action(description=_("Start research"))
    def start_research(self, request, queryset):
        self._run(request, queryset, actions.start_research)

    @admin.action(description=_("Send to review"))
    def send_to_review(self, request, queryset):
        self._run(request, queryset, actions.submit_for_review)

    @admin.action(description=_("Approve and publish"))
    def publish_verdicts(self, request, queryset):
        self._run(request, queryset, actions.publish_verdict)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, models.ClaimLink) and not instance.created_by_id:
                instance.created_by = request.user
            if isinstance(instance, models.Evidence) and not instance.added_by_id:
                instance.added_by = request.user
        formset.save()


@admin.register(models.ClaimLink)
class ClaimLinkAdmin(AuditedAdmin):
    list_display = ["from_claim", "kind", "to_claim", "created_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__text", "to_claim__text", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(models.Evidence)
class EvidenceAdmin(AuditedAdmin):
    list_display = ["title", "claim", "stance", "archive_status", "added_by", "created_at"]
    list_filter = ["stance", "archive_status"]
    list_select_related = ["claim", "added_by"]
    search_fields = ["title", "url", "excerpt"]
    autocomplete_fields = ["claim"]
    readonly_fields = ["archive_status", "archived_sha256", "archived_at", "archive_error"]


class RatingInline(admin.TabularInline):
    model = models.Rating
    prepopulated_fields = {"slug": ["label"]}
    extra = 0


@admin.register(models.RatingScale)
class RatingScaleAdmin(AuditedAdmin):
    list_display = ["name", "is_default"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RatingInline]


@admin.register(models.Rating)
class RatingAdmin(AuditedAdmin):
    list_display = ["label", "scale", "value", "colour"]
    list_filter = ["scale"]
    search_fields = ["label"]
    ordering = ["scale", "-value"]


@admin.register(models.Verdict)
class VerdictAdmin(AuditedAdmin):
    list_display = ["__str__", "rating", "author", "reviewer", "published_at"]
    list_filter = ["rating", ("published_at", admin.EmptyFieldListFilter)]
    list_select_related = ["rating", "author", "reviewer", "claim"]
    search_fields = ["headline", "summary", "claim__text"]
    ordering = ["-published_at"]

    # Verdicts change in the claim workspace, where the workflow, the optimistic lock and
    # the corrections log apply; the admin shows them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(AuditedAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit trail: readable, never editable (a database trigger enforces it too)."""

    list_display = ["created_at", "claim", "subject", "actor", "action", "summary"]
    list_filter = ["action"]
    list_select_related = ["claim", "actor"]
    search_fields = ["summary", "subject", "claim__text"]
    date_hierarchy = "created_at"


@admin.register(models.Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "verdict", "previous_rating", "new_rating"]
    list_filter = ["kind"]
    list_select_related = ["verdict", "previous_rating", "new_rating"]


@admin.register(models.Note)
class NoteAdmin(AuditedAdmin):
    list_display = ["created_at", "claim", "author", "body"]
    list_select_related = ["claim", "author"]
    search_fields = ["body"]
    autocomplete_fields = ["claim", "author"]


@admin.register(models.ReplyAttempt)
class ReplyAttemptAdmin(AuditedAdmin):
    list_display = ["contacted_at", "claim", "contacted", "channel", "outcome"]
    list_filter = ["outcome"]
    list_select_related = ["claim"]
    autocomplete_fields = ["claim", "recorded_by"]


@admin.register(models.ConflictOfInterest)
class ConflictOfInterestAdmin(AuditedAdmin):
    list_display = ["user", "side", "note", "declared_at"]
    list_filter = ["side"]
    autocomplete_fields = ["user", "side"]


@admin.register(models.Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "message", "read_at", "emailed_at"]
    list_select_related = ["user"]


@admin.register(models.OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "task", "sent_at", "attempts", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]


class ApiTokenForm(forms.ModelForm):
    days = forms.IntegerField(
        min_value=1,
        max_value=api_tokens.MAX_DAYS,
        initial=api_tokens.DEFAULT_DAYS,
        help_text=_("How long the token works."),
    )

    class Meta:
        model = models.ApiToken
        fields = ["user", "name", "scope"]

    def clean(self):
        data = super().clean()
        user, days = data.get("user"), data.get("days")
        if user and days and (reason := api_tokens.refusal(user, days)):
            raise forms.ValidationError(reason)
        return data


@admin.register(models.ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    """Tokens for scripts. The key is shown once, when the token is made; revoke by deleting."""

    list_display = ["name", "user", "scope", "prefix", "expires_at", "last_used_at"]
    list_filter = ["scope"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ApiTokenForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["prefix", "created_at", "last_used_at"]
        return ["user", "name", "scope", "prefix", "created_at", "expires_at", "last_used_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            key = api_tokens.arm(obj, form.cleaned_data["days"])
            messages.warning(
                request,
                _("The key of “%(name)s”, shown this once: %(key)s")
                % {"name": obj.name, "key": key},
            )
        super().save_model(request, obj, form, change)


admin.site.unregister(User)


ROLE_HELP = _(
    "Fact-checker: researches the claims assigned to them and drafts verdicts. "
    "Editor: also selects and assigns claims, reviews and publishes verdicts (never their own), "
    "and corrects them. Admin: also manages users and the newsroom's settings here. "
    "Give one role; the permissions below are for exceptions only."
)


class NewsroomUserCreationForm(AdminUserCreationForm):
    """The new user's name, password and role on one page."""

    class Meta(AdminUserCreationForm.Meta):
        fields = ("username", "groups")


@admin.register(User)
class NewsroomUserAdmin(UserAdmin):
    """Users with their role; deactivating (unticking 'active') locks a user out at once.
    The role comes first, explained; raw permissions are folded away as exceptions."""

    list_display = ["username", "email", "full_name", "roles", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    actions = ["deactivate"]
    add_form = NewsroomUserCreationForm
    add_fieldsets = (
        (None, {"fields": ("username", "usable_password", "password1", "password2")}),
        (_("Role"), {"fields": ("groups",), "description": ROLE_HELP}),
    )
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Role"), {"fields": ("groups",), "description": ROLE_HELP}),
        (_("Person"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access"), {"fields": ("is_active", "is_staff")}),
        (
            _("Exceptions: single permissions and superuser"),
            {"fields": ("is_superuser", "user_permissions"), "classes": ("collapse",)},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]  # facts, not settings

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(name__in=ROLES).order_by("pk")
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["label"] = _("Role")
            kwargs["help_text"] = ""
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("name"))
    def full_name(self, user):
        return user.get_full_name()

    @admin.display(description=_("roles"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())

    @admin.action(description=_("Deactivate the selected users"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(request, _("%(count)d user(s) deactivated.") % {"count": count})


admin.site.site_header = _("verify administration")
admin.site.site_title = _("verify admin")


class ReaderSubscriptionInline(admin.TabularInline):
    model = models.ReaderSubscription
    fields = ["email", "created_at", "notified_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(models.ReaderRequest)
class ReaderRequestAdmin(AuditedAdmin):
    """Readers' requests; editors link each to the claim it is about."""

    list_display = ["text", "count", "claim", "last_requested_at"]
    list_select_related = ["claim"]
    search_fields = ["text", "url"]
    autocomplete_fields = ["claim"]
    readonly_fields = ["count", "created_at", "last_requested_at"]
    inlines = [ReaderSubscriptionInline]


# DRF's own tokens never expire and carry no scope; they are not accepted (ApiToken is).
try:
    from rest_framework.authtoken.models import TokenProxy

    admin.site.unregister(TokenProxy)
except (ImportError, admin.sites.NotRegistered):
    pass


class MastheadInline(admin.TabularInline):
    model = models.MastheadEntry
    extra = 1


class FundingInline(admin.TabularInline):
    model = models.FundingSource
    extra = 1


@admin.register(models.Organisation)
class OrganisationAdmin(AuditedAdmin):
    """The organisation page: one row. Saving it refreshes the public pages at once."""

    inlines = [MastheadInline, FundingInline]
    fieldsets = (
        (None, {"fields": ("name", "mission", "ownership")}),
        (
            _("Policies"),
            {
                "fields": (
                    "corrections_policy",
                    "complaints_procedure",
                    "complaint_response_days",
                    "ethics_statement",
                )
            },
        ),
        (_("Contact"), {"fields": ("contact_email", "contact_address", "same_as")}),
    )

    def has_add_permission(self, request):
        return not models.Organisation.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from claims.public import page_cache

        page_cache.invalidate()
        # Its name and links are on every public page.
        from claims import tasks
        from claims.public import cache_tags

        transaction.on_commit(lambda: tasks.purge_cache_tags.delay(tags=[cache_tags.SITE]))


class WebhookDeliveryInline(admin.TabularInline):
    model = models.WebhookDelivery
    fields = ["created_at", "event", "status", "attempts", "last_status_code", "last_error"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-created_at"]


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=[(e, e) for e in ("verdict.published", "verdict.corrected", "verdict.updated",
                                  "verdict.retracted")],
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    class Meta:
        model = models.WebhookEndpoint
        fields = ["url", "events", "active"]

    def clean_url(self):
        from claims.ingest.fetch import FetchError, check_url

        try:
            return check_url(self.cleaned_data["url"])
        except FetchError as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(models.WebhookEndpoint)
class WebhookEndpointAdmin(AuditedAdmin):
    """Partners' endpoints, with their delivery log. The signing secret is made here and
    shown once, when the endpoint is added."""

    form = WebhookEndpointForm
    list_display = ["url", "events", "active", "consecutive_failures", "created_at"]
    readonly_fields = ["consecutive_failures", "disabled_reason"]
    inlines = [WebhookDeliveryInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.secret = secrets.token_urlsafe(32)
            messages.warning(
                request,
                _("The signing secret, shown this once: %(secret)s") % {"secret": obj.secret},
            )
        if obj.active and change:
            obj.consecutive_failures, obj.disabled_reason = 0, ""
        super().save_model(request, obj, form, change)


class FactCheckSourceForm(forms.ModelForm):
    class Meta:
        model = models.FactCheckSource
        fields = ["name", "url", "active"]

    clean_url = WebhookEndpointForm.clean_url


@admin.register(models.FactCheckSource)
class FactCheckSourceAdmin(AuditedAdmin):
    """Other outlets' ClaimReviews, read hourly by beat; "Read now" reads the chosen ones."""

    list_display = ["name", "url", "active", "last_checked_at", "last_imported", "last_skipped"]
    readonly_fields = ["last_checked_at", "last_imported", "last_skipped", "last_error"]
    actions = ["read_now"]
    form = FactCheckSourceForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.active:
            from claims import tasks

            transaction.on_commit(lambda: tasks.import_fact_check_source.delay(source_id=obj.pk))

    @admin.action(description=_("Read the chosen sources now"))
    def read_now(self, request, queryset):
        from claims import tasks

        ids = list(queryset.filter(active=True).values_list("pk", flat=True))
        for pk in ids:
            transaction.on_commit(lambda pk=pk: tasks.import_fact_check_source.delay(source_id=pk))
        messages.info(request, _("%(n)d sources will be read in a moment.") % {"n": len(ids)})


@admin.register(models.ExternalFactCheck)
class ExternalFactCheckAdmin(admin.ModelAdmin):
    """What was imported, read-only: it is the other outlet's work, not ours to edit."""

    list_display = ["outlet", "rating", "published_on", "claim_reviewed", "source"]
    list_filter = ["outlet", "source"]
    search_fields = ["claim_reviewed", "url", "outlet"]
    readonly_fields = [f.name for f in models.ExternalFactCheck._meta.fields if f.name != "id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
