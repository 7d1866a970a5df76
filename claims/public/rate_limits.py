"""How often one reader (one address) may search or ask us to check something.

Counted in Redis per fixed window; the address is the client's behind PROXY_COUNT trusted
proxies. Without Redis nothing can be counted, and the request goes through.
"""

import hashlib
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache

ASK_LIMIT = 5  # "ask us to check" requests per client per hour
FOLLOW_LIMIT = 10  # "follow by e-mail" requests per client per hour


def too_many_searches(request) -> bool:
    return _over_limit(request, "search", settings.PUBLIC_SEARCH_PER_MINUTE, 60)


def too_many_follows(request) -> bool:
    return _over_limit(request, "follow", FOLLOW_LIMIT, 3600)


def too_many_requests_to_check(request) -> bool:
    return _over_limit(request, "ask", ASK_LIMIT, 3600)


def _over_limit(request, what, limit, seconds):
    """True once this client made more than `limit` such requests in the current window."""
    if limit <= 0:
        return False
    client = get_client_ip_address(request) or "unknown"
    window = int(time.time() // seconds)
    key = f"limit:{what}:{hashlib.sha256(client.encode()).hexdigest()}:{window}"
    try:
        cache.add(key, 0, timeout=seconds)
        return cache.incr(key) > limit
    except Exception:  # noqa: BLE001 - without Redis we cannot count; let it through
        return False
