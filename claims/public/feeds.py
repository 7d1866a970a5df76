from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from claims import selectors
from claims.models import Actor, Topic
from claims.platform.security import strip_control_characters

FEED_SIZE = 50


class VerdictFeed(Feed):
    """All published verdicts, newest first; per topic and per speaker below."""

    description_template = None

    def title(self, obj=None):
        suffix = f": {obj}" if obj else ""
        return strip_control_characters(f"{settings.NEWSROOM_NAME} verdicts{suffix}")

    def link(self, obj=None):
        return obj_link(obj)

    def description(self, obj=None):
        return f"Fact-check verdicts from {settings.NEWSROOM_NAME}"

    def verdicts(self, obj):
        return selectors.published_verdicts()

    def items(self, obj=None):
        return self.verdicts(obj).order_by("-published_at")[:FEED_SIZE]

    # Text from before control characters were refused at the door must not break XML.
    def item_title(self, verdict):
        notice = f"[{verdict.notice_label}] " if verdict.last_notice else ""
        return strip_control_characters(
            f"{notice}{verdict.rating}: {verdict.headline or verdict.claim}"
        )

    def item_description(self, verdict):
        return strip_control_characters(verdict.summary)

    def item_link(self, verdict):
        return verdict.public_url()

    def item_pubdate(self, verdict):
        return verdict.published_at

    def item_updateddate(self, verdict):
        return verdict.updated_at


def obj_link(obj):
    if isinstance(obj, Topic):
        return f"/topics/{obj.slug}/"
    if isinstance(obj, Actor):
        return f"/speakers/{obj.slug}/"
    return "/verdicts/"


class AtomMixin:
    feed_type = Atom1Feed
    subtitle = VerdictFeed.description


class TopicFeed(VerdictFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def verdicts(self, topic):
        return selectors.published_verdicts().filter(claim__topics=topic)


class SpeakerFeed(VerdictFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Actor, slug=slug)

    def verdicts(self, actor):
        return selectors.published_verdicts().filter(claim__speaker=actor)


class VerdictAtomFeed(AtomMixin, VerdictFeed):
    pass


class TopicAtomFeed(AtomMixin, TopicFeed):
    pass


class SpeakerAtomFeed(AtomMixin, SpeakerFeed):
    pass
