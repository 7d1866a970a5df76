from django.urls import path

from claims.views import ingest, newsroom, workspace

app_name = "newsroom"

urlpatterns = [
    path("", newsroom.desk, name="home"),
    path("queue/", newsroom.queue, name="queue"),
    path("queue/assign/", newsroom.bulk_assign, name="bulk-assign"),
    path("queue/saved/", newsroom.save_filter, name="save-filter"),
    path("dashboard/", newsroom.dashboard, name="dashboard"),
    path("conflicts/", newsroom.conflicts, name="conflicts"),
    path("notifications/", newsroom.notifications, name="notifications"),
    path("articles/new/", ingest.ingest, name="ingest"),
    path("articles/<int:pk>/", ingest.article_detail, name="article"),
    path("articles/<int:pk>/retry/", ingest.retry, name="article-retry"),
    path("suggestions/<int:pk>/accept/", ingest.accept_suggestion, name="accept-suggestion"),
    path("suggestions/<int:pk>/reject/", ingest.reject_suggestion, name="reject-suggestion"),
    path("claims/<int:pk>/", workspace.claim_detail, name="claim"),
    path("claims/<int:pk>/do/<slug:name>/", workspace.claim_transition, name="transition"),
    path("claims/<int:pk>/verdict/", workspace.save_verdict, name="save-verdict"),
    path("claims/<int:pk>/correct/", workspace.correct_verdict, name="correct"),
    path("claims/<int:pk>/edit/", workspace.edit_claim, name="edit-claim"),
    path("claims/<int:pk>/evidence/", workspace.add_evidence, name="add-evidence"),
    path("claims/<int:pk>/notes/", workspace.add_note, name="add-note"),
    path("claims/<int:pk>/replies/", workspace.add_reply_attempt, name="add-reply"),
]
