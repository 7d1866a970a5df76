"""Beat runs exactly once, even when two beat processes are started by mistake.

SingleBeatScheduler sends the schedule's tasks only while it holds a lock in Redis (a key
with a time to live, renewed at every tick). A second beat finds the lock taken and stands
by, checking again every STANDBY_SECONDS; if the first one dies, its lock expires after
LOCK_SECONDS and the second takes over.
"""

import contextlib
import logging
import uuid

import redis
from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)

LOCK_SECONDS = 60
STANDBY_SECONDS = 5.0

# Take the lock if it is free, or renew it if it is ours; 1 when we hold it.
_TAKE_OR_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    redis.call('expire', KEYS[1], ARGV[2])
    return 1
end
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
    return 1
end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


def lock_key() -> str:
    return f"{settings.CACHES['default'].get('KEY_PREFIX', 'verify')}:beat:lock"


class SingleBeatScheduler(PersistentScheduler):
    def __init__(self, *args, **kwargs):
        self._token = uuid.uuid4().hex
        self._holding = None
        self._redis = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_timeout=5, socket_connect_timeout=3
        )
        super().__init__(*args, **kwargs)

    def holds_lock(self) -> bool:
        try:
            holding = bool(
                self._redis.eval(_TAKE_OR_RENEW, 1, lock_key(), self._token, LOCK_SECONDS)
            )
        except redis.RedisError as exc:
            logger.warning("beat: cannot reach Redis for the lock (%s); not sending", exc)
            holding = False
        if holding != self._holding:
            logger.info(
                "beat: %s",
                "holding the lock: sending the schedule"
                if holding
                else "another beat holds the lock: standing by",
            )
            self._holding = holding
        return holding

    def tick(self, *args, **kwargs):
        if not self.holds_lock():
            return STANDBY_SECONDS
        return min(super().tick(*args, **kwargs), LOCK_SECONDS / 3)

    def close(self):
        with contextlib.suppress(redis.RedisError):  # else it expires by itself
            self._redis.eval(_RELEASE, 1, lock_key(), self._token)
        super().close()
