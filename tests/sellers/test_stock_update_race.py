"""Stock written by a seller never undoes units shipped meanwhile, under a real race (issue 10, case 5; PostgreSQL).

A module of its own, apart from test_stock_updates.py: a transactional test cannot run inside the transaction
that module's fixtures (`localities`, through `make_seller`) hold open while its tests run one after another.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from sellers.services import seller_listing_save

from .test_stock_updates import _form_fields, _listing, _ship

StockRecord = get_model("partner", "StockRecord")

SHIPMENTS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.many_connections  # ten at once
def test_seller_saves_racing_shipments_lose_no_unit():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (set DATABASE_URL=postgres://…); SQLite serialises all writers")
    from tests.checkout.conftest import approved_seller, hanoi_localities

    hanoi_localities()
    seller = approved_seller(name="HTX Chè", tax_code="4600123401", email="che@example.vn")
    product = seller_listing_save(seller=seller, listing=_listing(stock=40))
    record_pk = StockRecord.objects.get(product=product).pk
    user = seller.partner.users.get()
    pages = []
    for _ in range(2):
        client = Client()
        client.force_login(user)
        pages.append((client, _form_fields(client.get(f"/shop/seller/products/{product.pk}/").content.decode())))
    barrier = threading.Barrier(SHIPMENTS + 2, timeout=60)
    errors = []

    def run(work):
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(repr(error))
        finally:
            connection.close()

    works = [lambda: _ship(record_pk, 1) for _ in range(SHIPMENTS)]
    (price_client, price_fields), (stock_client, stock_fields) = pages
    works.append(lambda: price_client.post(f"/shop/seller/products/{product.pk}/", {**price_fields, "price_vnd": "99000"}))
    works.append(lambda: stock_client.post(f"/shop/seller/products/{product.pk}/", {**stock_fields, "stock": "45"}))
    threads = [threading.Thread(target=run, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors[:3]
    record = StockRecord.objects.get(pk=record_pk)
    assert (record.num_in_stock, record.num_allocated) == (40 - SHIPMENTS + 5, 0)
