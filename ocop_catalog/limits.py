"""Who sent a request, and how often: the rate limits of every public form (order look-up, stock alerts, training
registrations, courses) count in the default cache, which debug off requires to be shared by every process.

Here, in the core app, so that any app may use them (tests/marketplace/test_layering.py)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's IP address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the
    X-Forwarded-For entry the outermost of them appended. Entries a client wrote itself come before
    that one and are never read; with no proxy configured the header is ignored altogether."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    # Fewer entries than proxies: the request did not come through all of them.
    return forwarded[-hops] if len(forwarded) >= hops else remote


def counted_within(key: str, *, limit: int, window: int) -> bool:
    """Count one more use of `key` in a window of `window` seconds; False once past `limit`."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)  # atomic in Redis: two workers never read the same count
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
