"""Stock written by a seller never undoes units shipped meanwhile (issue 10, case 5).

The product form carries the stock it showed; saving changes stock only when the seller changed it, and then
by the difference, applied to the level at the time of saving (or refuses when that would go below zero).
The CSV import does the same relative to the level it read when it checked the file.
"""

import io
import re

import pytest
from oscar.core.loading import get_model

from ocop_catalog.services import ListingData
from sellers.listings_csv import listings_export, listings_import
from sellers.services import seller_listing_save

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _ship(record_pk: int, quantity: int) -> None:
    """What placing an order and shipping it do to a stock record (Oscar's allocate, then consume)."""
    record = StockRecord.objects.get(pk=record_pk)
    record.allocate(quantity)
    record.consume_allocation(quantity)


def _form_fields(html: str) -> dict:
    """The product form's fields as the browser would post them back."""
    form = html.split('<form method="post" class="form-stack"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    fields["description"] = re.search(r"<textarea[^>]*>\s*(.*?)</textarea>", form, re.S).group(1)
    fields["group"] = re.search(r'<option value="([^"]+)"[^>]*selected', form).group(1)
    fields.pop("csrfmiddlewaretoken", None)
    fields["is_public"] = "on"
    return fields


def _listing(stock=10, price=120_000):
    return ListingData(sku="CHE", title="Chè Tân Cương", description="Chè búp.", group_slug="do-uong", price_vnd=price, stock=stock)


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Chè Tân Cương")


@pytest.fixture
def product(seller):
    return seller_listing_save(seller=seller, listing=_listing())


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def _stock(product) -> int:
    return StockRecord.objects.get(product=product).num_in_stock


@pytest.mark.django_db
def test_saving_the_form_without_touching_stock_keeps_units_shipped_since_it_was_opened(seller_client, product):
    fields = _form_fields(seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode())
    assert fields["stock"] == "10"
    _ship(StockRecord.objects.get(product=product).pk, 3)  # an order shipped while the page was open

    response = seller_client.post(f"/shop/seller/products/{product.pk}/", {**fields, "price_vnd": "125000"})

    assert response.status_code == 302
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.price) == (7, 125_000)


@pytest.mark.django_db
def test_a_stock_change_is_applied_as_a_difference_to_the_current_level(seller_client, product):
    fields = _form_fields(seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode())
    _ship(StockRecord.objects.get(product=product).pk, 3)

    seller_client.post(f"/shop/seller/products/{product.pk}/", {**fields, "stock": "15"})  # 5 more arrived

    assert _stock(product) == 12


@pytest.mark.django_db
def test_a_change_that_would_go_below_zero_is_refused_with_the_current_stock(seller_client, product):
    fields = _form_fields(seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode())
    _ship(StockRecord.objects.get(product=product).pk, 8)

    response = seller_client.post(f"/shop/seller/products/{product.pk}/", {**fields, "stock": "0"})

    assert response.status_code == 200
    errors = response.context["form"].errors["stock"]
    assert any("since you opened this page" in error or "kể từ khi bạn mở trang" in error for error in errors)
    assert _stock(product) == 2
    # The form now carries the level it showed in the error: saving it again applies.
    again = _form_fields(response.content.decode())
    assert again["stock_read"] == "2"
    seller_client.post(f"/shop/seller/products/{product.pk}/", {**again, "stock": "0"})
    assert _stock(product) == 0


@pytest.mark.django_db
def test_a_csv_import_changes_stock_only_where_the_file_changes_it(seller, product):
    other = seller_listing_save(seller=seller, listing=ListingData(
        sku="MAT", title="Mật ong", description="", group_slug="thuc-pham", price_vnd=90_000, stock=20,
    ))  # fmt: skip
    exported = "".join(listings_export(seller=seller))
    edited = exported.replace(",120000,10,", ",130000,10,").replace(",90000,20,", ",90000,25,")
    _ship(StockRecord.objects.get(product=product).pk, 3)
    _ship(StockRecord.objects.get(product=other).pk, 4)

    plan = listings_import(seller=seller, stream=io.BytesIO(edited.encode()), stock_reads=_reads(exported))

    assert not plan.errors
    assert (_stock(product), StockRecord.objects.get(product=product).price) == (7, 130_000)
    assert _stock(other) == 21  # 20 read, 25 written: 5 more on the 16 left


@pytest.mark.django_db
def test_units_shipped_between_preview_and_confirm_stay_shipped(seller_client, seller, product):
    from django.core.files.uploadedfile import SimpleUploadedFile

    exported = "".join(listings_export(seller=seller)).replace(",120000,10,", ",130000,10,")
    seller_client.post("/shop/seller/products/import/", {"file": SimpleUploadedFile("a.csv", exported.encode(), "text/csv")})
    digest = seller_client.get("/shop/seller/products/import/").context["digest"]
    _ship(StockRecord.objects.get(product=product).pk, 3)

    response = seller_client.post("/shop/seller/products/import/confirm/", {"digest": digest})

    assert response["Location"] == "/shop/seller/products/"
    assert (_stock(product), StockRecord.objects.get(product=product).price) == (7, 130_000)


@pytest.mark.django_db
def test_an_import_that_would_take_stock_below_zero_is_refused_and_writes_nothing(seller, product):
    exported = "".join(listings_export(seller=seller))
    _ship(StockRecord.objects.get(product=product).pk, 8)

    plan = listings_import(
        seller=seller, stream=io.BytesIO(exported.replace(",120000,10,", ",130000,0,").encode()), stock_reads=_reads(exported)
    )

    assert [(error.row, error.column) for error in plan.errors] == [(2, "stock")]
    assert (_stock(product), StockRecord.objects.get(product=product).price) == (2, 120_000)


def _reads(exported: str) -> dict:
    import csv

    rows = list(csv.DictReader(io.StringIO(exported)))
    return {row["sku"]: int(row["stock"]) for row in rows}
