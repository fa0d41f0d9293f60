"""Indexing in batches: an import (a bulk catalogue change) indexes each product it changed once, as it
ends, and nothing when it fails or is rolled back; other saves are indexed at once; cached search answers
are retired only when a search row really changed."""

import io

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from ocop_catalog.bulk import catalogue_bulk_change
from ocop_catalog.models import Commune
from ocop_catalog.services import ListingData
from search import services
from search.backends import get_backend
from search.models import ProductSearchDocument
from search.query import SORT_RELEVANCE, ProductQuery
from search.services import search_documents_update, search_generation
from sellers.listings_csv import listings_import
from sellers.services import seller_listing_save, seller_product_update
from tests.checkout.conftest import checkout
from tests.factories import make_producer, make_product
from tests.sellers.test_listings_csv import csv_bytes, row, valid_rows

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def indexed(monkeypatch):
    """The product ids of each call that brings search rows up to date (what every index task runs)."""
    calls = []
    update = services.search_documents_update

    def spy(*, product_ids):
        product_ids = list(product_ids)
        calls.append(sorted(product_ids))
        return update(product_ids=product_ids)

    monkeypatch.setattr(services, "search_documents_update", spy)
    return calls


@pytest.fixture
def seller(make_seller):
    return make_seller()


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Đồng Xanh")


def import_csv(seller, rows):
    plan = listings_import(seller=seller, stream=io.BytesIO(csv_bytes(rows)))
    assert not plan.errors, plan.errors[:3]
    return plan


def search_ids(text: str) -> list[int]:
    """Hits for `text`, best first (a query of several words needs only enough of them)."""
    return [hit.id for hit in get_backend().search(ProductQuery(text=text, sort=SORT_RELEVANCE, page_size=100)).hits]


def new_titles_found() -> list[str]:
    """Titles found for "Tên mới" that hold it: none once an import of such titles is rolled back (typo tolerance
    may still offer the products' old titles as near matches)."""
    hits = get_backend().search(ProductQuery(text="Tên mới", sort=SORT_RELEVANCE, page_size=100)).hits
    return [hit.title for hit in hits if "Tên mới" in hit.title]


def rows_of(seller) -> dict:
    return {
        row["product_id"]: {**row, "indexed_at": None}
        for row in ProductSearchDocument.objects.filter(product__producer_id=seller.partner_id).values()
    }


# --- Database tests (pytest-django's `db`: the test's transaction never commits) --------------------


@pytest.mark.django_db
@pytest.mark.slow
def test_a_thousand_row_import_indexes_each_product_once_and_search_finds_them(seller, indexed):
    plan = import_csv(seller, valid_rows(1000))

    product_ids = set(Product.objects.filter(producer_id=seller.partner_id).values_list("pk", flat=True))
    assert plan.created == len(product_ids) == 1000
    # One batch for the whole import, in calls of at most 500 products; each product in exactly one call.
    assert [len(call) for call in indexed] == [500, 500]
    assert sorted(pk for call in indexed for pk in call) == sorted(product_ids)
    assert set(rows_of(seller)) == product_ids
    record = StockRecord.objects.get(partner_id=seller.partner_id, partner_sku="SP-0042")
    assert search_ids("Sản phẩm số 42")[0] == record.product_id
    assert ProductSearchDocument.objects.get(pk=record.product_id).price == record.price


@pytest.mark.django_db
def test_an_import_failing_on_a_row_indexes_nothing_and_leaves_the_search_table_as_it_was(seller, indexed, monkeypatch):
    import_csv(seller, valid_rows(3))
    before, generation = rows_of(seller), search_generation()
    indexed.clear()
    changed = [row(sku=f"SP-{index:04d}", title=f"Tên mới {index}", price_vnd="99000") for index in range(3)]
    calls = iter(range(10))

    def failing_save(**kwargs):
        if next(calls) == 2:
            raise RuntimeError("the database went away")
        return seller_listing_save(**kwargs)

    monkeypatch.setattr("sellers.listings_csv.services.seller_listing_save", failing_save)
    with pytest.raises(RuntimeError):
        listings_import(seller=seller, stream=io.BytesIO(csv_bytes(changed)))

    assert indexed == []
    assert rows_of(seller) == before and search_generation() == generation
    assert new_titles_found() == []


@pytest.mark.django_db
def test_an_import_rolled_back_by_its_caller_leaves_the_search_table_as_it_was(seller):
    import_csv(seller, valid_rows(3))
    before = rows_of(seller)

    with pytest.raises(RuntimeError), transaction.atomic():
        import_csv(seller, [row(sku=f"SP-{index:04d}", title=f"Tên mới {index}") for index in range(5)])
        assert len(search_ids("Tên mới")) == 5  # indexed as the import ended, inside the caller's transaction
        raise RuntimeError("the caller gives up")

    assert rows_of(seller) == before and new_titles_found() == []


