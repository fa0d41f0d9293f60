"""A year of demo orders (issue 13.7): coherent with the order lifecycle, spread over months, loaded once."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from programme.demo_orders import NUMBER_PREFIX, demo_orders_load
from sellers import lifecycle
from sellers.models import Fulfilment, FulfilmentStatusChange
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ProductRecord = get_model("analytics", "ProductRecord")


@pytest.fixture
def shop(localities):
    commune = Commune.objects.get(code="00004")
    first, second = make_producer(commune=commune), make_producer(commune=commune)
    products = [make_product(producer=producer, price_vnd=50_000 * (n + 1)) for n, producer in enumerate([first, second] * 3)]
    return products


def test_a_year_of_orders_grows_month_by_month_and_loads_once(shop):
    line = demo_orders_load()
    again = demo_orders_load()

    count = Order.objects.filter(number__startswith=NUMBER_PREFIX).count()
    assert f"{count} over the last 12 months" in line and "already loaded" in again
    assert Order.objects.count() == count
    months = Counter(timezone.localdate(placed).replace(day=1) for placed in Order.objects.values_list("date_placed", flat=True))
    assert len(months) == 12
    ordered = [months[month] for month in sorted(months)]
    # Ignoring the Tết months and the month under way, each quarter sells more than the one before.
    quarters = [sum(ordered[start : start + 3]) for start in (2, 5, 8)]
    assert quarters == sorted(quarters) and quarters[0] < quarters[-1]
    assert max(Order.objects.values_list("date_placed", flat=True)) <= timezone.now()


def test_every_part_moved_along_the_lifecycle_and_every_order_follows_its_parts(shop):
    demo_orders_load()

    now = timezone.now()
    histories: dict[int, list] = {}
    for change in FulfilmentStatusChange.objects.order_by("created_at", "pk"):
        histories.setdefault(change.fulfilment_id, []).append(change)
    for part in Fulfilment.objects.select_related("order"):
        status = lifecycle.AWAITING if part.order.payment_method == "cod" else lifecycle.AWAITING_PAYMENT
        moment = part.order.date_placed
        assert part.created_at == part.order.date_placed
        for change in histories.get(part.pk, []):
            transition = lifecycle.PART_TRANSITIONS[change.transition]
            assert change.old_status == status and status in transition.sources and change.new_status == transition.target
            assert moment <= change.created_at <= now
            status, moment = change.new_status, change.created_at
        assert part.status == status
        assert (part.delivered_at is not None) == (status == lifecycle.DELIVERED)
    for order in Order.objects.prefetch_related("fulfilments"):
        assert order.status == lifecycle.order_status_from_parts([part.status for part in order.fulfilments.all()])


def test_totals_are_lines_plus_shipping_and_the_sales_counters_hold_the_units(shop, settings):
    demo_orders_load()

    fee = settings.SHIPPING_FEE_PER_SELLER_VND
    for order in Order.objects.prefetch_related("lines", "fulfilments"):
        lines = sum(line.line_price_incl_tax for line in order.lines.all())
        assert lines == sum(line.unit_price_incl_tax * line.quantity for line in order.lines.all())
        assert order.total_incl_tax == lines + fee * order.fulfilments.count()
        assert {line.partner_id for line in order.lines.all()} == {part.partner_id for part in order.fulfilments.all()}
    units = Counter()
    for product_id, quantity in Line.objects.values_list("product_id", "quantity"):
        units[product_id] += quantity
    assert dict(ProductRecord.objects.values_list("product_id", "num_purchases")) == dict(units)
    payments = Counter(Order.objects.values_list("payment_method", flat=True))
    assert set(payments) == {"cod", "vietqr", "card"} and payments["cod"] > payments["vietqr"] > payments["card"]
    assert datetime.timedelta(days=300) < (timezone.now() - min(Order.objects.values_list("date_placed", flat=True)))
