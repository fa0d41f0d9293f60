"""Oscar's pricing and availability strategy for the marketplace: VND, no tax added, and
products not on sale (ocop_catalog.sale: hidden, a variant, or of a suspended seller) cannot be bought."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability
from oscar.apps.partner import strategy as oscar_strategy

from ocop_catalog.sale import product_is_on_sale


class NotSold(availability.Unavailable):
    message = _("This product is not for sale at the moment.")


class MarketplaceAvailability(oscar_strategy.StockRequired):
    def availability_policy(self, product, stockrecord):
        if not product_is_on_sale(product):
            return NotSold()
        return super().availability_policy(product, stockrecord)


class MarketplaceStrategy(
    oscar_strategy.UseFirstStockRecord,
    MarketplaceAvailability,
    oscar_strategy.NoTax,
    oscar_strategy.Structured,
):
    """One stock record per product (its producer's); prices in whole đồng include VAT as listed."""

    def fetch_for_line(self, line, stockrecord=None):
        # A basket line names its stock record (loaded with the line): Oscar's default ignores it and asks
        # the product for its first one, a query per line on every basket and checkout page.
        return self.fetch_for_product(line.product, stockrecord=stockrecord or line.stockrecord)


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return MarketplaceStrategy(request)
