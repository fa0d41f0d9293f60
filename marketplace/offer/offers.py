"""Whether any offer could apply to a basket at all, answered from the cache.

Oscar applies offers to every non-empty basket on every request (its basket middleware), after every addition
(the "added to basket" message) and on the basket page (upsell messages): each time one query for the site's
offers and one for the basket's vouchers. A marketplace with no offer and no voucher paid those on every
basket page, every addition and every placement (issue 16). While the shop has no open offer and no voucher,
the Applicator finds none without asking (marketplace.offer.applicator); any change to an offer or a voucher
drops the cached answer, which also expires within a minute (a change committed while another process was
computing the answer is seen then at the latest). Each process keeps the answer for 3 seconds
(ocop_catalog.local_cache.CachedAnswer): a checkout asked the shared cache up to seven times; another process sees
a change within those seconds.
"""

from oscar.core.loading import get_model

from ocop_catalog.local_cache import CachedAnswer


def _any_offer_or_voucher() -> bool:
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    return ConditionalOffer.objects.filter(status=ConditionalOffer.OPEN).exists() or get_model("voucher", "Voucher").objects.exists()


# True while an offer (open, whatever its dates) or a voucher exists: then offers are applied as Oscar does.
offers_possible = CachedAnswer("basket:offers-possible:v1", _any_offer_or_voucher, timeout=60, local_seconds=3)
offers_changed = offers_possible.changed  # receiver of offers' and vouchers' saves and deletes
