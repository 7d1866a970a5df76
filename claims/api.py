"""The public, read-only JSON API of published verdicts, and the ClaimReview data feed."""

from django.http import JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from . import claimreview, selectors
from .filters import PublishedVerdictFilter
from .models import Verdict


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
        return claimreview.absolute(verdict.get_absolute_url())

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


@extend_schema(exclude=True)
def claimreview_feed(request):
    """Every published verdict as schema.org ClaimReview (a DataFeed for aggregators)."""
    verdicts = (
        selectors.published_verdicts()
        .prefetch_related("rating__scale__ratings", "corrections")
        .order_by("-published_at")
    )
    return JsonResponse(
        {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [claimreview.claim_review(v) for v in verdicts],
        },
        json_dumps_params={"ensure_ascii": False},
    )
