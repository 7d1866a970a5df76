from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from claims import api_newsroom
from claims.views import accounts, ops

newsroom_api = DefaultRouter(trailing_slash=True)
newsroom_api.include_root_view = False
newsroom_api.register("ingestions", api_newsroom.IngestionViewSet, basename="api-ingestion")
newsroom_api.register("suggestions", api_newsroom.SuggestionViewSet, basename="api-suggestion")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", accounts.second_factor, name="second-factor"),
    path(
        "accounts/two-factor/set-up/", accounts.set_up_second_factor, name="second-factor-setup"
    ),
    path("accounts/two-factor/recovery-codes/", accounts.recovery_codes, name="recovery-codes"),
    path("healthz", ops.healthz, name="healthz"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/", include(newsroom_api.urls)),
    path("newsroom/", include("claims.urls.newsroom")),
    path("", include("claims.urls.public")),
]
