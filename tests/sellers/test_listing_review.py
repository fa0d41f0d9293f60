"""A new seller's first listings wait for a staff check before shoppers see them (issue 14.3)."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from ocop_catalog.services import ListingData
from search.backends.database import DatabaseSearchBackend
from search.query import ProductQuery
from sellers.services import seller_listing_save
from tests.sellers.test_dashboard import product_form

pytestmark = [pytest.mark.django_db, pytest.mark.first_listings_review]

Product = get_model("catalogue", "Product")
QUEUE = "/shop/dashboard/sellers/listings/"


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Mới Mở")


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def _list(seller, sku, title=None):
    listing = ListingData(sku=sku, title=title or f"Mứt gừng {sku}", description="Mứt gừng dẻo.", group_slug="thuc-pham", price_vnd=85000, stock=20)
    return seller_listing_save(seller=seller, listing=listing)


def _in_search(product) -> bool:
    page = DatabaseSearchBackend().search(ProductQuery(page_size=100))
    return product.pk in {hit.id for hit in page.hits}


def test_a_new_sellers_first_listing_waits_and_shoppers_do_not_see_it(seller_client, seller, client):
    response = seller_client.post("/shop/seller/products/new/", product_form(title="Chè búp Tân Cương"))
    assert response.status_code == 302
    product = Product.objects.get(producer=seller.partner)

    assert product.listing_review == "pending"
    assert not _in_search(product)
    assert client.get(product.get_absolute_url()).status_code == 404
    listing_page = seller_client.get("/shop/seller/products/").content.decode()
    assert "Chờ kiểm duyệt" in listing_page
    edit_page = seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode()
    assert "cán bộ chương trình kiểm tra" in edit_page


def test_staff_see_the_waiting_listing_and_approving_puts_it_on_sale(seller, admin_client, client):
    product = _list(seller, "G-1", "Mứt gừng Huế")

    queue = admin_client.get(QUEUE)
    assert queue.status_code == 200
    assert "Mứt gừng Huế" in queue.content.decode() and "HTX Mới Mở" in queue.content.decode()

    response = admin_client.post(reverse("sellers-staff:listing-review", kwargs={"pk": product.pk}), {"decision": "approve"})

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.listing_review == "approved"
    assert _in_search(product)
    assert client.get(product.get_absolute_url()).status_code == 200
    assert product not in admin_client.get(QUEUE).context["listings"]


def test_after_enough_approvals_new_listings_go_on_sale_at_once(seller, admin_client, settings):
    settings.SELLER_FIRST_LISTINGS_REVIEWED = 2
    first, second = _list(seller, "G-1"), _list(seller, "G-2")
    third_before_approval = _list(seller, "G-3")
    assert {first.listing_review, second.listing_review, third_before_approval.listing_review} == {"pending"}

    for product in (first, second):
        admin_client.post(reverse("sellers-staff:listing-review", kwargs={"pk": product.pk}), {"decision": "approve"})
    fourth = _list(seller, "G-4")

    assert fourth.listing_review == "approved" and _in_search(fourth)
    third_before_approval.refresh_from_db()
    assert third_before_approval.listing_review == "pending", "a listing made before still waits for its own check"


def test_rejecting_needs_a_note_the_seller_reads_and_an_edit_sends_it_back(seller, seller_client, admin_client):
    product = _list(seller, "G-1", "Mứt gừng")
    url = reverse("sellers-staff:listing-review", kwargs={"pk": product.pk})

    admin_client.post(url, {"decision": "reject", "note": ""})
    product.refresh_from_db()
    assert product.listing_review == "pending", "no rejection without saying what to change"

    admin_client.post(url, {"decision": "reject", "note": "Ảnh chụp sản phẩm khác, hãy tải ảnh thật."})
    product.refresh_from_db()
    assert product.listing_review == "rejected"
    assert "Bị từ chối" in seller_client.get("/shop/seller/products/").content.decode()
    assert "hãy tải ảnh thật" in seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode()

    seller_client.post(f"/shop/seller/products/{product.pk}/", product_form(sku="G-1", title="Mứt gừng Huế (ảnh thật)"))

    product.refresh_from_db()
    assert product.listing_review == "pending"
    assert "Mứt gừng Huế (ảnh thật)" in admin_client.get(QUEUE).content.decode()


def test_a_seller_cannot_publish_a_waiting_listing_itself(seller, seller_client):
    product = _list(seller, "G-1")

    seller_client.post(f"/shop/seller/products/{product.pk}/", product_form(sku="G-1", is_public="on"))

    product.refresh_from_db()
    assert product.listing_review == "pending" and not _in_search(product)


def test_a_csv_import_by_a_new_seller_waits_too(seller):
    from tests.sellers.test_listings_csv import csv_bytes, import_bytes, row

    result = import_bytes(seller, csv_bytes([row(sku="CSV-1", title="Trà sen"), row(sku="CSV-2", title="Trà sâm")]))

    assert not result.errors
    products = Product.objects.filter(producer=seller.partner)
    assert sorted(products.values_list("title", "listing_review")) == [("Trà sen", "pending"), ("Trà sâm", "pending")]
    assert not any(_in_search(product) for product in products)


def test_with_the_check_off_listings_go_on_sale_at_once(seller, settings):
    settings.SELLER_FIRST_LISTINGS_REVIEW = False

    product = _list(seller, "G-1")

    assert product.listing_review == "approved" and _in_search(product)
