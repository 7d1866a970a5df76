"""Every URL of the site: each part's own urls module, mounted here."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from claims.newsroom.urls import api_urlpatterns as newsroom_api
from claims.platform import views as platform

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("healthz", platform.healthz, name="healthz"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/", include(newsroom_api)),
    path("newsroom/", include("claims.newsroom.urls")),
    path("", include("claims.public.urls")),
]
