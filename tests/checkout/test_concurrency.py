"""No overselling under real concurrency (PostgreSQL): many buyers, each on its own connection,
race for the last units; cancelling gives stock back exactly once however many race to cancel."""

import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from sellers import fulfilment
from sellers.models import Fulfilment
from sellers.services import seller_listing_save

from .conftest import ADDRESS, approved_seller, hanoi_localities, listing, review

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

BUYERS = 50
UNITS = 10

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.many_connections]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (set DATABASE_URL=postgres://…); SQLite serialises all writers")


def _in_threads(count, work):
    """Run work(index) in `count` threads, each with its own database connection; returns results."""
    results, errors = [None] * count, []

    def run(index):
        try:
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors[:3]
    return results


def test_fifty_buyers_for_the_last_ten_units_make_exactly_ten_orders_and_cancelling_restocks_once(settings):
    settings.SHIPPING_FEE_PER_SELLER_VND = 30_000
    hanoi_localities()
    seller = approved_seller(name="HTX Chè", tax_code="4600123401", email="che@example.vn")
    product = seller_listing_save(seller=seller, listing=listing("CHE", 120_000, stock=UNITS))
    barrier = threading.Barrier(BUYERS, timeout=60)

    def buy(index):
        client = Client()
        client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})
        client.post("/shop/checkout/", {**ADDRESS, "email": f"buyer{index}@example.vn", "payment_method": "cod"})
        _page, fields = review(client)
        barrier.wait()  # everyone presses "Place the order" at once
        response = client.post("/shop/checkout/preview/", fields)
        return response.status_code, response.get("Location", "")

    outcomes = Counter(_in_threads(BUYERS, buy))

    placed = outcomes[(302, "/shop/checkout/thank-you/")]
    refused = outcomes[(302, "/shop/basket/")]
    record = StockRecord.objects.get(product=product)
    print(f"\n{BUYERS} buyers for {UNITS} units: {placed} orders placed, {refused} refused ({dict(outcomes)})")
    assert placed == UNITS and refused == BUYERS - UNITS
    assert Order.objects.count() == UNITS
    assert (record.num_in_stock, record.num_allocated) == (UNITS, UNITS)

    # Two cancellations race for every part: each part is cancelled and restocked once.
    parts = list(Fulfilment.objects.values_list("pk", flat=True)) * 2

    def cancel(index):
        try:
            fulfilment.fulfilment_cancel(fulfilment=Fulfilment(pk=parts[index]), reason="Hết hàng")
            return "cancelled"
        except ValidationError:  # the loser of each race is refused
            return "refused"

    cancels = Counter(_in_threads(len(parts), cancel))

    record.refresh_from_db()
    assert cancels == {"cancelled": UNITS, "refused": UNITS}
    assert (record.num_in_stock, record.num_allocated) == (UNITS, 0)
