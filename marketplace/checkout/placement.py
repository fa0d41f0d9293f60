"""Placing an order safely: one basket becomes at most one order, and stock is never oversold.

The placing transaction, in order (checkout.views.PreviewView):
1. the basket is claimed: its row marked submitted if still open, and so locked to the commit (a double submit
   waits, then finds the order) — a lock only this buyer takes;
2. availability is checked without a lock (stock_check), so a buyer short of stock hears it early;
3. the order is written (order, lines, the sellers' parts, payment records) with no stock row locked;
4. last, every line is allocated by one conditional UPDATE per stock record, in primary-key order
   (stock_allocate): `num_allocated += q WHERE num_in_stock >= num_allocated + q`. PostgreSQL re-checks that
   condition on the row as the previous buyer committed it, so two buyers can never take the same unit; a
   buyer who finds too few left gets "only N left" and the whole transaction — order included — is rolled back.
   The stock row is locked from that UPDATE to the commit only: buyers of one product queue for a few
   statements, not for each other's whole order creation; the primary-key order means no deadlock. On PostgreSQL
   the UPDATEs go in one round trip, so a row stays locked for one answer and the COMMIT, whatever the number of
   records.

The claim's UPDATE changes no key, so PostgreSQL takes a FOR NO KEY UPDATE lock: rows that merely refer to the
basket (the order) are not blocked by it.
"""

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from ocop_catalog.money import is_whole_dong
from ocop_catalog.sale import product_is_on_sale
from search.services import search_products_changed
from sellers.shipping import shipping_charge_for_part

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
Applicator = get_class("offer.applicator", "Applicator")


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


def totals_check(*, total: Decimal, shipping: Decimal) -> None:
    """Refuse an order whose amounts are not whole đồng (an offer rounded elsewhere than
    ocop_catalog.money.round_discount): VND has no minor unit, so no payment could take it."""
    if not (is_whole_dong(total) and is_whole_dong(shipping)):
        raise PlacementError([_("This order's total is not a whole number of đồng: please contact us; nothing was charged.")])


def basket_claim(basket) -> None:
    """Mark the basket submitted, if it is still open, in the placing transaction's first statement: its row stays
    locked until the commit, so a second "Place the order" of the same basket waits here, then finds the basket
    no longer open and the order the first made (AlreadyPlaced). If the placement fails, the rollback reopens it.
    Must run inside a transaction.

    `basket` is the request's, as the buyer sees it now (priced by the request's strategy, offers applied): it is
    not read again, and stays open in memory until the order is written (basket_submitted). What the buyer
    reviewed is compared with it after the claim (PreviewView's fingerprint).
    """
    claimed = Basket.objects.filter(pk=basket.pk, status=Basket.OPEN).update(status=Basket.SUBMITTED, date_submitted=timezone.now())
    if not claimed:
        # A basket is submitted in the transaction that writes its order, and never reopened: an open basket
        # has no order, and only a basket no longer open is looked up.
        order = order_for_basket(basket.pk)
        if order is not None:
            raise AlreadyPlaced(order)
        raise PlacementError([_("This basket can no longer be ordered. Please check your basket.")])
    if not basket.all_lines():  # the lines the placement reads anyway (Basket.is_empty would count them apart)
        raise PlacementError([_("Your basket is empty.")])


def basket_submitted(basket) -> None:
    """The request's basket, in memory, as basket_claim left its row (Oscar's Basket.submit without its save)."""
    basket.status, basket.date_submitted = Basket.SUBMITTED, timezone.now()


def _wanted(lines) -> dict[int, int]:
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        wanted[line.stockrecord_id] += line.quantity
    return wanted


