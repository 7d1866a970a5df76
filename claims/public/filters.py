"""What readers filter published verdicts by: the browse page and the public API alike."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from claims.models import Verdict
from claims.newsroom.filters import DateRangeWidget


class PublishedVerdictFilter(filters.FilterSet):
    """What readers filter by, on the browse page and in the public API alike."""

    q = filters.CharFilter(method="filter_search", label=_("Search"))
    rating = filters.CharFilter(field_name="rating__slug", label=_("Rating"))
    side = filters.CharFilter(field_name="claim__speaker__side__slug", label=_("Side"))
    speaker = filters.CharFilter(field_name="claim__speaker__slug", label=_("Speaker"))
    topic = filters.CharFilter(field_name="claim__topics__slug", label=_("Topic"))
    published = filters.DateFromToRangeFilter(
        field_name="published_at", label=_("Published"), widget=DateRangeWidget()
    )
    ordering = filters.OrderingFilter(
        fields=(("published_at", "published"), ("rating__value", "rating")),
        label=_("Sort"),
    )

    class Meta:
        model = Verdict
        fields = []

    def filter_search(self, queryset, name, value):
        from claims.selectors import search_verdicts

        return search_verdicts(queryset, value)
