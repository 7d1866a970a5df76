"""The ingestion API for newsroom tools: tokens, submissions, review, clear errors."""

import pytest
from rest_framework.test import APIClient

from accounts import roles
from claims.models import Article, Claim, ClaimSuggestion
from tests.conftest import wait_for
from tests.ingest.test_ingestion import ARTICLES, finished
from tests.sessions import with_token

TEXT = (ARTICLES / "baku-answers.txt").read_text()


@pytest.fixture
def tool(make_user):
    """A newsroom tool holding a fact-checker's token."""
    return with_token(
        APIClient(enforce_csrf_checks=True), make_user("robot", role=roles.FACT_CHECKER)
    )


def test_without_a_token_or_a_role_the_api_refuses(db, make_user):
    anonymous = APIClient()
    assert anonymous.get("/api/ingestions/").status_code == 401

    reader = with_token(APIClient(), make_user())
    response = reader.post("/api/ingestions/", {"text": TEXT}, format="json")
    assert response.status_code == 403
    assert "fact-checkers and editors" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_revoked_token_no_longer_works(tool):
    assert tool.get("/api/ingestions/").status_code == 200
    tool.token.delete()
    assert tool.get("/api/ingestions/").status_code == 401


def test_a_tool_submits_a_text_reads_the_suggestions_and_accepts_one(tool, worker, demo):
    response = tool.post("/api/ingestions/", {"text": TEXT, "title": "Baku"}, format="json")
    assert response.status_code == 201
    article = Article.objects.get(pk=response.json()["article"]["id"])
    wait_for(lambda: finished(article), message="the pipeline")

    body = tool.get(f"/api/ingestions/{article.pk}/").json()
    assert body["article"] == {
        "id": article.pk,
        "url": None,
        "title": "Baku",
        "language": "en",
        "status": "ready",
    }
    assert len(body["claims"]) == 7
    first, second = body["claims"][:2]
    assert first["actor"] == "Ministry of Defence of Azerbaijan" and first["stance"] == "denial"
    assert first["related"][0]["kind"] == "counter"

    accepted = tool.post(
        f"/api/suggestions/{first['suggestion_id']}/accept/",
        {"text": "Azerbaijan denies using phosphorus.", "links": []},
        format="json",
    )
    rejected = tool.post(f"/api/suggestions/{second['suggestion_id']}/reject/")
    assert accepted.status_code == 200 and rejected.status_code == 204
    claim = Claim.objects.get(pk=accepted.json()["claim_id"])
    assert claim.text == "Azerbaijan denies using phosphorus." and not claim.links_out.exists()
    assert ClaimSuggestion.objects.get(pk=second["suggestion_id"]).status == "rejected"
    again = tool.post("/api/ingestions/", {"text": TEXT}, format="json")
    assert again.status_code == 200 and again.json()["claims"][0]["id"] == claim.pk
    assert tool.get("/api/ingestions/?status=ready").json()["count"] == 5  # with the demo's four
    assert tool.get("/api/ingestions/?status=failed").json()["count"] == 0


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({}, "either a url or a text"),
        ({"url": "https://example.org/", "text": "both"}, "either a url or a text"),
        ({"url": "file:///etc/passwd"}, "Only http"),
        ({"url": "http://169.254.169.254/latest/"}, "private network"),
        ({"text": "   "}, "either a url or a text"),
        ({"text": "\x00\x01 binary"}, "Null characters are not allowed"),
    ],
)
def test_bad_submissions_get_a_400_that_says_why(tool, payload, message):
    response = tool.post("/api/ingestions/", payload, format="json")
    assert response.status_code == 400
    assert message in str(response.json())
    assert not Article.objects.exists()


def test_malformed_json_is_a_400_not_a_500(tool):
    response = tool.post("/api/ingestions/", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_the_schema_describes_the_ingestion_api(client):
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/ingestions/", "/api/suggestions/{id}/accept/", "checkworthiness"):
        assert path in schema