def stock_check(basket) -> None:
    """Check, without locking, that every line can be sold now: early words for the buyer. The guarantee
    against overselling is stock_allocate's, at the end of the transaction.

    Reads the stock records the basket's lines were loaded with (Basket.all_lines, a moment ago in this
    request). Raises PlacementError naming each product that is no longer for sale or short of stock.
    """
    lines = list(basket.all_lines())
    wanted = _wanted(lines)
    problems = []
    for line in lines:
        title = line.product.get_title()
        record = line.stockrecord
        if line.quantity < 1 or record is None or record.product_id != line.product_id:
            problems.append(_("“%(title)s” is not in your basket the way it should be: please check your basket.") % {"title": title})
            continue
        left = (record.num_in_stock or 0) - (record.num_allocated or 0)
        if line.product.get_product_class().track_stock and left < wanted[record.pk] and product_is_on_sale(line.product):
            # Sold out counts as "only 0 left", not "no longer for sale": the product is still on sale.
            problems.append(
                _("Only %(left)s of “%(title)s” left: you asked for %(wanted)s.")
                % {"left": max(left, 0), "title": title, "wanted": wanted[record.pk]}
            )
        elif not basket.strategy.fetch_for_product(line.product, stockrecord=record).availability.is_available_to_buy:
            problems.append(_("“%(title)s” is no longer for sale.") % {"title": title})
    if problems:
        raise PlacementError(problems)


def stock_allocate(basket) -> None:
    """Allocate every line of the basket being ordered: the last writes of the placing transaction.

    One conditional UPDATE per stock record, in primary-key order (no deadlock between buyers of the same
    products); raises PlacementError ("only N left") when a record has too few units left, and the caller's
    transaction rolls the order back. Records of products whose class tracks no stock are left alone, as
    Oscar's OrderCreator does.
    """
    lines = [line for line in basket.all_lines() if line.product.get_product_class().track_stock]
    wanted = _wanted(lines)
    titles = {line.stockrecord_id: line.product.get_title() for line in lines}
    short, sold_out = [], []
    for pk, left in _allocate(sorted(wanted.items())).items():
        if left is None:
            short.append(pk)
        elif left <= 0:
            sold_out.append(pk)
    if short:
        left = {
            record["pk"]: max((record["num_in_stock"] or 0) - (record["num_allocated"] or 0), 0)
            for record in StockRecord.objects.filter(pk__in=short).values("pk", "num_in_stock", "num_allocated")
        }
        raise PlacementError(
            [
                _("Only %(left)s of “%(title)s” left: you asked for %(wanted)s.")
                % {"left": left.get(pk, 0), "title": titles[pk], "wanted": wanted[pk]}
                for pk in short
            ]
        )
    # The search documents say only whether a product is in stock: those sold out by this order are reindexed.
    # (A queryset update sends no post_save for search to see.)
    if sold_out:
        products = {line.stockrecord_id: line.product_id for line in lines}
        search_products_changed(product_ids=[products[pk] for pk in sold_out])


@functools.cache
def _allocate_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    meta = StockRecord._meta
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    in_stock, allocated = quote(meta.get_field("num_in_stock").column), quote(meta.get_field("num_allocated").column)
    return (
        f"UPDATE {table} SET {allocated} = COALESCE({allocated}, 0) + %s "
        f"WHERE {pk} = %s AND {in_stock} >= COALESCE({allocated}, 0) + %s RETURNING {in_stock} - {allocated}"
    )


def _allocate(allocations: list[tuple[int, int]]) -> dict[int, "int | None"]:
    """`num_allocated += quantity` on each stock record (pk, quantity) of `allocations`, in their order, where that
    many units are free: by pk, the units left after it, or None (nothing changed) where too few were. One statement
    per record that returns what it wrote (the ORM's update() says only how many rows changed).

    On PostgreSQL the statements go in one round trip, still one after the other in the order given: a record's row
    is locked from its UPDATE to the commit, and each round trip before the commit would add to that time (the
    buyer's process must get a CPU, and its interpreter's lock, to read one result and send the next statement), so
    every buyer of the same products would queue for it. SQLite, or psycopg binding parameters on the server (which
    takes one statement per execute), get a statement per round trip."""
    sql = _allocate_sql(connection.vendor)
    left: dict[int, int | None] = {}
    with connection.cursor() as cursor:
        options = connection.settings_dict.get("OPTIONS") or {}
        if connection.vendor == "postgresql" and not options.get("server_side_binding") and len(allocations) > 1:
            cursor.execute("; ".join([sql] * len(allocations)), [value for pk, quantity in allocations for value in (quantity, pk, quantity)])
            for pk, _quantity in allocations:
                row = cursor.fetchone()
                left[pk] = None if row is None else row[0]
                cursor.nextset()
            return left
        for pk, quantity in allocations:
            cursor.execute(sql, [quantity, pk, quantity])
            row = cursor.fetchone()
            left[pk] = None if row is None else row[0]
    return left
