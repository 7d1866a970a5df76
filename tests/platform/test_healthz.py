import pytest


def test_healthz_is_ok_when_database_redis_and_a_worker_answer(client, worker):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["services"]["database"]["ok"]
    assert body["services"]["redis"]["ok"]
    assert body["services"]["workers"]["ok"]
    assert "worker" in body["services"]["workers"]["detail"]


@pytest.mark.django_db
def test_healthz_is_503_and_names_redis_when_redis_is_unreachable(client, settings):
    # Port 1 refuses connections: a real unreachable Redis, not a mock.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["services"]["database"]["ok"]
    assert not body["services"]["redis"]["ok"]
    assert "Connection" in body["services"]["redis"]["detail"]
    assert response["Cache-Control"].startswith("max-age=0")
