"""How often one client may post the public registration form.

The shared counter is marketplace.deployment.limits.counted_within, but training may not import the project
package (tests/marketplace/test_layering.py); this is the same cache counter until it moves down into a core app."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    return forwarded[-hops] if len(forwarded) >= hops else remote


def _counted_within(key: str, *, limit: int, window: int) -> bool:
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)  # atomic in Redis
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def registration_allowed(request) -> bool:
    """Counts one registration attempt from this client; False past TRAINING_REGISTRATIONS_PER_CLIENT an hour."""
    limit = getattr(settings, "TRAINING_REGISTRATIONS_PER_CLIENT", 20)
    return _counted_within(f"training-class-register:{_client_address(request)}", limit=limit, window=WINDOW_SECONDS)
