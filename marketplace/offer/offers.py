"""Whether any offer could apply to a basket at all, answered from the cache.

Oscar applies offers to every non-empty basket on every request (its basket middleware), after every addition
(the "added to basket" message) and on the basket page (upsell messages): each time one query for the site's
offers and one for the basket's vouchers. A marketplace with no offer and no voucher paid those on every
basket page, every addition and every placement (issue 16). While the shop has no open offer and no voucher,
the Applicator finds none without asking (marketplace.offer.applicator); any change to an offer or a voucher
drops the cached answer, which also expires within a minute (a change committed while another process was
computing the answer is seen then at the latest). Each process keeps the answer for LOCAL_SECONDS
(ocop_catalog.local_cache): a checkout asked the shared cache up to seven times; another process sees a change
within those seconds.
"""

from django.core.cache import cache
from django.db import transaction
from oscar.core.loading import get_model

from ocop_catalog.local_cache import forget, locally_cached

KEY = "basket:offers-possible:v1"
TIMEOUT = 60
LOCAL_SECONDS = 3


def offers_possible() -> bool:
    """True while an offer (open, whatever its dates) or a voucher exists: then offers are applied as Oscar does."""
    return locally_cached(KEY, LOCAL_SECONDS, _offers_possible_shared)


def _offers_possible_shared() -> bool:
    answer = cache.get(KEY)
    if answer is None:
        ConditionalOffer = get_model("offer", "ConditionalOffer")
        Voucher = get_model("voucher", "Voucher")
        answer = ConditionalOffer.objects.filter(status=ConditionalOffer.OPEN).exists() or Voucher.objects.exists()
        cache.set(KEY, answer, TIMEOUT)
    return answer


def offers_changed(**kwargs) -> None:
    """Receiver of offers' and vouchers' saves and deletes: forget the answer now and again after the commit."""
    _forget()
    transaction.on_commit(_forget)


def _forget() -> None:
    cache.delete(KEY)
    forget([KEY])