@pytest.mark.django_db
def test_changes_in_a_bulk_change_are_indexed_once_as_it_ends(producer, indexed):
    product = make_product(producer=producer, title="Chè Shan tuyết", price_vnd=100_000)
    indexed.clear()

    with catalogue_bulk_change():
        record = product.stockrecords.get()
        record.price = 90_000
        record.save()
        product.title = "Chè Shan tuyết cổ thụ"
        product.save()
        assert indexed == []  # not yet: the change is still going on
    assert indexed == [[product.pk]]
    row = ProductSearchDocument.objects.get(pk=product.pk)
    assert (row.title, row.price) == ("Chè Shan tuyết cổ thụ", 90_000)


@pytest.mark.django_db
def test_a_bulk_change_that_fails_indexes_nothing(producer, indexed):
    product = make_product(producer=producer, title="Chè Shan tuyết")
    indexed.clear()

    with pytest.raises(RuntimeError), catalogue_bulk_change():
        product.title = "Chè búp"
        product.save()
        raise RuntimeError("the import stops")

    assert indexed == []
    with catalogue_bulk_change():
        pass
    assert indexed == []  # what the failed change collected was dropped, not left for the next one


@pytest.mark.django_db
def test_a_save_outside_a_bulk_change_is_indexed_at_once(producer, indexed):
    product = make_product(producer=producer)
    indexed.clear()

    with transaction.atomic():
        product.title = "Miến dong Bình Liêu"
        product.save()
        assert indexed == [[product.pk]]  # readers of this transaction see it already

    assert ProductSearchDocument.objects.get(pk=product.pk).title == "Miến dong Bình Liêu"


@pytest.mark.django_db
def test_a_deleted_product_loses_its_row_and_cached_answers_are_retired(producer, settings):
    settings.SEARCH_CACHE_SECONDS = 60
    kept = make_product(producer=producer, title="Mật ong bạc hà")
    deleted = make_product(producer=producer, title="Mật ong rừng")
    assert get_backend().search(ProductQuery(text="mat ong")).count == 2

    deleted.delete()

    assert not ProductSearchDocument.objects.filter(pk=deleted.pk).exists()
    assert [hit.id for hit in get_backend().search(ProductQuery(text="mat ong")).hits] == [kept.pk]


@pytest.mark.django_db
def test_indexing_an_unchanged_product_writes_nothing_and_keeps_cached_answers(producer):
    product = make_product(producer=producer)
    row, generation = ProductSearchDocument.objects.values().get(pk=product.pk), search_generation()

    assert search_documents_update(product_ids=[product.pk]) == 1

    assert ProductSearchDocument.objects.values().get(pk=product.pk) == row  # indexed_at included
    assert search_generation() == generation


@pytest.fixture
def shop(make_seller, settings):
    settings.SHIPPING_FEE_PER_SELLER_VND = 30_000
    settings.SHIPPING_FREE_FROM_VND = 500_000
    settings.VIETQR_BANK_BIN = settings.VIETQR_ACCOUNT_NUMBER = ""
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    settings.SEARCH_CACHE_SECONDS = 60
    seller = make_seller(name="HTX Mật ong")
    return {"seller": seller, "honey": seller_listing_save(seller=seller, listing=honey_listing(250_000))}


def honey_listing(price_vnd: int) -> ListingData:
    return ListingData(sku="MAT", title="Mật ong bạc hà", description="", group_slug="thuc-pham", price_vnd=price_vnd, stock=3)


@pytest.mark.django_db
def test_an_order_that_leaves_stock_keeps_cached_search_answers(client, shop):
    honey = shop["honey"]
    assert search_ids("mat ong") == [honey.pk]
    generation = search_generation()

    response = checkout(client, [(honey, 2)])

    assert response.status_code == 302 and response["Location"] == "/shop/checkout/thank-you/"
    assert StockRecord.objects.get(product=honey).num_allocated == 2  # allocated, 1 left: still in stock
    assert search_generation() == generation
    with CaptureQueriesContext(connection) as queries:
        assert search_ids("mat ong") == [honey.pk]
    assert len(queries) == 0  # the cached answer


@pytest.mark.django_db
def test_an_order_that_sells_out_or_a_price_change_retires_cached_search_answers(client, shop):
    honey = shop["honey"]
    assert get_backend().search(ProductQuery(text="mat ong", in_stock=True)).count == 1
    generation = search_generation()

    checkout(client, [(honey, 3)])

    assert search_generation() != generation
    assert get_backend().search(ProductQuery(text="mat ong", in_stock=True)).count == 0
    generation = search_generation()
    seller_product_update(seller=shop["seller"], product=honey, listing=honey_listing(240_000), is_public=True)
    assert search_generation() != generation
    assert get_backend().search(ProductQuery(text="mat ong")).hits[0].price == 240_000
