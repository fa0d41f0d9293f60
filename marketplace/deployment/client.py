"""Who sent a request, as far as the proxies in front of the app can vouch for it."""

from django.conf import settings


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
