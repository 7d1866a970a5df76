"""The newsroom queue's filters."""

import django_filters as filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import widgets

from claims import workflow
from claims.models import Actor, Article, Claim, Side, Topic
from claims.newsroom.forms import newsroom_users


class DateRangeWidget(widgets.DateRangeWidget):
    """Two date pickers, each with its own accessible name ("from", "until")."""

    def __init__(self):
        super().__init__(attrs={"type": "date"})
        self.widgets[0].attrs["aria-label"] = _("from")
        self.widgets[1].attrs["aria-label"] = _("until")


class ClaimFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Claim.Status.choices)
    assignee = filters.ModelChoiceFilter(queryset=newsroom_users())
    reviewer = filters.ModelChoiceFilter(
        field_name="verdict__reviewer", queryset=newsroom_users(), label=_("Reviewer")
    )
    side = filters.ModelChoiceFilter(field_name="speaker__side", queryset=Side.objects.all())
    speaker = filters.ModelChoiceFilter(queryset=Actor.objects.all())
    topic = filters.ModelChoiceFilter(field_name="topics", queryset=Topic.objects.all())
    article = filters.ModelChoiceFilter(queryset=Article.objects.all())
    made = filters.DateFromToRangeFilter(
        field_name="made_on", label=_("Made between"), widget=DateRangeWidget()
    )
    overdue = filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))
    requested = filters.NumberFilter(
        method="filter_requests", min_value=1, label=_("Asked for by at least … readers")
    )
    q = filters.CharFilter(method="filter_text", label=_("Text"))
    ordering = filters.OrderingFilter(
        fields=(
            ("created_at", "created"),
            ("due_at", "due"),
            ("status", "status"),
            ("made_on", "made"),
        ),
    )

    class Meta:
        model = Claim
        fields = []

    def filter_overdue(self, queryset, name, value):
        late = Q(due_at__lt=timezone.now()) & ~Q(status__in=workflow.CLOSED)
        return queryset.filter(late) if value else queryset.exclude(late)

    def filter_requests(self, queryset, name, value):
        return queryset.filter(demand__gte=value)

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(checkable_text__icontains=value))
