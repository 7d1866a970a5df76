from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from claims import api, feeds
from claims.public_cache import public_page
from claims.sitemaps import StaticSitemap, VerdictSitemap
from claims.views import public

app_name = "public"
cached = public_page()

router = SimpleRouter()
router.register("verdicts", api.PublicVerdictViewSet, basename="api-verdict")

urlpatterns = [
    path("", public.home, name="home"),
    path("robots.txt", public.robots_txt, name="robots"),
    path("verdicts/", public.browse, name="browse"),
    path("verdicts/<int:pk>/", public.verdict_detail, name="verdict"),
    path("speakers/<slug:slug>/", public.speaker, name="speaker"),
    path("topics/<slug:slug>/", public.topic, name="topic"),
    path("sides/<slug:slug>/", public.side, name="side"),
    path("methodology/", public.methodology, name="methodology"),
    path("corrections/", public.corrections, name="corrections"),
    path("ask/", public.ask, name="ask"),
    path("archive/articles/<int:pk>/", public.archived_article, name="archived-article"),
    path("archive/evidence/<int:pk>/", public.archived_evidence, name="archived-evidence"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
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
