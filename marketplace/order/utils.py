"""Oscar's order utilities, forked for two changes (issue 16: a livestream sale, buyers placing orders at once):

- a checkout may defer the stock allocation of the order it creates, so that it allocates every line at once as
  the last writes of its transaction (marketplace.checkout.placement.stock_allocate). A row lock on a stock record
  then lasts from that UPDATE to the commit, not through the whole order creation: buyers of the same product no
  longer queue behind each other's order creation;
- in that placing transaction, an order with no offer or voucher to record is written in fewer statements
  (OrderCreator.place_order): its lines and their prices in one INSERT each, and the `order_placed` signal carries
  the lines written, so its receivers (the sellers' parts) need not read them back.

Everything else is Oscar's (OrderNumberGenerator, OrderDispatcher, …), re-exported for its class loader.
"""

import contextlib
import contextvars

from django.conf import settings
from django.db import connection
from oscar.apps.order import utils as oscar_utils
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.order.signals import order_placed
from oscar.apps.order.utils import *  # noqa: F403 — Oscar's other order utilities
from oscar.core.loading import get_model

from marketplace.offer.offers import offers_possible

Line = get_model("order", "Line")
LinePrice = get_model("order", "LinePrice")
LineAttribute = get_model("order", "LineAttribute")

_allocation_deferred = contextvars.ContextVar("order_allocation_deferred", default=False)


@contextlib.contextmanager
def allocation_deferred():
    """Within this block OrderCreator allocates no stock: the caller must allocate before it commits."""
    token = _allocation_deferred.set(True)
    try:
        yield
    finally:
        _allocation_deferred.reset(token)


class OrderCreator(oscar_utils.OrderCreator):
    def place_order(self, basket, total, shipping_method, shipping_charge, user=None, shipping_address=None,
                    billing_address=None, order_number=None, status=None, request=None, surcharges=None, **kwargs):  # fmt: skip
        """Oscar's, in fewer statements when nothing but the order and its lines is to be written: inside a
        placing transaction that allocates the stock itself (allocation_deferred: the caller holds the basket
        and chose the order number from it), with no offer, voucher or surcharge. Then Oscar's steps that would
        find nothing to do are not taken (the order number's check — the caller's basket claim and the unique
        number guarantee it —, the savepoint, the vouchers' two reads, the discounts), and the lines are written
        in one INSERT with their prices in another. Otherwise Oscar's place_order, unchanged."""
        plain = (
            _allocation_deferred.get() and connection.in_atomic_block and order_number and not surcharges
            and not basket.offer_applications and not offers_possible()
        )  # fmt: skip
        if not plain:
            return super().place_order(
                basket, total, shipping_method, shipping_charge, user=user, shipping_address=shipping_address,
                billing_address=billing_address, order_number=order_number, status=status, request=request,
                surcharges=surcharges, **kwargs,
            )  # fmt: skip
        if basket.is_empty:
            raise ValueError("Empty baskets cannot be submitted")
        status = status or getattr(settings, "OSCAR_INITIAL_ORDER_STATUS", None)
        order = self.create_order_model(
            user, basket, shipping_address, shipping_method, shipping_charge, billing_address, total, order_number,
            status, request, surcharges=surcharges, **kwargs,
        )  # fmt: skip
        lines = self.create_lines(order, list(basket.all_lines()))
        order_placed.send(sender=self, order=order, user=user, lines=lines)
        return order

    def create_lines(self, order, basket_lines) -> list:
        """The order's lines as Oscar's create_line_models writes them (the same fields, in the basket's order),
        in one INSERT, then their prices and options in one INSERT each. For baskets without discounts."""
        initial_status = getattr(settings, "OSCAR_INITIAL_LINE_STATUS", None)
        lines = []
        for basket_line in basket_lines:
            stockrecord, product = basket_line.stockrecord, basket_line.product
            if not stockrecord:
                raise UnableToPlaceOrder(f"Basket line #{basket_line.id} has no stockrecord")
            line = Line(
                order=order, partner=stockrecord.partner, partner_name=stockrecord.partner.name,
                partner_sku=stockrecord.partner_sku, stockrecord=stockrecord, product=product, title=product.get_title(),
                upc=product.upc, quantity=basket_line.quantity,
                line_price_excl_tax=basket_line.line_price_excl_tax_incl_discounts,
                line_price_incl_tax=basket_line.line_price_incl_tax_incl_discounts,
                line_price_before_discounts_excl_tax=basket_line.line_price_excl_tax,
                line_price_before_discounts_incl_tax=basket_line.line_price_incl_tax,
                unit_price_incl_tax=basket_line.unit_price_incl_tax, unit_price_excl_tax=basket_line.unit_price_excl_tax,
                tax_code=basket_line.tax_code, num_allocated=basket_line.quantity,
            )  # fmt: skip
            if initial_status:
                line.status = initial_status
            lines.append(line)
        Line.objects.bulk_create(lines)
        prices, attributes = [], []
        for line, basket_line in zip(lines, basket_lines, strict=True):
            for price_incl_tax, price_excl_tax, quantity in basket_line.get_price_breakdown():
                prices.append(
                    LinePrice(
                        order=order,
                        line=line,
                        quantity=quantity,
                        price_incl_tax=price_incl_tax,
                        price_excl_tax=price_excl_tax,
                        tax_code=basket_line.tax_code,
                    )  # fmt: skip
                )
            for attribute in basket_line.attributes.all():
                attributes.append(LineAttribute(line=line, option=attribute.option, type=attribute.option.code, value=attribute.value))
            self.create_additional_line_models(order, line, basket_line)
        LinePrice.objects.bulk_create(prices)
        if attributes:
            LineAttribute.objects.bulk_create(attributes)
        return lines

    def update_stock_records(self, line):
        if _allocation_deferred.get():
            return  # allocated with the other lines by the caller, after the order is written
        super().update_stock_records(line)
