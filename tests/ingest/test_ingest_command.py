"""`python manage.py ingest URL_OR_FILE [--wait] [--accept] [--json]`: a contract for tools."""

import json
import subprocess
import sys

import pytest

from claims.models import Claim, ClaimLink
from tests.conftest import ROOT
from tests.ingest.test_ingestion import ARTICLES, news_page

ARTICLE_KEYS = {"id", "url", "title", "language", "status"}
CLAIM_KEYS = {
    "id", "text", "speaker", "actor", "side", "stance", "start", "end", "checkworthiness",
    "related",
}  # fmt: skip


def ingest(worker, *args):
    return subprocess.run(
        [sys.executable, "manage.py", "ingest", *args],
        cwd=ROOT,
        env=worker.environment(),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_page_ingested_and_accepted_prints_the_json_contract(worker, demo, local_site):
    local_site.pages["/baku"] = (200, {}, news_page("baku-answers.txt"))
    result = ingest(worker, local_site.url("/baku"), "--accept", "--json")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"article", "claims"}
    assert set(data["article"]) == ARTICLE_KEYS
    assert data["article"]["url"] == local_site.url("/baku")
    assert data["article"]["status"] == "ready"
    assert len(data["claims"]) == 7
    for claim in data["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert Claim.objects.get(pk=claim["id"]).text == claim["text"]
        for link in claim["related"]:
            assert set(link) == {"claim_id", "kind", "score"}
            assert link["kind"] in ("same", "counter")
    denial = data["claims"][0]
    assert denial["speaker"] == "The Azerbaijani Defence Ministry"
    assert denial["actor"] == "Ministry of Defence of Azerbaijan"
    assert denial["side"] == "Azerbaijan" and denial["stance"] == "denial"
    assert ClaimLink.objects.filter(
        from_claim_id=denial["id"], to_claim=demo["claims"]["phosphorus"], kind="counter"
    ).exists()


def test_a_text_file_waits_without_accepting(worker, demo):
    result = ingest(worker, str(ARTICLES / "moscow-talks.txt"), "--wait", "--json")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"]["url"] is None and data["article"]["status"] == "ready"
    assert [c["id"] for c in data["claims"]] == [None] * 6
    assert data["claims"][0]["speaker"] == "Russian President Vladimir Putin"


def test_a_failed_page_prints_its_json_and_exits_non_zero(worker, demo, local_site):
    result = ingest(worker, local_site.url("/missing"), "--wait", "--json")

    assert result.returncode == 1
    assert json.loads(result.stdout)["article"]["status"] == "failed"
    assert "error 404" in result.stderr


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("report.pdf", "neither a web address nor a .txt or .html file"),
        ("no-such-file.txt", "There is no file"),
        ("http://10.0.0.7/", "private network"),
    ],
)
def test_bad_sources_are_refused_with_a_reason(worker, db, source, message):
    result = ingest(worker, source, "--json")
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""
