"""The public pages' cache. One generation number names every cached public page, so a
publication, correction or retraction makes all of them stale at once.

Pages live in Redis, shared by every web process. Each process also keeps the pages it
served in the last PUBLIC_LOCAL_CACHE_SECONDS (1 s by default) in memory, so a page that
goes viral costs no round trip at all; a publication reaches every reader within that
second (CDNs are told they may keep a page for a minute anyway).

Pages are cached by decorating their view with public_page().
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)
GENERATION_KEY = "public:generation"
PUBLIC_MAX_AGE = 60


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


def public_page(*uses):
    """Cache an anonymous GET of the page under its path and only the parameters in `uses`
    (so `?x=<random>` cannot bypass the cache). A response that carries a reader's own
    message or sets a cookie is never stored, and a reader with a message waiting is
    never served a stored page."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "GET" or request.user.is_authenticated or _has_messages(request):
                return view(request, *args, **kwargs)
            name = _cache_name(request, uses)
            generation = cached = None
            try:
                generation, cached = lookup(name)
            except Exception as exc:  # noqa: BLE001 - the cache is an optimisation
                logger.warning("public cache unavailable: %s", exc)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            patch_cache_control(
                response,
                public=True,
                max_age=PUBLIC_MAX_AGE,
                s_maxage=settings.PUBLIC_SHARED_MAX_AGE,
            )
            patch_vary_headers(response, ["Cookie"])
            _tag(response)
            if generation is not None and not response.cookies and not _has_messages(request):
                try:
                    store(name, generation, response)
                except Exception as exc:  # noqa: BLE001
                    logger.warning("public cache unavailable: %s", exc)
            return response

        return wrapped

    return decorate


def _tag(response):
    """Every public page is tagged `site`; one its view did not tag more precisely is a
    `list` (purged by every publication)."""
    from claims.public import cache_tags

    if not response.get(cache_tags.HEADER):
        cache_tags.add(response, cache_tags.LIST)
    cache_tags.add(response, cache_tags.SITE)


def _cache_name(request, uses):
    used = sorted((key, request.GET.getlist(key)) for key in uses if key in request.GET)
    return hashlib.sha256(repr((request.path, used)).encode()).hexdigest()


def _has_messages(request):
    """A message waits for this reader (in its cookie), or this response shows one."""
    storage = getattr(request, "_messages", None)
    return "messages" in request.COOKIES or bool(storage is not None and len(storage))
