"""Readers who follow a verdict or a speaker by e-mail.

Following is double opt-in: the first mail only asks to confirm, and nothing else is sent
until the link is used. A verdict's followers hear of each correction, update or
retraction; a speaker's followers hear of each new verdict on that speaker. Each change is
written about once per follower (a FollowNotice row), whatever runs the task twice. Mails
are plain text with no tracking, and carry List-Unsubscribe (one click, RFC 8058).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from claims.models import Follow, FollowNotice
from claims.platform import outbox


def follow(email, verdict=None, speaker=None):
    """A pending follow; the confirmation mail goes out after the commit. Asking again for
    the same thing sends the confirmation again (a lost mail) but makes no second row."""
    email = email.strip().lower()
    existing = Follow.objects.filter(
        email=email, verdict=verdict, speaker=speaker, stopped_at__isnull=True
    ).first()
    chosen = existing or Follow.objects.create(email=email, verdict=verdict, speaker=speaker)
    if chosen.confirmed_at is None:
        outbox.enqueue("verify.confirm_follow", follow_id=chosen.pk)
    return chosen


def confirm(follow_obj):
    if follow_obj.confirmed_at is None and follow_obj.stopped_at is None:
        Follow.objects.filter(pk=follow_obj.pk).update(confirmed_at=timezone.now())


def stop(follow_obj):
    if follow_obj.stopped_at is None:
        Follow.objects.filter(pk=follow_obj.pk).update(stopped_at=timezone.now())


def _links(follow_obj):
    return (
        settings.SITE_URL + reverse("public:follow-confirm", args=[follow_obj.token]),
        settings.SITE_URL + reverse("public:follow-stop", args=[follow_obj.token]),
    )


def _send(follow_obj, subject, body):
    _confirm_url, stop_url = _links(follow_obj)
    EmailMessage(
        subject=f"[{settings.NEWSROOM_NAME}] {subject}",
        body=f"{body}\n\nTo stop these e-mails: {stop_url}",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[follow_obj.email],
        headers={
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


def send_confirmation(follow_id):
    follow_obj = (
        Follow.objects.select_related("verdict__claim", "speaker").filter(pk=follow_id).first()
    )
    if follow_obj is None or follow_obj.confirmed_at or follow_obj.stopped_at:
        return False
    confirm_url, _stop = _links(follow_obj)
    what = follow_obj.verdict.claim if follow_obj.verdict_id else follow_obj.speaker
    _send(
        follow_obj,
        "Confirm that you want to follow",
        f"Someone, we hope you, asked to hear by e-mail when something changes about: {what}\n\n"
        f"To confirm, open: {confirm_url}\n\nIf it was not you, do nothing: we will not write "
        "again.",
    )
    return True


def tell_followers(verdict):
    """Write to whoever should hear of the verdict's latest change, once each. Returns how
    many mails went out."""
    claim = verdict.claim
    url = f"{settings.SITE_URL}{verdict.public_url()}"
    if verdict.retracted_at:
        key, subject = "retracted", f"Retracted: {claim}"
        body = f"We retracted our verdict on: {claim}\n\n{verdict.retraction_reason}\n{url}"
        follows = Follow.objects.filter(verdict=verdict)
    elif latest := verdict.corrections.order_by("-created_at").first():
        key = f"change:{latest.pk}"
        subject = f"{latest.get_kind_display()}: {claim}"
        body = f"{latest.get_kind_display()} to our verdict on: {claim}\n\n{latest.note}\n{url}"
        follows = Follow.objects.filter(verdict=verdict)
    else:
        if not claim.speaker_id:
            return 0
        key, subject = f"published:{verdict.pk}", f"{verdict.rating}: {claim}"
        body = f"New verdict on {claim.speaker}: {verdict.rating}. {verdict.summary}\n{url}"
        follows = Follow.objects.filter(speaker_id=claim.speaker_id)
    sent = 0
    for follow_obj in follows.filter(confirmed_at__isnull=False, stopped_at__isnull=True):
        try:
            with transaction.atomic():
                FollowNotice.objects.create(follow=follow_obj, key=key)
                _send(follow_obj, subject, body)
        except IntegrityError:
            continue  # written about this change already
        sent += 1
    return sent
