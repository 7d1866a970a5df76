from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from . import actions, models, workflow

User = get_user_model()


class ActorAliasInline(admin.TabularInline):
    model = models.ActorAlias
    extra = 1


@admin.register(models.Side)
class SideAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "actor_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_actors=Count("actors"))

    @admin.display(description=_("actors"), ordering="n_actors")
    def actor_count(self, side):
        return side.n_actors


@admin.register(models.Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "side", "role"]
    list_filter = ["kind", "side"]
    list_select_related = ["side"]
    search_fields = ["name", "aliases__alias", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["side"]
    inlines = [ActorAliasInline]


@admin.register(models.Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "side"]
    list_filter = ["side"]
    search_fields = ["name", "domain"]
    autocomplete_fields = ["side"]


@admin.register(models.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ClaimInline(admin.TabularInline):
    model = models.Claim
    fields = ["text", "speaker", "status", "span_start", "span_end"]
    autocomplete_fields = ["speaker"]
    show_change_link = True
    extra = 0


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
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
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "status", "assignee", "due_at", "created_at"]
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
class ClaimLinkAdmin(admin.ModelAdmin):
    list_display = ["from_claim", "kind", "to_claim", "created_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__text", "to_claim__text", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(models.Evidence)
class EvidenceAdmin(admin.ModelAdmin):
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
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RatingInline]


@admin.register(models.Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "scale", "value", "colour"]
    list_filter = ["scale"]
    search_fields = ["label"]
    ordering = ["scale", "-value"]


@admin.register(models.Verdict)
class VerdictAdmin(admin.ModelAdmin):
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


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit trail: readable, never editable (a database trigger enforces it too)."""

    list_display = ["created_at", "claim", "actor", "action", "summary"]
    list_filter = ["action"]
    list_select_related = ["claim", "actor"]
    search_fields = ["summary", "claim__text"]
    date_hierarchy = "created_at"


@admin.register(models.Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "verdict", "previous_rating", "new_rating"]
    list_filter = ["kind"]
    list_select_related = ["verdict", "previous_rating", "new_rating"]


@admin.register(models.Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["created_at", "claim", "author", "body"]
    list_select_related = ["claim", "author"]
    search_fields = ["body"]
    autocomplete_fields = ["claim", "author"]


@admin.register(models.ReplyAttempt)
class ReplyAttemptAdmin(admin.ModelAdmin):
    list_display = ["contacted_at", "claim", "contacted", "channel", "outcome"]
    list_filter = ["outcome"]
    list_select_related = ["claim"]
    autocomplete_fields = ["claim", "recorded_by"]


@admin.register(models.ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
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


admin.site.unregister(User)


@admin.register(User)
class NewsroomUserAdmin(UserAdmin):
    """Users with their role; deactivating (unticking 'active') locks a user out at once."""

    list_display = ["username", "email", "full_name", "roles", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    actions = ["deactivate"]

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
class ReaderRequestAdmin(admin.ModelAdmin):
    """Readers' requests; editors link each to the claim it is about."""

    list_display = ["text", "count", "claim", "last_requested_at"]
    list_select_related = ["claim"]
    search_fields = ["text", "url"]
    autocomplete_fields = ["claim"]
    readonly_fields = ["count", "created_at", "last_requested_at"]
    inlines = [ReaderSubscriptionInline]
