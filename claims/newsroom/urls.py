"""The newsroom's pages under /newsroom/, and its ingestion API (api_urlpatterns, under /api/)."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from claims.newsroom import api, ingestion, views, workspace

app_name = "newsroom"

urlpatterns = [
    path("", views.desk, name="home"),
    path("checked/", views.has_been_checked, name="has-been-checked"),
    path("queue/", views.queue, name="queue"),
    path("queue/assign/", views.bulk_assign, name="bulk-assign"),
    path("queue/saved/", views.save_filter, name="save-filter"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("conflicts/", views.conflicts, name="conflicts"),
    path("notifications/", views.notifications, name="notifications"),
    path("articles/new/", ingestion.ingest, name="ingest"),
    path("articles/<int:pk>/", ingestion.article_detail, name="article"),
    path("articles/<int:pk>/retry/", ingestion.retry, name="article-retry"),
    path("articles/<int:pk>/passage/", ingestion.log_passage, name="log-passage"),
    path("suggestions/<int:pk>/accept/", ingestion.accept_suggestion, name="accept-suggestion"),
    path("suggestions/<int:pk>/reject/", ingestion.reject_suggestion, name="reject-suggestion"),
    path("claims/<int:pk>/", workspace.claim_detail, name="claim"),
    path("claims/<int:pk>/do/<slug:name>/", workspace.claim_transition, name="transition"),
    path("claims/<int:pk>/verdict/", workspace.save_verdict, name="save-verdict"),
    path("claims/<int:pk>/publish/", workspace.publish_page, name="publish"),
    path("claims/<int:pk>/preview/", workspace.preview_verdict, name="preview"),
    path("claims/<int:pk>/correct/", workspace.correct_verdict, name="correct"),
    path("claims/<int:pk>/edit/", workspace.edit_claim, name="edit-claim"),
    path("claims/<int:pk>/evidence/", workspace.add_evidence, name="add-evidence"),
    path(
        "claims/<int:pk>/evidence/<int:evidence>/copy/",
        workspace.evidence_copy,
        name="evidence-copy",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence>/retry/",
        workspace.retry_archive,
        name="retry-archive",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence>/edit/",
        workspace.edit_evidence,
        name="edit-evidence",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence>/remove/",
        workspace.remove_evidence,
        name="remove-evidence",
    ),
    path("claims/<int:pk>/notes/", workspace.add_note, name="add-note"),
    path("claims/<int:pk>/replies/", workspace.add_reply_attempt, name="add-reply"),
    path("claims/<int:pk>/links/", workspace.link_claim, name="link-claim"),
    path("claims/<int:pk>/ask/", workspace.ask_to_take, name="ask-to-take"),
    path(
        "take-requests/<int:pk>/<slug:answer>/",
        workspace.answer_take_request,
        name="answer-take-request",
    ),
    path("claims/<int:pk>/links/<int:link>/remove/", workspace.unlink_claim, name="unlink-claim"),
]

api_router = DefaultRouter(trailing_slash=True)
api_router.include_root_view = False
api_router.register("ingestions", api.IngestionViewSet, basename="api-ingestion")
api_router.register("suggestions", api.SuggestionViewSet, basename="api-suggestion")
api_urlpatterns = [
    path("claims/match/", api.ClaimMatchView.as_view(), name="api-claim-match"),
    *api_router.urls,
]
