import pytest
from django.test import Client

from accounts import roles
from claims.demo.newsroom import load_demo
from claims.models import ConflictOfInterest, SavedFilter, Side
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_editor():
    demo = load_demo()
    client = Client()
    log_in(client, demo["users"][roles.EDITOR])
    return demo, client


def listed(response):
    return response.content.decode().count('name="claim" value=')


def test_the_queue_filters_by_status_side_and_text(demo_editor):
    demo, client = demo_editor
    azerbaijan = Side.objects.get(name="Azerbaijan")

    assert listed(client.get("/newsroom/queue/")) == 18
    assert listed(client.get("/newsroom/queue/?status=new")) == 4
    assert listed(client.get("/newsroom/queue/?status=new&status=selected")) == 5
    assert listed(client.get(f"/newsroom/queue/?side={azerbaijan.pk}")) == 9
    assert listed(client.get("/newsroom/queue/?q=phosphorus")) == 3
    assert listed(client.get("/newsroom/queue/?overdue=true")) == 3


def test_a_bad_filter_value_is_a_form_error_not_a_500(demo_editor):
    _, client = demo_editor
    response = client.get("/newsroom/queue/?status=bogus&made_after=notadate")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_an_editor_saves_a_filter_and_finds_it_again(demo_editor):
    demo, client = demo_editor
    response = client.post("/newsroom/queue/saved/", {"name": "New ones", "query": "status=new"})
    assert response.status_code == 302
    assert SavedFilter.objects.get(user=demo["users"][roles.EDITOR]).query == "status=new"
    assert 'href="?status=new"' in client.get("/newsroom/queue/").content.decode()


def test_bulk_assign_assigns_what_it_may_and_says_why_it_refused_the_rest(demo_editor):
    demo, client = demo_editor
    checker = demo["users"][roles.FACT_CHECKER]
    ConflictOfInterest.objects.create(user=checker, side=Side.objects.get(name="Azerbaijan"))
    fine, conflicted = demo["claims"]["sargsyan"], demo["claims"]["villages"]

    response = client.post(
        "/newsroom/queue/assign/",
        {"claim": [fine.pk, conflicted.pk], "assignee": checker.pk, "due_at": "2030-01-01T10:00"},
        follow=True,
    )

    page = response.content.decode()
    assert "1 claim(s) assigned." in page
    assert "declared a tie to Azerbaijan" in page
    fine.refresh_from_db()
    conflicted.refresh_from_db()
    assert (fine.status, fine.assignee) == ("assigned", checker)
    assert conflicted.status == "new" and conflicted.assignee is None


def test_a_note_added_with_htmx_returns_only_the_notes_section(demo_editor):
    demo, client = demo_editor
    claim = demo["claims"]["phosphorus"]

    response = client.post(
        f"/newsroom/claims/{claim.pk}/notes/", {"body": "Call the lab."}, HTTP_HX_REQUEST="true"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<section id="notes"') and "Call the lab." in page
    assert "<html" not in page


def test_the_desk_shows_my_work_overdue_first(client):
    demo = load_demo()
    log_in(client, demo["users"][roles.FACT_CHECKER])
    page = client.get("/newsroom/").content.decode()
    assert "3 claims are overdue." in page
    assert "Azerbaijan used phosphorus munitions" in page


def test_the_dashboard_counts_claims_per_state_and_verdicts_per_side(demo_editor):
    _, client = demo_editor
    response = client.get("/newsroom/dashboard/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">New</th>' in page
    assert "True: 1" in page and "Russia" in page


def test_a_fact_checker_declares_and_withdraws_a_conflict(client, make_user):
    user = make_user(role=roles.FACT_CHECKER)
    side = Side.objects.create(name="Turkey", slug="turkey")
    log_in(client, user)

    client.post("/newsroom/conflicts/", {"side": side.pk, "note": "Family ties"})
    assert ConflictOfInterest.objects.filter(user=user, side=side).exists()
    client.post("/newsroom/conflicts/", {"side": side.pk, "withdraw": "1"})
    assert not ConflictOfInterest.objects.filter(user=user).exists()
