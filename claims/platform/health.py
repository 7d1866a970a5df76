"""What /healthz reports: can we reach the database, Redis and at least one Celery worker;
and is the claim index usable (without it, matching falls back to words: degraded)."""

from django.core.cache import cache
from django.db import connection

from verify.celery import app as celery_app


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_redis():
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("Redis did not return what was written")
    return "ok"


def check_workers():
    replies = celery_app.control.ping(timeout=1.0)
    if not replies:
        raise RuntimeError("no Celery worker answered within 1 s")
    return f"{len(replies)} worker(s)"


def check_claim_index():
    from claims.meaning import index

    state = index.state()
    if not state["ok"]:
        raise RuntimeError(state["detail"])
    return state["detail"]


CHECKS = {"database": check_database, "redis": check_redis, "workers": check_workers}


# Without these the site still works, less well: /healthz says "degraded", with a 200.
def check_replica():
    from claims.platform import replica

    return replica.health()


OPTIONAL_CHECKS = {"claim_index": check_claim_index, "replica": check_replica}


def service_states():
    """Each service's state; a failure is reported in words, never raised."""
    states = {}
    for name, check in {**CHECKS, **OPTIONAL_CHECKS}.items():
        try:
            states[name] = {"ok": True, "detail": check()}
        except Exception as exc:  # noqa: BLE001 - a health check reports every failure
            states[name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"[:300]}
    return states
