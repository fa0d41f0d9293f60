"""Indexing around real transactions: found by search once committed; with a worker, queued after commit.

Kept apart from test_indexing_batches.py: a module-scoped fixture's open block (`localities`) would wrap
these tests, and they need the database's own commits and rollbacks (data restored after each).
"""

import io
from unittest import mock

import pytest
from django.db import connection, transaction
from oscar.core.loading import get_model

from ocop_catalog.services import ListingData
from search.backends import get_backend
from search.query import SORT_RELEVANCE, ProductQuery
from search.tasks import index_products
from sellers.listings_csv import listings_import
from sellers.services import seller_listing_save, seller_product_update
from tests.checkout.conftest import approved_seller, hanoi_localities, listing
from tests.sellers.test_listings_csv import csv_bytes, row, valid_rows

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def import_csv(seller, rows):
    plan = listings_import(seller=seller, stream=io.BytesIO(csv_bytes(rows)))
    assert not plan.errors, plan.errors[:3]
    return plan


def search_ids(text: str) -> list[int]:
    return [hit.id for hit in get_backend().search(ProductQuery(text=text, sort=SORT_RELEVANCE)).hits]


def test_a_product_edit_is_found_by_search_right_after_its_transaction_commits():
    hanoi_localities()
    seller = approved_seller(name="HTX Chè", tax_code="4600123401", email="che@example.vn")
    product = seller_listing_save(seller=seller, listing=listing("CHE", 120_000))

    with transaction.atomic():
        seller_product_update(
            seller=seller, product=product, is_public=True,
            listing=ListingData(sku="CHE", title="Chè móc câu Tân Cương", description="", group_slug="do-uong",
                                price_vnd=135_000, stock=10),
        )  # fmt: skip

    assert not connection.in_atomic_block  # committed
    assert search_ids("moc cau tan cuong") == [product.pk]
    assert get_backend().search(ProductQuery(text="moc cau")).hits[0].price == 135_000


def test_with_a_worker_an_import_queues_its_products_once_after_commit_and_nothing_when_rolled_back(settings):
    hanoi_localities()
    seller = approved_seller(name="HTX Chè", tax_code="4600123401", email="che@example.vn")
    settings.CELERY_TASK_ALWAYS_EAGER = False

    with mock.patch.object(index_products, "delay") as delay:
        with transaction.atomic():
            import_csv(seller, valid_rows(600))
            assert not delay.called  # the worker must read committed rows
        product_ids = set(Product.objects.filter(producer_id=seller.partner_id).values_list("pk", flat=True))
        queued = [call.args[0] for call in delay.call_args_list]
        assert [len(ids) for ids in queued] == [500, 100]
        assert sorted(pk for ids in queued for pk in ids) == sorted(product_ids)

        delay.reset_mock()
        with pytest.raises(RuntimeError), transaction.atomic():
            import_csv(seller, [row(sku=f"SP-{index:04d}", title=f"Tên mới {index}") for index in range(5)])
            raise RuntimeError("rolled back")
        assert not delay.called


def test_an_import_rolled_back_leaves_the_search_table_as_it_was():
    from search.models import ProductSearchDocument

    hanoi_localities()
    seller = approved_seller(name="HTX Chè", tax_code="4600123401", email="che@example.vn")
    import_csv(seller, valid_rows(3))
    before = list(ProductSearchDocument.objects.order_by("pk").values())

    with pytest.raises(RuntimeError), transaction.atomic():
        import_csv(seller, [row(sku=f"SP-{index:04d}", title=f"Tên mới {index}") for index in range(5)])
        raise RuntimeError("rolled back")

    assert not connection.in_atomic_block
    assert list(ProductSearchDocument.objects.order_by("pk").values()) == before
    # No rolled-back title is found (typo tolerance may still offer the old products as near matches).
    hits = get_backend().search(ProductQuery(text="Tên mới", sort=SORT_RELEVANCE)).hits
    assert not [hit.title for hit in hits if "Tên mới" in hit.title]
