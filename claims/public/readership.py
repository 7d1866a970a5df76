"""What readers read: verdict page views counted per week in Redis, for "most-read topics".

Counting is best-effort: each process adds up its reads in memory and sends them to Redis
at most once a second (PUBLIC_LOCAL_CACHE_SECONDS; at once when that is 0), so a viral page
costs no round trip per view. If Redis is away, the page is still served and those reads
are not counted.
"""

import datetime as dt
import logging
import time
from collections import Counter

import redis
from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from claims.models import Topic

logger = logging.getLogger(__name__)
WEEKS_KEPT = 2
_client = None


def _redis():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(
            settings.CACHES["default"]["LOCATION"], socket_timeout=1, socket_connect_timeout=1
        )
    return _client


def _key(day):
    year, week, _ = day.isocalendar()
    return f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:reads:{year}-W{week:02d}"


_pending = Counter()
_flushed_at = [0.0]


def record_read(verdict_id):
    _pending[verdict_id] += 1
    if time.monotonic() - _flushed_at[0] >= settings.PUBLIC_LOCAL_CACHE_SECONDS:
        flush_reads()


def flush_reads():
    """Send this process's reads to Redis."""
    _flushed_at[0] = time.monotonic()
    if not _pending:
        return
    reads = dict(_pending)
    _pending.clear()
    key = _key(timezone.now().date())
    try:
        pipe = _redis().pipeline()
        for verdict_id, count in reads.items():
            pipe.zincrby(key, count, verdict_id)
        pipe.expire(key, dt.timedelta(weeks=WEEKS_KEPT + 1))
        pipe.execute()
    except redis.RedisError as exc:
        logger.warning("%s reads were not counted: %s", sum(reads.values()), exc)


def most_read_verdicts(limit=200) -> Counter:
    """{verdict id: reads} over this week and the last."""
    today = timezone.now().date()
    reads = Counter()
    try:
        for weeks_ago in range(WEEKS_KEPT):
            key = _key(today - dt.timedelta(weeks=weeks_ago))
            for member, score in _redis().zrevrange(key, 0, limit - 1, withscores=True):
                reads[int(member)] += int(score)
    except redis.RedisError as exc:
        logger.warning("reads unavailable: %s", exc)
    return reads


def most_read_topics(limit=8):
    """Topics of published verdicts, most read first; by number of verdicts when nobody has
    read anything yet. Each topic carries `n`: its reads (or verdicts)."""
    from claims.selectors import published_verdicts

    reads = most_read_verdicts()
    published = published_verdicts(related=False)
    if reads:
        pairs = published.filter(pk__in=list(reads)).values_list("pk", "claim__topics__pk")
        per_topic = Counter()
        for verdict_id, topic_id in pairs:
            if topic_id:
                per_topic[topic_id] += reads[verdict_id]
        if per_topic:
            topics = Topic.objects.in_bulk(list(per_topic))
            ranked = sorted(per_topic, key=lambda t: (-per_topic[t], topics[t].name))[:limit]
            for topic_id in ranked:
                topics[topic_id].n = per_topic[topic_id]
            return [topics[t] for t in ranked]
    return list(
        Topic.objects.filter(claims__verdict__in=published)
        .annotate(n=Count("claims"))
        .order_by("-n", "name")[:limit]
    )
