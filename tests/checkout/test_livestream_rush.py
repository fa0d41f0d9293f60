"""A livestream sale (issue 16.4): 100 buyers press "Place the order" at once for 20 units of three products,
each wanting a random quantity. Exactly the stock is sold, every order is whole (lines, allocations, seller
parts, totals), the losers are told how many are left with their basket intact and nothing written, and
nobody deadlocks. PostgreSQL only (SQLite serialises every writer)."""

import random
import re
import threading
import time
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client
from oscar.core.loading import get_model

from sellers.services import seller_listing_save

from .conftest import ADDRESS, approved_seller, hanoi_localities, listing, review
from .test_concurrency import _in_threads

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

BUYERS = 100
# Each buyer holds a connection while it places; PostgreSQL's default allows 100 in all. The buyers press at
# once in waves as large as the server's free connections allow (all 100 at once where it allows that).
SPARE_CONNECTIONS = 15
STOCK = {"CHE": 7, "MAT": 7, "NEM": 6}  # 20 units

pytestmark = [
    pytest.mark.postgres, pytest.mark.slow, pytest.mark.many_connections,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (set DATABASE_URL=postgres://…); SQLite serialises all writers")


def test_a_hundred_buyers_rush_twenty_units_of_three_products(settings):
    settings.SHIPPING_FEE_PER_SELLER_VND = 30_000
    settings.SHIPPING_FREE_FROM_VND = 10_000_000
    hanoi_localities()
    tea = approved_seller(name="HTX Chè", tax_code="4600123411", email="che@example.vn")
    honey = approved_seller(name="HTX Mật ong", tax_code="4600123412", email="mat@example.vn")
    products = {
        "CHE": seller_listing_save(seller=tea, listing=listing("CHE", 120_000, stock=STOCK["CHE"])),
        "MAT": seller_listing_save(seller=honey, listing=listing("MAT", 250_000, stock=STOCK["MAT"])),
        "NEM": seller_listing_save(seller=honey, listing=listing("NEM", 90_000, stock=STOCK["NEM"])),
    }
    chooser = random.Random(16)
    wishes = [
        {sku: chooser.randint(1, 3) for sku in chooser.sample(sorted(products), chooser.randint(1, 3))} for _ in range(BUYERS)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)")
        free = cursor.fetchone()[0]
    wave = max(10, min(BUYERS, free - SPARE_CONNECTIONS))
    barriers = [threading.Barrier(min(wave, BUYERS - start), timeout=120) for start in range(0, BUYERS, wave)]

    def prepare(index):
        """The buyer's basket, address and review, all before anyone places (the stock is all there)."""
        client = Client()
        for sku, quantity in wishes[index].items():
            client.post(f"/shop/basket/add/{products[sku].pk}/", {"quantity": quantity})
        client.post("/shop/checkout/", {**ADDRESS, "email": f"buyer{index}@example.vn", "payment_method": "cod"})
        _page, fields = review(client)
        return client, fields

    def waves(work):
        done = []
        for start in range(0, BUYERS, wave):
            done += _in_threads(min(wave, BUYERS - start), lambda index, start=start: work(start + index))
        return done

    buyers = waves(prepare)

    def place(index):
        client, fields = buyers[index]
        barriers[index // wave].wait()  # everyone of this wave presses "Place the order" at once
        response = client.post("/shop/checkout/preview/", fields, follow=True)
        placed = response.redirect_chain[-1][0] if response.redirect_chain else ""
        return placed, response.content.decode(), int(fields["basket_id"])

    started = time.monotonic()
    results = waves(place)
    elapsed = time.monotonic() - started

    outcomes = Counter(location for location, _html, _basket in results)
    placed = Order.objects.count()
    print(f"\n{BUYERS} buyers in waves of {wave}, 20 units: {placed} orders in {elapsed:.1f} s ({dict(outcomes)})")
    assert set(outcomes) <= {"/shop/checkout/thank-you/", "/shop/basket/"}, outcomes
    assert outcomes["/shop/checkout/thank-you/"] == placed > 0

    # Exactly the stock sold, never more, and allocations match the order lines.
    for sku, product in products.items():
        record = StockRecord.objects.get(product=product)
        sold = Line.objects.filter(product=product).aggregate(total=Sum("quantity"))["total"] or 0
        assert record.num_in_stock == STOCK[sku]
        assert (record.num_allocated or 0) == sold <= STOCK[sku], sku
    # With 100 buyers wanting ~4 units each, the 20 units all go unless the last wishes did not fit.
    left = sum(STOCK[sku] - (StockRecord.objects.get(product=p).num_allocated or 0) for sku, p in products.items())
    assert left < 3 * 3

    # Every order is whole: its lines, its sellers' parts, and totals that add up.
    for order in Order.objects.prefetch_related("lines", "fulfilments"):
        lines = list(order.lines.all())
        assert lines
        assert {part.partner_id for part in order.fulfilments.all()} == {line.partner_id for line in lines}
        items = sum((line.line_price_incl_tax for line in lines), Decimal(0))
        assert order.total_incl_tax == items + order.shipping_incl_tax
        assert order.basket.status == Basket.SUBMITTED

    told_left = 0
    # The losers: told how many are left, their basket open and unchanged, no order, no part.
    for location, html, basket_id in results:
        if location != "/shop/basket/":
            continue
        # "Only N left" when some are left; Oscar's check before placing says "out of stock" when none are.
        told = " ".join(re.findall(r'(?s)<div class="notice notice--(?:error|warning)">(.*?)</div>', html))
        assert "Chỉ còn" in told or "hết hàng" in told, told[:500]
        told_left += "Chỉ còn" in told
        basket = Basket.objects.get(pk=basket_id)
        assert basket.status == Basket.OPEN and basket.num_lines > 0
        assert not Order.objects.filter(basket_id=basket_id).exists()
    assert told_left > 0  # some lost in the rush itself, with units still shown as left when they reviewed
    assert elapsed < 60
