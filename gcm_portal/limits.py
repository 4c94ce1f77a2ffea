"""Rate limits counted in the shared cache: every server process and instance sees the same counters
(the database cache by default, Redis with CACHE_URL), never one process's memory."""

import time

from django.core.cache import cache


def rate_limit_spend(*, scope: str, key: str, limit: int, period: int = 60) -> bool:
    """Count one event of `scope` for `key` in the current window of `period` seconds; False (and nothing
    counted) once `limit` events were already counted in it."""
    window = int(time.time() // period)
    name = f"limit:{scope}:{key}:{window}"
    cache.add(name, 0, timeout=period * 2)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=period * 2)
        count = 1
    if count > limit:
        cache.decr(name)
        return False
    return True


def rate_limit_exceeded(*, scope: str, key: str, limit: int, period: int = 60) -> bool:
    """Whether `key` has already spent its `limit` events of `scope` in the current window (counts nothing)."""
    window = int(time.time() // period)
    return (cache.get(f"limit:{scope}:{key}:{window}") or 0) >= limit
