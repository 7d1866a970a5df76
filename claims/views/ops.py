from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from claims.health import service_states


@never_cache
@require_GET
def healthz(request):
    services = service_states()
    healthy = all(state["ok"] for state in services.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "services": services},
        status=200 if healthy else 503,
    )
