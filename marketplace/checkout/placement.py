"""Placing an order safely: one basket becomes at most one order, and stock is never oversold.

Inside the placing transaction the basket row is locked (a double submit waits, then finds the
order), then the basket's stock records are locked in primary-key order — the order Oscar's
OrderCreator allocates in, so concurrent buyers cannot deadlock — and availability is checked
(in stock − allocated ≥ quantity) before Oscar allocates.

The locks are PostgreSQL's FOR NO KEY UPDATE: they serialise buyers of the same stock but do not
block rows that merely refer to it (a basket line being added elsewhere takes FOR KEY SHARE on its
stock record); a plain FOR UPDATE would, and deadlocks against Oscar's analytics counters under load.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from ocop_catalog.money import is_whole_dong
from sellers.shipping import shipping_charge_for_part

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
Applicator = get_class("offer.applicator", "Applicator")


def _no_key_supported() -> bool:
    return connection.features.has_select_for_no_key_update


class PlacementError(Exception):
    """The basket cannot become an order as it is; nothing was written."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


class AlreadyPlaced(Exception):
    def __init__(self, order):
        super().__init__(order.number)
        self.order = order


class BasketChanged(Exception):
    """Prices, quantities or lines differ from what the buyer reviewed."""


@dataclass(frozen=True)
class SellerPart:
    """One seller's share of the basket, as the review page shows it."""

    partner: object
    lines: list
    subtotal: Decimal
    shipping: Decimal

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping


def seller_parts(basket) -> list[SellerPart]:
    """The basket's lines grouped by seller, each with its subtotal and shipping charge
    (the same rule sellers.fulfilment applies to the placed order)."""
    grouped = defaultdict(list)
    for line in basket.all_lines():
        grouped[line.stockrecord.partner].append(line)
    parts = []
    for partner, lines in sorted(grouped.items(), key=lambda item: item[0].name):
        subtotal = sum((line.line_price_incl_tax_incl_discounts for line in lines), Decimal(0))
        parts.append(SellerPart(partner=partner, lines=lines, subtotal=subtotal, shipping=shipping_charge_for_part(subtotal=subtotal)))
    return parts


def fingerprint(basket, *, shipping: Decimal, total: Decimal, method: str) -> str:
    """A digest of what the buyer reviews: lines, quantities, prices, shipping, total, method."""
    parts = [
        f"{line.pk}:{line.product_id}:{line.stockrecord_id}:{line.quantity}:{line.unit_price_incl_tax}"
        for line in sorted(basket.all_lines(), key=lambda line: line.pk)
    ]
    parts += [f"shipping:{shipping}", f"total:{total}", f"method:{method}", f"basket:{basket.pk}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def order_for_basket(basket_id) -> "Order | None":
    try:
        return Order.objects.filter(basket_id=int(basket_id)).first()
    except (TypeError, ValueError):
        return None


def basket_fresh(*, basket_id: int, strategy, user, request=None):
    """The basket as it is now, with prices from `strategy` and offers applied (no lock)."""
    basket = Basket.objects.get(pk=basket_id)
    basket.strategy = strategy
    Applicator().apply(basket, user, request)
    return basket


def totals_check(*, total: Decimal, shipping: Decimal) -> None:
    """Refuse an order whose amounts are not whole đồng (an offer rounded elsewhere than
    ocop_catalog.money.round_discount): VND has no minor unit, so no payment could take it."""
    if not (is_whole_dong(total) and is_whole_dong(shipping)):
        raise PlacementError([_("This order's total is not a whole number of đồng: please contact us; nothing was charged.")])


def basket_lock(*, basket_id: int, strategy, user, request=None):
    """Lock the basket row and load it afresh, with prices from `strategy` and offers applied.

    Must run inside a transaction. Raises AlreadyPlaced if the basket is already an order.
    """
    basket = Basket.objects.select_for_update(no_key=_no_key_supported()).get(pk=basket_id)
    order = order_for_basket(basket.pk)
    if order is not None:
        raise AlreadyPlaced(order)
    if basket.status != Basket.OPEN:
        raise PlacementError([_("This basket can no longer be ordered. Please check your basket.")])
    basket.strategy = strategy
    Applicator().apply(basket, user, request)
    return basket


def stock_lock_and_check(basket) -> None:
    """Lock the basket's stock records (primary-key order) and check every line can be sold now.

    Raises PlacementError naming each product that is no longer for sale or short of stock.
    """
    lines = list(basket.all_lines())
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        wanted[line.stockrecord_id] += line.quantity
    records = {
        record.pk: record
        for record in StockRecord.objects.select_for_update(no_key=_no_key_supported())
        .filter(pk__in=[pk for pk in wanted if pk is not None])
        .order_by("pk")
    }
    problems = []
    for line in lines:
        title = line.product.get_title()
        record = records.get(line.stockrecord_id)
        if line.quantity < 1 or record is None or record.product_id != line.product_id:
            problems.append(_("“%(title)s” is not in your basket the way it should be: please check your basket.") % {"title": title})
            continue
        info = basket.strategy.fetch_for_product(line.product, stockrecord=record)
        if not info.availability.is_available_to_buy:
            problems.append(_("“%(title)s” is no longer for sale.") % {"title": title})
        elif record.can_track_allocations and record.net_stock_level < wanted[record.pk]:
            problems.append(
                _("Only %(left)s of “%(title)s” left: you asked for %(wanted)s.")
                % {"left": max(record.net_stock_level, 0), "title": title, "wanted": wanted[record.pk]}
            )
    if problems:
        raise PlacementError(problems)
