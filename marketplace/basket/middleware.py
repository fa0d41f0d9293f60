"""Oscar's basket middleware, applying offers only when an offer or a voucher exists (marketplace.basket.offers)."""

from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware

from .offers import offers_possible


class BasketMiddleware(OscarBasketMiddleware):
    def apply_offers_to_basket(self, request, basket):
        # With no offer and no voucher, Oscar's Applicator would find nothing to apply, after two queries.
        if offers_possible():
            super().apply_offers_to_basket(request, basket)
