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

from accounts.api_tokens import TokenScopeAllows
from claims import workflow
from claims.ingest import pipeline
from claims.models import Actor, Article, ClaimSuggestion


class NewsroomMember(permissions.BasePermission):
    message = "This API is for the newsroom's fact-checkers and editors."

    def has_permission(self, request, view):
        return workflow.can_ingest(request.user)


class ArticleFilter(django_filters.FilterSet):
    class Meta:
        model = Article
        fields = ["status", "source"]


class RelatedSerializer(serializers.Serializer):
    claim_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["same", "counter"])
    score = serializers.FloatField()


class SuggestedClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="The claim's id once accepted")
    text = serializers.CharField()
    speaker = serializers.CharField(help_text="The speaker as written in the article")
    actor = serializers.CharField(allow_null=True, help_text="The newsroom's actor, if known")
    side = serializers.CharField(allow_null=True)
    stance = serializers.ChoiceField(choices=ClaimSuggestion.Stance.choices)
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    checkworthiness = serializers.FloatField()
    related = RelatedSerializer(many=True)
    suggestion_id = serializers.IntegerField(help_text="For /api/suggestions/{id}/accept/")
    status = serializers.ChoiceField(choices=ClaimSuggestion.Status.choices)


class IngestionArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(allow_null=True)
    title = serializers.CharField()
    language = serializers.CharField()
    status = serializers.ChoiceField(choices=Article.Status.choices)


class IngestionSerializer(serializers.Serializer):
    """What an ingestion found: the article and its suggested claims."""

    article = IngestionArticleSerializer()
    claims = SuggestedClaimSerializer(many=True)

    def to_representation(self, article):
        return pipeline.as_json(article, suggestion_ids=True)


class SubmitSerializer(serializers.Serializer):
    url = serializers.CharField(required=False, max_length=2000, allow_blank=True)
    text = serializers.CharField(required=False, max_length=5_000_000, allow_blank=True)
    title = serializers.CharField(required=False, max_length=500, allow_blank=True)

    def validate(self, data):
        given = [k for k in ("url", "text") if data.get(k, "").strip()]
        if len(given) != 1:
            raise serializers.ValidationError("Give either a url or a text, not both or neither.")
        return data


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
    serializer_class = IngestionSerializer
    filterset_class = ArticleFilter
    queryset = Article.objects.order_by("-created_at")

    @extend_schema(request=SubmitSerializer, responses={201: IngestionSerializer})
    def create(self, request):
        """Send a web address or a text to the pipeline; the same page twice is one article."""
        submitted = SubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = submitted.validated_data
        try:
            if data.get("url", "").strip():
                article, created = pipeline.submit_url(data["url"], by=request.user)
            else:
                article, created = pipeline.submit_text(
                    data["text"], by=request.user, title=data.get("title", "")
                )
        except pipeline.IngestError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(IngestionSerializer(article).data, status=code)

    @extend_schema(request=None, responses=IngestionSerializer)
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        """Start a failed article again from the step that failed."""
        article = pipeline.retry(self.get_object())
        return Response(IngestionSerializer(article).data)


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
            claim = pipeline.accept_suggestion(
                self.get_object(),
                request.user,
                text=data.get("text"),
                actor=data.get("actor"),
                new_actor=data.get("new_actor"),
                link_ids=data.get("links"),
            )
        except pipeline.IngestError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"claim_id": claim.pk})

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        pipeline.reject_suggestion(self.get_object(), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
