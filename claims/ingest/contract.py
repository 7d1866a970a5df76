"""The JSON an ingestion reads as: printed by `manage.py ingest --json`, answered by the API,
described in its OpenAPI schema. Defined here once; other tools rely on its shape.

    {"article": {"id", "url", "title", "language", "status"},
     "claims": [{"id", "text", "speaker", "actor", "side", "stance", "start", "end",
                 "checkworthiness", "related": [{"claim_id", "kind", "score"}]}]}

The API adds "suggestion_id" and "status" to each claim (ReviewableIngestionSerializer).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Article, ClaimSuggestion


class RelatedSerializer(serializers.Serializer):
    claim_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["same", "counter"])
    score = serializers.FloatField()


class SuggestedClaimSerializer(serializers.Serializer):
    id = serializers.SerializerMethodField(help_text="The claim's id once accepted")
    text = serializers.CharField()
    speaker = serializers.CharField(
        source="speaker_text", help_text="The speaker as written in the article"
    )
    actor = serializers.CharField(
        source="actor.name", allow_null=True, help_text="The newsroom's actor, if known"
    )
    side = serializers.CharField(source="side.name", allow_null=True)
    stance = serializers.ChoiceField(choices=ClaimSuggestion.Stance.choices)
    start = serializers.IntegerField(source="span_start")
    end = serializers.IntegerField(source="span_end")
    checkworthiness = serializers.FloatField()
    related = RelatedSerializer(many=True)

    def get_id(self, suggestion) -> int | None:
        accepted = suggestion.status == ClaimSuggestion.Status.ACCEPTED
        return suggestion.claim_id if accepted else None


class ReviewableClaimSerializer(SuggestedClaimSerializer):
    suggestion_id = serializers.IntegerField(
        source="pk", help_text="For /api/suggestions/{id}/accept/"
    )
    status = serializers.ChoiceField(choices=ClaimSuggestion.Status.choices)


class IngestionArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(allow_null=True)
    title = serializers.CharField()
    language = serializers.CharField()
    status = serializers.ChoiceField(choices=Article.Status.choices)


def _suggestions(article):
    return article.suggestions.select_related("actor", "side").order_by("span_start")


class IngestionSerializer(serializers.Serializer):
    """What an ingestion found: the article and its suggested claims."""

    article = IngestionArticleSerializer(source="*")
    claims = serializers.SerializerMethodField()

    @extend_schema_field(SuggestedClaimSerializer(many=True))
    def get_claims(self, article):
        return SuggestedClaimSerializer(_suggestions(article), many=True).data


class ReviewableIngestionSerializer(IngestionSerializer):
    """The same, with what the API needs to accept or reject each suggestion."""

    @extend_schema_field(ReviewableClaimSerializer(many=True))
    def get_claims(self, article):
        return ReviewableClaimSerializer(_suggestions(article), many=True).data


def as_json(article) -> dict:
    """The contract as plain data: what `manage.py ingest --json` prints."""
    return IngestionSerializer(article).data
