import pytest

from accounts import roles
from claims.demo.newsroom import load_demo
from tests.sessions import log_in

pytestmark = pytest.mark.django_db


def test_logging_in_lands_on_the_newsroom_and_logging_out_ends_the_session(client, make_user):
    make_user("farid", role=roles.FACT_CHECKER, password="a-long-test-password")

    response = client.post(
        "/accounts/login/", {"username": "farid", "password": "a-long-test-password"}
    )
    assert response.status_code == 302 and response["Location"] == "/newsroom/"
    assert client.get("/newsroom/").status_code == 200

    client.post("/accounts/logout/")
    assert client.get("/newsroom/").status_code == 302


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(client, make_user):
    make_user("farid", role=roles.FACT_CHECKER)
    response = client.post("/accounts/login/", {"username": "farid", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_the_newsroom_needs_a_login(client):
    response = client.get("/newsroom/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/newsroom/")


def test_a_user_without_a_role_is_refused_with_a_styled_403(client, make_user):
    log_in(client, make_user("reader"))
    response = client.get("/newsroom/")
    assert response.status_code == 403
    assert "You are not allowed to do that" in response.content.decode()


def test_a_missing_page_gets_the_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.parametrize(
    "role,sees_admin", [(roles.FACT_CHECKER, False), (roles.EDITOR, False), (roles.ADMIN, True)]
)
def test_the_navigation_shows_what_the_role_can_do(client, make_user, role, sees_admin):
    log_in(client, make_user(role=role, is_staff=role == roles.ADMIN))
    content = client.get("/newsroom/").content.decode()
    assert 'href="/newsroom/"' in content
    assert ('href="/admin/"' in content) is sees_admin
    assert role in content


def test_the_queue_lists_every_claim_with_speaker_side_and_assignee(client):
    demo = load_demo()
    log_in(client, demo["users"][roles.EDITOR])

    content = client.get("/newsroom/queue/").content.decode()

    assert content.count('class="status status-') == 18
    assert "Ministry of Defence of Azerbaijan" in content
    assert "Farid Checker" in content  # an assigned claim
    assert "—" in content  # an unassigned one


def test_the_claim_page_shows_the_statement_in_its_article_and_the_other_side(client, make_user):
    demo = load_demo()
    log_in(client, demo["users"][roles.FACT_CHECKER])
    claim = demo["claims"]["phosphorus"]

    content = client.get(f"/newsroom/claims/{claim.pk}/").content.decode()

    quote = "Armenian officials also accused Azerbaijan of using phosphorus munitions."
    assert f"<mark>{quote}</mark>" in content
    assert "What the other side says" in content
    assert "has not used weapons banned under international law" in content


def test_readers_see_published_verdicts_and_never_drafts(client):
    demo = load_demo()
    published = demo["claims"]["russian-reply"].verdict
    draft = demo["claims"]["phosphorus"].verdict

    home = client.get("/").content.decode()
    assert published.headline in home
    assert draft.headline not in home
    assert client.get(f"/verdicts/{published.pk}/").status_code == 200
    assert client.get(f"/verdicts/{draft.pk}/").status_code == 404


def test_repeated_wrong_passwords_lock_the_login_for_that_user_without_enumerating(
    client, make_user
):
    make_user("farid", role=roles.FACT_CHECKER, password="a-long-test-password")
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": "farid", "password": "guess"})
        assert response.status_code == 200
    locked = client.post("/accounts/login/", {"username": "farid", "password": "guess"})
    assert locked.status_code == 429
    assert "paused for an hour" in locked.content.decode()
    # Even the right password is refused now, and a made-up user name is treated the same.
    right = client.post(
        "/accounts/login/", {"username": "farid", "password": "a-long-test-password"}
    )
    assert right.status_code == 429
    for _ in range(5):
        ghost = client.post("/accounts/login/", {"username": "nobody", "password": "guess"})
    assert ghost.status_code == 429
    # Another user from the same address is not locked out.
    make_user("elena", role=roles.EDITOR, password="another-long-password")
    other = client.post(
        "/accounts/login/", {"username": "elena", "password": "another-long-password"}
    )
    assert other.status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, make_user):
    make_user("farid", role=roles.FACT_CHECKER)
    for n in range(5):
        response = client.post(
            "/accounts/login/",
            {"username": "farid", "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    assert response.status_code == 429


def test_a_password_change_ends_the_users_other_sessions(client, make_user):
    user = make_user("farid", role=roles.FACT_CHECKER, password="a-long-test-password")
    client.post("/accounts/login/", {"username": "farid", "password": "a-long-test-password"})
    assert client.get("/newsroom/").status_code == 200

    # An admin resets the password (say, after a stolen laptop).
    user.set_password("a-brand-new-long-password")
    user.save()

    response = client.get("/newsroom/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
