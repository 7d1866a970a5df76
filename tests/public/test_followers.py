"""Readers follow a verdict or a speaker by e-mail: double opt-in, one mail per change,
one-click stop. Mails are sent by the real worker."""

import re
import secrets

import pytest
from django.test import Client

from accounts import roles
from claims import actions
from claims.demo.newsroom import load_demo
from claims.models import Claim, Follow
from claims.tasks import verdict_changed
from tests.conftest import wait_for
from tests.publishing import publish

pytestmark = pytest.mark.django_db(transaction=True)


def reader():
    """A reader of their own: the rate limit counts per client address."""
    return Client(REMOTE_ADDR=f"2001:db8::{secrets.token_hex(2)}:{secrets.token_hex(2)}")


def mails_to(worker, address):
    return [m for m in worker.sent_mail() if f"To: {address}" in m]


def correct(demo, claim, note):
    claim = Claim.objects.get(pk=claim.pk)
    verdict = claim.verdict
    actions.record_correction(
        claim, demo["users"][roles.ADMIN], kind="correction", note=note,
        version=verdict.version, rating=verdict.rating, summary=verdict.summary,
        explanation=verdict.explanation,
    )  # fmt: skip


def test_a_reader_confirms_then_hears_of_a_correction_once_and_stops_in_one_click(worker):
    demo = load_demo()
    claim = demo["claims"]["letter"]
    reader_ = reader()

    page = reader_.get(f"/follow/verdicts/{claim.verdict.pk}/")
    assert page.status_code == 200 and "We will write if we correct" in page.content.decode()
    response = reader_.post(
        f"/follow/verdicts/{claim.verdict.pk}/", {"email": "Reader@Example.org"}
    )
    assert response.status_code == 302
    follow = Follow.objects.get()
    assert follow.email == "reader@example.org" and follow.confirmed_at is None
    wait_for(lambda: mails_to(worker, "reader@example.org"), message="the confirmation")
    (confirmation,) = mails_to(worker, "reader@example.org")
    assert f"/follow/confirm/{follow.token}/" in confirmation

    assert reader_.post(f"/follow/confirm/{follow.token}/").status_code == 302
    correct(demo, claim, "The treaty's year was wrong.")
    wait_for(lambda: len(mails_to(worker, "reader@example.org")) == 2, message="the notice")
    # (Files of one second sort in no set order: find the notice by what it says.)
    (notice,) = [m for m in mails_to(worker, "reader@example.org") if "Correction to" in m]
    assert "The treaty's year was wrong." in notice
    stop_link = rf"<http://\S+/follow/stop/{re.escape(follow.token)}/>"
    assert re.search(rf"List-Unsubscribe:\s+{stop_link}", notice)  # (a long header folds)
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in notice
    assert not re.search(r"<img|https?://\S+\.gif", notice)  # no tracking pixel

    verdict_changed(claim.pk)  # the task again: no second mail about the same change
    assert len(mails_to(worker, "reader@example.org")) == 2

    # One click from the mail client: no CSRF token, the token in the address decides.
    stop = Client(enforce_csrf_checks=True).post(
        f"/follow/stop/{follow.token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert stop.status_code == 204
    correct(demo, claim, "Another fix.")
    verdict_changed(claim.pk)
    assert len(mails_to(worker, "reader@example.org")) == 2


def test_a_speakers_followers_hear_of_each_new_verdict_on_that_speaker(worker):
    demo = load_demo()
    claim = demo["claims"]["turkey-recruits"]
    speaker = claim.speaker
    reader_ = reader()
    reader_.post(f"/follow/speakers/{speaker.slug}/", {"email": "watcher@example.org"})
    follow = Follow.objects.get(speaker=speaker)
    reader_.post(f"/follow/confirm/{follow.token}/")

    publish(claim, demo["users"][roles.EDITOR])

    wait_for(
        lambda: any("New verdict" in m for m in mails_to(worker, "watcher@example.org")),
        message="the speaker's new verdict",
    )
    (news,) = [m for m in mails_to(worker, "watcher@example.org") if "New verdict" in m]
    assert "Mostly true" in news


def test_a_bad_address_is_refused_and_the_honeypot_keeps_bots_out(db):
    demo = load_demo()
    verdict = demo["claims"]["letter"].verdict
    bad = reader().post(f"/follow/verdicts/{verdict.pk}/", {"email": "not-an-address"})
    assert bad.status_code == 400 and "valid email" in bad.content.decode()
    bot = reader().post(
        f"/follow/verdicts/{verdict.pk}/", {"email": "bot@example.org", "website": "spam"}
    )
    assert bot.status_code == 302
    assert not Follow.objects.exists()
    draft = demo["claims"]["phosphorus"].verdict
    assert Client().get(f"/follow/verdicts/{draft.pk}/").status_code == 404


def test_a_flood_of_follows_from_one_client_is_refused(db):
    demo = load_demo()
    verdict = demo["claims"]["letter"].verdict
    client = reader()
    codes = [
        client.post(f"/follow/verdicts/{verdict.pk}/", {"email": f"r{i}@example.org"}).status_code
        for i in range(12)
    ]
    assert codes[:10] == [302] * 10 and codes[10:] == [429, 429]
    assert Follow.objects.count() == 10


def test_until_confirmed_nobody_is_written_to_and_each_change_is_told_once(db, mailoutbox):
    from claims.models import Correction
    from claims.public import followers

    demo = load_demo()
    verdict = demo["claims"]["letter"].verdict
    follow = followers.follow("someone@example.org", verdict=verdict)
    Correction.objects.create(
        verdict=verdict, kind="update", note="New letter found.",
        created_by=demo["users"][roles.ADMIN],
        previous_rating=verdict.rating, new_rating=verdict.rating,
    )  # fmt: skip

    assert followers.tell_followers(verdict) == 0  # not confirmed: nothing
    followers.confirm(follow)
    assert followers.tell_followers(verdict) == 1
    assert followers.tell_followers(verdict) == 0  # the same change: not again
    (mail,) = mailoutbox
    assert mail.to == ["someone@example.org"] and "New letter found." in mail.body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
