"""Limits on the stock-alert confirmations anyone can have us e-mail."""

from django.conf import settings

from marketplace.deployment.client import client_address
from marketplace.deployment.limits import counted_within

HOUR, DAY = 60 * 60, 24 * 60 * 60


def alert_confirmation_allowed(request, *, email: str) -> bool:
    """Count a confirmation e-mail about to be sent; False past ALERT_CONFIRMATIONS_PER_CLIENT from this
    client in an hour, or past ALERT_CONFIRMATIONS_PER_ADDRESS to this address in a day.

    Counted in the default cache, which debug off requires to be shared by every process.
    """
    if not _counted(f"alerts:client:{client_address(request)}", settings.ALERT_CONFIRMATIONS_PER_CLIENT, HOUR):
        return False
    return _counted(f"alerts:email:{email.strip().lower()}", settings.ALERT_CONFIRMATIONS_PER_ADDRESS, DAY)


def _counted(key: str, limit: int, window: int) -> bool:
    return counted_within(key, limit=limit, window=window)
