import ipaddress
import secrets

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from claims.platform.health import OPTIONAL_CHECKS, service_states


@never_cache
@require_GET
def healthz(request):
    """{"status": "ok" | "degraded" | "unavailable"} for everyone (a 503 only when
    unavailable); each service's state and error text only for this machine (a probe on
    loopback) or a caller with HEALTHZ_TOKEN."""
    services = service_states()
    healthy = all(state["ok"] for name, state in services.items() if name not in OPTIONAL_CHECKS)
    whole = all(state["ok"] for state in services.values())
    body = {"status": "unavailable" if not healthy else "ok" if whole else "degraded"}
    if _may_see_details(request):
        body["services"] = services
    return JsonResponse(body, status=200 if healthy else 503)


def _may_see_details(request):
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("X-Healthz-Token", "")
    if token and given and secrets.compare_digest(given, token):
        return True
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
