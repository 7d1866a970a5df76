from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from claims.public import api, feeds, views
from claims.public.page_cache import public_page
from claims.public.sitemaps import StaticSitemap, VerdictSitemap

app_name = "public"
cached = public_page()

router = SimpleRouter()
router.register("verdicts", api.PublicVerdictViewSet, basename="api-verdict")

urlpatterns = [
    path("", views.home, name="home"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("verdicts/", views.browse, name="browse"),
    path("verdicts/<int:pk>/", views.verdict_detail, name="verdict"),
    path("speakers/<slug:slug>/", views.speaker, name="speaker"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("sides/<slug:slug>/", views.side, name="side"),
    path("methodology/", views.methodology, name="methodology"),
    path("about/", views.about, name="about"),
    path("transparency/", views.transparency, name="transparency"),
    path("open-data/", views.open_data_page, name="open-data"),
    path("open-data/verdicts.json", views.open_data_file, {"kind": "json"}, name="open-data-json"),
    path("open-data/verdicts.csv", views.open_data_file, {"kind": "csv"}, name="open-data-csv"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("corrections/", views.corrections, name="corrections"),
    path("ask/", views.ask, name="ask"),
    path("archive/articles/<int:pk>/", views.archived_article, name="archived-article"),
    path("archive/evidence/<int:pk>/", views.archived_evidence, name="archived-evidence"),
    path(
        "archive/articles/<int:pk>/copy/",
        views.archived_article_copy,
        name="archived-article-copy",
    ),
    path(
        "archive/evidence/<int:pk>/copy/",
        views.archived_evidence_copy,
        name="archived-evidence-copy",
    ),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("follow/verdicts/<int:verdict>/", views.follow, name="follow-verdict"),
    path("follow/speakers/<slug:slug>/", views.follow, name="follow-speaker"),
    path("follow/confirm/<str:token>/", views.follow_confirm, name="follow-confirm"),
    path("follow/stop/<str:token>/", views.follow_stop, name="follow-stop"),
    path("feeds/rss/", cached(feeds.VerdictFeed()), name="feed-rss"),
    path("feeds/atom/", cached(feeds.VerdictAtomFeed()), name="feed-atom"),
    path("feeds/topics/<slug:slug>/rss/", cached(feeds.TopicFeed()), name="topic-rss"),
    path("feeds/topics/<slug:slug>/atom/", cached(feeds.TopicAtomFeed()), name="topic-atom"),
    path("feeds/speakers/<slug:slug>/rss/", cached(feeds.SpeakerFeed()), name="speaker-rss"),
    path("feeds/speakers/<slug:slug>/atom/", cached(feeds.SpeakerAtomFeed()), name="speaker-atom"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"verdicts": VerdictSitemap, "pages": StaticSitemap}},
        name="sitemap",
    ),
    path("api/public/", include(router.urls)),
    path("api/public/claimreview-feed.json", api.claimreview_feed, name="claimreview-feed"),
]
