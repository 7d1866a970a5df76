"""The public, read-only JSON API of published verdicts, and the ClaimReview data feed."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from claims import selectors
from claims.models import Verdict
from claims.public import claimreview
from claims.public.filters import PublishedVerdictFilter
from claims.public.page_cache import public_page


class PublicVerdictSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    claim = serializers.SerializerMethodField()
    speaker = serializers.SerializerMethodField()
    side = serializers.SerializerMethodField()
    rating = serializers.SerializerMethodField()

    class Meta:
        model = Verdict
        fields = [
            "id",
            "url",
            "claim",
            "speaker",
            "side",
            "rating",
            "headline",
            "summary",
            "explanation",
            "published_at",
            "updated_at",
        ]

    def get_url(self, verdict) -> str:
        return claimreview.absolute(verdict.public_url())

    def get_claim(self, verdict) -> str:
        return verdict.claim.checkable_text or verdict.claim.text

    def get_speaker(self, verdict) -> str | None:
        return verdict.claim.speaker.name if verdict.claim.speaker_id else None

    def get_side(self, verdict) -> str | None:
        side = verdict.claim.side
        return side.name if side else None

    def get_rating(self, verdict) -> dict:
        return {
            "label": verdict.rating.label,
            "slug": verdict.rating.slug,
            "value": verdict.rating.value,
        }


class PublicRateThrottle(AnonRateThrottle):
    rate = "120/min"


class PublicVerdictViewSet(viewsets.ReadOnlyModelViewSet):
    """Published verdicts only: drafts do not exist here (404)."""

    serializer_class = PublicVerdictSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [PublicRateThrottle]
    filterset_class = PublishedVerdictFilter

    def get_queryset(self):
        return selectors.published_verdicts().order_by("-published_at")


CLAIMREVIEW_FEED_PAGE = 200


@extend_schema(exclude=True)
@public_page("page")
def claimreview_feed(request):
    """Published verdicts as schema.org ClaimReview (a DataFeed for aggregators), newest
    first, CLAIMREVIEW_FEED_PAGE a page; a `Link: <…?page=N>; rel="next"` header leads on."""
    verdicts = (
        selectors.published_verdicts()
        .prefetch_related("rating__scale__ratings", "corrections")
        .order_by("-published_at", "-pk")
    )
    page = Paginator(verdicts, CLAIMREVIEW_FEED_PAGE).get_page(request.GET.get("page"))
    response = JsonResponse(
        {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [claimreview.claim_review(v) for v in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    if page.has_next():
        response["Link"] = f'<{request.path}?page={page.next_page_number()}>; rel="next"'
    return response
