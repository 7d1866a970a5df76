"""The public pages' cache. One generation number names every cached public page, so a
publication, correction or retraction makes all of them stale at once.

Pages live in Redis, shared by every web process. Each process also keeps the pages it
served in the last PUBLIC_LOCAL_CACHE_SECONDS (1 s by default) in memory, so a page that
goes viral costs no round trip at all; a publication reaches every reader within that
second (CDNs are told they may keep a page for a minute anyway).
"""

import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "public:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


_local = {}  # name: (monotonic expiry, generation, response)
LOCAL_PAGES = 500


def lookup(name):
    """(the current generation, the page cached as `name` if it is of that generation).

    From this process's memory when it served the page within the last second; otherwise
    one round trip to Redis, where the generation and the page are read together and a
    page from an older generation counts as missing.
    """
    now = time.monotonic()
    local = _local.get(name)
    if local is not None and local[0] > now:
        return local[1], local[2]
    page_key = f"public:page:{name}"
    found = cache.get_many([GENERATION_KEY, page_key])
    current = found.get(GENERATION_KEY) or generation()
    entry = found.get(page_key)
    if entry is not None and entry[0] == current:
        _keep(name, current, entry[1], now)
        return current, entry[1]
    return current, None


def _keep(name, of_generation, response, now):
    seconds = settings.PUBLIC_LOCAL_CACHE_SECONDS
    if seconds <= 0:
        return
    if len(_local) >= LOCAL_PAGES:
        _local.clear()
    _local[name] = (now + seconds, of_generation, response)


def store(name, of_generation, response, timeout=10 * 60):
    cache.set(f"public:page:{name}", (of_generation, response), timeout=timeout)
    _keep(name, of_generation, response, time.monotonic())


def invalidate():
    """Every cached page is stale from now on (in other processes: within a second)."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    _local.clear()
