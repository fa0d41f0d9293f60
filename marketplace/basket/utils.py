"""Oscar's basket helpers, with line discounts in whole đồng."""

from oscar.apps.basket import utils

from ocop_catalog.money import round_discount


class LineDiscountRegistry(utils.LineDiscountRegistry):
    """Oscar's benefits work out each line's share of a discount unrounded (7,3 % of 99.999 ₫ is
    7.299,927 ₫) and round only the offer's total: the line, then the order, would cost a fraction
    of a đồng. Each line's share is rounded down here, by the rule of ocop_catalog.money."""

    def discount(self, amount, quantity, incl_tax=True, offer=None):
        return super().discount(round_discount(amount), quantity, incl_tax=incl_tax, offer=offer)
