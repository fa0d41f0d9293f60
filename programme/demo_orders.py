"""A year of demo orders (issue 13.7): the programme dashboard's charts show a trend, sellers' dashboards a history.

The orders are written as they ended up, not replayed through checkout (a year of checkouts would take minutes
and send hundreds of e-mails): each with its lines, its address, one part per seller with the timestamps and the
status history (FulfilmentStatusChange) that sellers.fulfilment would have written, its status derived from the
parts (sellers.lifecycle.order_status_from_parts) and, now and then, a refund. Monthly orders grow through the
year with a Tết peak, from about 20 to 100; older parts ended (delivered, cancelled by the seller, or lapsed
unconfirmed or unpaid), the last ten days' are still moving. The products' sales counters take the units sold
(cards show them; the recommended order reads their band). Idempotent: nothing is added once demo orders exist.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from sellers import lifecycle
from sellers.demo import DEMO_EMAIL_DOMAIN
from sellers.models import Fulfilment, FulfilmentStatusChange, SellerRefund

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")
Country = get_model("address", "Country")

NUMBER_PREFIX = "DM"
SEED = 924  # Decision 924/QĐ-TTg
MONTHS = 12
FIRST_MONTH_ORDERS, MONTHLY_GROWTH = 20, 1.15
TET_MONTHS = {1: 1.6, 2: 1.3}  # the New Year gift season (quà Tết)
BUYERS = 260
STILL_MOVING_DAYS = 10
PAYMENT_WEIGHTS = {"cod": 70, "vietqr": 20, "card": 10}
SHIPPING = "Giao hàng tận nơi"
NAMES = (
    "Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai", "Phạm Minh Tuấn", "Hoàng Thị Hoa", "Vũ Đức Anh", "Đặng Thu Trang",
    "Bùi Quang Huy", "Đỗ Thị Ngọc", "Ngô Văn Nam", "Dương Thị Hạnh", "Lý Văn Phúc",
)  # fmt: skip
STREETS = ("Đường Lê Lợi", "Phố Hàng Bạc", "Đường Trần Phú", "Đường Nguyễn Huệ", "Đường Hùng Vương", "Thôn Đông")


@dataclass(frozen=True)
class _Record:
    pk: int
    product_id: int
    partner_id: int
    partner_name: str
    sku: str
    title: str
    price: Decimal


def _monthly_counts(today: datetime.date) -> list[tuple[datetime.date, int]]:
    """(first day of the month, orders) for the last MONTHS months, this month last (pro rata so far)."""
    first = today.replace(day=1)
    months = []
    for back in range(MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(datetime.date(year, month + 1, 1))
    counts = []
    for index, start in enumerate(months):
        wanted = FIRST_MONTH_ORDERS * MONTHLY_GROWTH**index * TET_MONTHS.get(start.month, 1)
        if start == first:
            wanted *= today.day / 30
        counts.append((start, max(1, round(wanted))))
    return counts


def _moment(rng: random.Random, start: datetime.date, now: datetime.datetime) -> datetime.datetime:
    """A moment of the month starting `start`, in shop hours, never after `now`."""
    next_month = (start + datetime.timedelta(days=32)).replace(day=1)
    last_day = min((next_month - datetime.timedelta(days=1)), timezone.localdate(now))
    day = start + datetime.timedelta(days=rng.randint(0, (last_day - start).days))
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(7, 22), rng.randint(0, 59))))
    return min(moment, now - datetime.timedelta(minutes=rng.randint(5, 600)))


def _part_story(rng: random.Random, *, placed, payment: str, now) -> list[tuple[str, str, str, datetime.datetime]]:
    """The moves of one part as (transition, from, to, when), from its placing to now."""
    moves, status, at = [], _first_status(payment), placed

    def move(name, hours):
        nonlocal status, at
        at = at + datetime.timedelta(hours=hours)
        if at > now:
            return False
        target = lifecycle.PART_TRANSITIONS[name].target
        moves.append((name, status, target, at))
        status = target
        return True

    if status == lifecycle.AWAITING_PAYMENT:  # a transfer (VietQR) or a card payment to come
        if payment == "vietqr" and rng.random() < 0.08:
            move("expire_unpaid", settings.VIETQR_PAYMENT_TIMEOUT_HOURS)
            return moves
        if not move("pay", rng.uniform(0.05, 2) if payment == "vietqr" else rng.uniform(0.01, 0.1)):
            return moves
    roll = rng.random()
    if roll < 0.06:  # nobody confirmed it in time
        move("expire", settings.SELLER_CONFIRMATION_HOURS)
        return moves
    if roll < 0.11:
        move("cancel", rng.uniform(0.5, 12))
        return moves
    # Most sellers confirm within hours, some the next day.
    confirmed = move("confirm", rng.choice([rng.uniform(0.2, 4), rng.uniform(0.2, 4), rng.uniform(4, 20)]))
    if confirmed and move("ship", rng.uniform(6, 30)):
        move("deliver", rng.uniform(24, 96))
    return moves


def demo_orders_load(*, stdout=None) -> str:
    """Load a year of demo orders once (see the module's docstring); returns what it did, in a line."""
    if Order.objects.filter(number__startswith=NUMBER_PREFIX).exists():
        return f"Demo orders: {Order.objects.filter(number__startswith=NUMBER_PREFIX).count()} already loaded."
    records = [
        _Record(pk, product_id, partner_id, partner_name, sku, title, price)
        for pk, product_id, partner_id, partner_name, sku, title, price in StockRecord.objects.filter(
            product__in=get_model("catalogue", "Product").objects.browsable(), price__isnull=False
        )
        .order_by("pk")
        .values_list("pk", "product_id", "partner_id", "partner__name", "partner_sku", "product__title", "price")
    ]
    if not records:
        return "Demo orders: no products on sale, none loaded."
    rng = random.Random(SEED)
    now = timezone.now()
    communes = list(Commune.objects.select_related("province").order_by("code")[:: max(1, Commune.objects.count() // 300)])
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "printable_name": "Việt Nam", "is_shipping_country": True}
    )
    # A few products sell far more than the rest, as on any marketplace.
    popularity = [1 / (rank + 1) ** 0.7 for rank in range(len(records))]
    rng.shuffle(popularity)
    plan = _monthly_counts(timezone.localdate(now))
    total_orders = sum(count for _, count in plan)
    fee = Decimal(settings.SHIPPING_FEE_PER_SELLER_VND)
    number = 0
    with transaction.atomic():
        for start, count in plan:
            orders, order_lines, order_parts, addresses = [], [], [], []
            for _ in range(count):
                number += 1
                placed = _moment(rng, start, now)
                buyer = min(int(rng.paretovariate(1.2)), BUYERS)  # some buyers come back often
                commune = communes[(buyer * 37) % len(communes)]
                payment = rng.choices(list(PAYMENT_WEIGHTS), weights=list(PAYMENT_WEIGHTS.values()))[0]
                picked = {}
                for record in rng.choices(records, weights=popularity, k=rng.choice([1, 1, 1, 2, 2, 3])):
                    picked[record.pk] = (record, picked.get(record.pk, (record, 0))[1] + rng.choice([1, 1, 1, 2, 3]))
                lines = list(picked.values())
                sellers = sorted({record.partner_id for record, _ in lines})
                stories = {partner: _part_story(rng, placed=placed, payment=payment, now=now) for partner in sellers}
                statuses = [story[-1][2] if story else _first_status(payment) for story in stories.values()]
                total = sum(record.price * quantity for record, quantity in lines) + fee * len(sellers)
                addresses.append(ShippingAddress(
                    first_name=NAMES[buyer % len(NAMES)], line1=f"{1 + buyer % 199} {STREETS[buyer % len(STREETS)]}",
                    line2=commune.name, line4=commune.province.name, country=country,
                    phone_number=f"+849{buyer:08d}",
                ))  # fmt: skip
                orders.append(Order(
                    number=f"{NUMBER_PREFIX}{number:06d}", currency="VND", total_incl_tax=total, total_excl_tax=total,
                    shipping_incl_tax=fee * len(sellers), shipping_excl_tax=fee * len(sellers), shipping_method=SHIPPING,
                    shipping_code="per-seller", status=lifecycle.order_status_from_parts(statuses), date_placed=placed,
                    guest_email=f"khach{buyer}@{DEMO_EMAIL_DOMAIN}", payment_method=payment,
                ))  # fmt: skip
                order_lines.append(lines)
                order_parts.append(stories)
            ShippingAddress.objects.bulk_create(addresses)
            for order, address in zip(orders, addresses, strict=True):
                order.shipping_address = address
            orders = Order.objects.bulk_create(orders)
            _lines_and_parts(orders, order_lines, order_parts, rng=rng, fee=fee, payment_of={o.pk: o.payment_method for o in orders})
            if stdout is not None:
                stdout.write(f"\r  demo orders {number}/{total_orders}", ending="")
                stdout.flush()
        _count_sales()
    if stdout is not None:
        stdout.write("")
    return f"Demo orders: {number} over the last {MONTHS} months."


def _first_status(payment: str) -> str:
    return lifecycle.AWAITING if payment == "cod" else lifecycle.AWAITING_PAYMENT


def _lines_and_parts(orders, order_lines, order_parts, *, rng: random.Random, fee: Decimal, payment_of: dict) -> None:
    lines, parts, histories = [], [], []
    for order, picked, stories in zip(orders, order_lines, order_parts, strict=True):
        for record, quantity in picked:
            amount = record.price * quantity
            lines.append(Line(
                order=order, partner_id=record.partner_id, partner_name=record.partner_name, partner_sku=record.sku,
                stockrecord_id=record.pk, product_id=record.product_id, title=record.title, quantity=quantity,
                line_price_incl_tax=amount, line_price_excl_tax=amount, line_price_before_discounts_incl_tax=amount,
                line_price_before_discounts_excl_tax=amount, unit_price_incl_tax=record.price,
                unit_price_excl_tax=record.price, status=settings.OSCAR_INITIAL_LINE_STATUS, num_allocated=0,
            ))  # fmt: skip
        for partner, story in stories.items():
            status = story[-1][2] if story else _first_status(payment_of[order.pk])
            when = {name: at for name, _old, _new, at in story}
            part = Fulfilment(
                order=order, partner_id=partner, status=status, shipping_charge=fee,
                confirm_by=order.date_placed + datetime.timedelta(hours=settings.SELLER_CONFIRMATION_HOURS),
                confirmed_at=when.get("confirm"), shipped_at=when.get("ship"), delivered_at=when.get("deliver"),
                cancelled_at=when.get("cancel") or when.get("expire") or when.get("expire_unpaid"),
                cancel_reason="Hết hàng tạm thời" if "cancel" in when else "",
                carrier="Viettel Post" if "ship" in when else "", tracking_code=f"VTP{order.number}" if "ship" in when else "",
            )  # fmt: skip
            parts.append(part)
            histories.append(story)
    Line.objects.bulk_create(lines)
    parts = Fulfilment.objects.bulk_create(parts)
    # A part's waiting starts when its order was placed (created_at is stamped now on insert).
    placed = Order.objects.filter(pk=OuterRef("order_id")).values("date_placed")[:1]
    Fulfilment.objects.filter(pk__in=[part.pk for part in parts]).update(created_at=Subquery(placed))
    changes, refunds = [], []
    for part, story in zip(parts, histories, strict=True):
        for name, old, new, at in story:
            changes.append(FulfilmentStatusChange(fulfilment=part, transition=name, old_status=old, new_status=new, created_at=at))
        if part.status == lifecycle.DELIVERED and rng.random() < 0.03:
            refunds.append(SellerRefund(
                fulfilment=part, amount=Decimal(rng.choice([20_000, 50_000])), reason="Hàng giao bị móp hộp",
                created_at=part.delivered_at + datetime.timedelta(days=1),
            ))  # fmt: skip
    FulfilmentStatusChange.objects.bulk_create(changes)
    SellerRefund.objects.bulk_create(refunds)


def _count_sales() -> None:
    """The products' sales counters (Oscar analytics) take the demo orders' units, as the worker counts a placed
    order (marketplace.checkout.analytics)."""
    sold: dict[int, int] = {}
    for product_id, quantity in Line.objects.filter(order__number__startswith=NUMBER_PREFIX).values_list("product_id", "quantity"):
        sold[product_id] = sold.get(product_id, 0) + quantity
    existing = set(ProductRecord.objects.filter(product_id__in=sold).values_list("product_id", flat=True))
    for product_id in existing:
        ProductRecord.objects.filter(product_id=product_id).update(num_purchases=F("num_purchases") + sold[product_id])
    ProductRecord.objects.bulk_create(
        [ProductRecord(product_id=product_id, num_purchases=units) for product_id, units in sold.items() if product_id not in existing]
    )
