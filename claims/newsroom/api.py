"""The newsroom's ingestion API: submit an article, follow its progress, review what it found.

For newsroom tools: authenticate with a token (`Authorization: Token …`, created and revoked
by an admin in Django admin under "API tokens": expiring, read-only or ingest) or the
browser session. An article reads as
the same JSON object that `manage.py ingest --json` prints.
"""

import django_filters
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api_tokens import TokenScopeAllows
from claims import workflow
from claims.ingest import review
from claims.ingest.contract import ReviewableIngestionSerializer
from claims.ingest.submit import IngestError, Source, retry, submit
from claims.meaning import search
from claims.models import Actor, Article, ClaimSuggestion


class NewsroomMember(permissions.BasePermission):
    message = "This API is for the newsroom's fact-checkers and editors."

    def has_permission(self, request, view):
        return workflow.can_ingest(request.user)


class ArticleFilter(django_filters.FilterSet):
    class Meta:
        model = Article
        fields = ["status", "source"]


class SubmitSerializer(serializers.Serializer):
    url = serializers.CharField(required=False, max_length=2000, allow_blank=True)
    text = serializers.CharField(required=False, max_length=5_000_000, allow_blank=True)
    title = serializers.CharField(required=False, max_length=500, allow_blank=True)

    def validate(self, data):
        if self.as_source(data).problem():  # in the API's words: its fields are url and text
            raise serializers.ValidationError("Give either a url or a text, not both or neither.")
        return data

    @staticmethod
    def as_source(data) -> Source:
        return Source(
            url=data.get("url", ""), text=data.get("text", ""), title=data.get("title", "")
        )


class AcceptSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=False)
    actor_id = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), required=False, source="actor"
    )
    new_actor = serializers.CharField(required=False, max_length=200, allow_blank=True)
    links = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="Related claim ids to keep"
    )


class IngestionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):  # fmt: skip
    """Articles sent to the ingestion pipeline, with the claims it suggests."""

    permission_classes = [permissions.IsAuthenticated, TokenScopeAllows, NewsroomMember]
    serializer_class = ReviewableIngestionSerializer
    filterset_class = ArticleFilter
    queryset = Article.objects.order_by("-created_at")

    @extend_schema(request=SubmitSerializer, responses={201: ReviewableIngestionSerializer})
    def create(self, request):
        """Send a web address or a text to the pipeline; the same page twice is one article."""
        submitted = SubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = submitted.validated_data
        try:
            article, created = submit(SubmitSerializer.as_source(data), by=request.user)
        except IngestError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(ReviewableIngestionSerializer(article).data, status=code)

    @extend_schema(request=None, responses=ReviewableIngestionSerializer)
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        """Start a failed article again from the step that failed."""
        article = retry(self.get_object())
        return Response(ReviewableIngestionSerializer(article).data)


class SuggestionViewSet(viewsets.GenericViewSet):
    """Accept or reject one suggested claim (ids: the article's claims in span order)."""

    permission_classes = [permissions.IsAuthenticated, TokenScopeAllows, NewsroomMember]
    queryset = ClaimSuggestion.objects.select_related("article")
    serializer_class = AcceptSerializer

    @extend_schema(
        request=AcceptSerializer,
        responses=inline_serializer("Accepted", {"claim_id": serializers.IntegerField()}),
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        accepted = AcceptSerializer(data=request.data)
        accepted.is_valid(raise_exception=True)
        data = accepted.validated_data
        try:
            claim = review.accept_suggestion(
                self.get_object(),
                request.user,
                text=data.get("text"),
                actor=data.get("actor"),
                new_actor=data.get("new_actor"),
                link_ids=data.get("links"),
            )
        except IngestError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"claim_id": claim.pk})

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        review.reject_suggestion(self.get_object(), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MatchSerializer(serializers.Serializer):
    claim_id = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=["same", "counter", "related"])
    score = serializers.FloatField(help_text="0 to 1; best first")
    language = serializers.CharField(help_text="ISO 639-1, or 'und'")
    verdict_url = serializers.CharField(allow_null=True, help_text="The published verdict")


class MatchResultSerializer(serializers.Serializer):
    query = serializers.CharField()
    language = serializers.CharField()
    matches = MatchSerializer(many=True)


class MatchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        trim_whitespace=False,
        allow_blank=True,
        help_text=f"A sentence in any language, up to {search.MAX_QUERY_CHARACTERS} characters",
    )
    limit = serializers.IntegerField(min_value=1, max_value=search.MAX_LIMIT, default=10)


class ClaimMatchView(APIView):
    """Has this been checked? The claims a sentence repeats ("same"), answers ("counter") or
    is about ("related"), in any language, best first: the same JSON as
    `manage.py match --json`."""

    permission_classes = [permissions.IsAuthenticated, TokenScopeAllows, NewsroomMember]

    @extend_schema(
        operation_id="claims_match",
        parameters=[MatchQuerySerializer],
        responses={
            200: MatchResultSerializer,
            400: inline_serializer("MatchRefused", {"detail": serializers.CharField()}),
        },
    )
    def get(self, request):
        # Only the limit goes through the serializer: match() judges the text itself, so the
        # API and `manage.py match` refuse a bad query in the same words.
        limit = {"limit": request.query_params["limit"]} if "limit" in request.query_params else {}
        asked = MatchQuerySerializer(data=limit)
        if not asked.is_valid():
            return Response(
                {"detail": _first_error(asked.errors)}, status=status.HTTP_400_BAD_REQUEST
            )
        try:
            result = search.match(
                request.query_params.get("q", ""), limit=asked.validated_data["limit"]
            )
        except search.BadQuery as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(result.as_json())


def _first_error(errors):
    field, messages = next(iter(errors.items()))
    return f"{field}: {messages[0]}"
