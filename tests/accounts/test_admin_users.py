import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from accounts import roles
from tests.sessions import log_in

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin_client(client, make_user):
    admin = make_user("boss", role=roles.ADMIN, is_staff=True)
    log_in(client, admin)
    return client


def test_an_admin_creates_a_user_and_gives_a_role(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "newchecker",
            "password1": "correct-horse-battery",
            "password2": "correct-horse-battery",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    user = User.objects.get(username="newchecker")
    checker_group = Group.objects.get(name=roles.FACT_CHECKER)

    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/change/",
        {
            "username": "newchecker",
            "is_active": "on",
            "groups": [checker_group.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    assert roles.roles_of(User.objects.get(pk=user.pk)) == {roles.FACT_CHECKER}


def test_a_deactivated_user_is_logged_out_at_once(admin_client, make_user):
    checker = make_user("leaving", role=roles.FACT_CHECKER)
    their_browser = Client()
    log_in(their_browser, checker)
    assert their_browser.get("/newsroom/").status_code == 200

    response = admin_client.post(
        "/admin/auth/user/",
        {"action": "deactivate", "_selected_action": [checker.pk]},
    )

    assert response.status_code == 302
    assert not User.objects.get(pk=checker.pk).is_active
    assert their_browser.get("/newsroom/").status_code == 302  # back to the login page


@pytest.mark.parametrize("role", [roles.FACT_CHECKER, roles.EDITOR])
def test_newsroom_roles_do_not_get_into_the_admin(client, make_user, role):
    log_in(client, make_user(role=role))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/claims/claim/",
        "/admin/claims/article/",
        "/admin/claims/actor/",
        "/admin/claims/verdict/",
        "/admin/claims/claimlink/",
        "/admin/claims/evidence/",
        "/admin/claims/side/",
        "/admin/claims/outlet/",
        "/admin/claims/topic/",
        "/admin/claims/ratingscale/",
        "/admin/claims/rating/",
        "/admin/auth/user/",
        "/admin/claims/claim/add/",
        "/admin/claims/article/add/",
    ],
)
def test_every_admin_page_opens_on_the_demo_newsroom(admin_client, url):
    from claims.demo.newsroom import load_demo

    load_demo()
    response = admin_client.get(url)
    assert response.status_code == 200


def test_a_claim_change_page_shows_its_links_and_evidence_inline(admin_client):
    from claims.demo.newsroom import load_demo

    claim = load_demo()["claims"]["turkey-recruits"]
    response = admin_client.get(f"/admin/claims/claim/{claim.pk}/change/")
    content = response.content.decode()
    assert "Investigation into recruitment of Syrian fighters" in content
    assert "links_out" in content


def test_the_admins_claim_list_gives_the_claim_room_to_read(admin_client):
    from claims.models import Claim

    Claim.objects.create(text="Azerbaijan's army used phosphorus munitions near Shusha.")

    page = admin_client.get("/admin/claims/claim/").content.decode()

    assert 'class="claim-cell" style="display:inline-block;min-width:24rem"' in page
    assert "phosphorus munitions near Shusha" in page
