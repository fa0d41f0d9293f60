"""How often one client may post the public registration form (the shared counter: ocop_catalog.limits)."""

from django.conf import settings

from ocop_catalog.limits import client_address, counted_within

WINDOW_SECONDS = 60 * 60


def registration_allowed(request) -> bool:
    """Counts one registration attempt from this client; False past TRAINING_REGISTRATIONS_PER_CLIENT an hour."""
    limit = getattr(settings, "TRAINING_REGISTRATIONS_PER_CLIENT", 20)
    return counted_within(f"training-class-register:{client_address(request)}", limit=limit, window=WINDOW_SECONDS)
