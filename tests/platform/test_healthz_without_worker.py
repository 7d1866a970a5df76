import pytest


@pytest.mark.django_db
def test_healthz_is_503_when_no_worker_answers(client):
    # No worker fixture in this module: no worker listens on the test broker.
    response = client.get("/healthz")

    assert response.status_code == 503
    workers = response.json()["services"]["workers"]
    assert workers == {"ok": False, "detail": "RuntimeError: no Celery worker answered within 1 s"}
