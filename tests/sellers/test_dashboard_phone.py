"""Issue 14.10: the seller dashboard on a phone — labelled cells, parts to confirm with their deadline,
a certificate awaiting verification said so, and a new product leads to its photos and certificate."""

import datetime
import re

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from sellers.models import Fulfilment
from tests.factories import make_product
from tests.factories.orders import place_order
from tests.sellers.test_dashboard import product_form, seller, seller_client  # noqa: F401 — fixtures

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def _cells_without_label(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [cell for cell in re.findall(r"<td[^>]*>", body) if "data-label=" not in cell]


def test_every_cell_of_the_product_list_carries_its_column_name(seller_client, seller):  # noqa: F811
    make_product(producer=seller.partner, title="Chè Tân Cương 200g")

    html = seller_client.get("/shop/seller/products/").content.decode()

    assert _cells_without_label(html) == []
    assert 'data-label="Hiển thị"' in html and 'data-label="Tồn kho"' in html


def test_every_cell_of_the_order_list_carries_its_column_name(seller_client, seller):  # noqa: F811
    place_order(items=[(make_product(producer=seller.partner), 1)])

    html = seller_client.get("/shop/seller/orders/").content.decode()

    assert _cells_without_label(html) == []


def test_the_dashboard_home_lists_the_parts_to_confirm_with_the_time_left(seller_client, seller):  # noqa: F811
    product = make_product(producer=seller.partner, title="Chè Tân Cương 200g")
    soon = place_order(items=[(product, 1)])
    unpaid = place_order(items=[(product, 2)])
    confirmed = place_order(items=[(product, 3)])
    now = timezone.now()
    Fulfilment.objects.filter(order=soon).update(confirm_by=now + datetime.timedelta(hours=5, minutes=30))
    Fulfilment.objects.filter(order=unpaid).update(status=Fulfilment.Status.AWAITING_PAYMENT)
    Fulfilment.objects.filter(order=confirmed).update(status=Fulfilment.Status.CONFIRMED)

    html = seller_client.get("/shop/seller/").content.decode()

    section = html.split('id="awaiting-heading"', 1)[1].replace("\xa0", " ")
    assert str(soon.number) in section
    assert "5 giờ" in section  # the time left before the automatic cancellation
    assert str(unpaid.number) not in section  # not paid yet: not the seller's to confirm
    assert str(confirmed.number) not in section
    assert f'href="/shop/seller/orders/{Fulfilment.objects.get(order=soon).pk}/"' in section


def test_the_dashboard_home_says_when_nothing_waits_for_confirmation(seller_client, seller):  # noqa: F811
    html = seller_client.get("/shop/seller/").content.decode()

    assert "Không có đơn nào chờ xác nhận." in html


def test_the_product_page_says_a_certificate_awaits_verification(seller_client, seller):  # noqa: F811
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)
    issued = datetime.date.today() - datetime.timedelta(days=10)
    seller_client.post(
        f"/shop/seller/products/{product.pk}/certificate/",
        {"stars": "4", "score": "78", "number": "88/QĐ-UBND", "issuer": "UBND tỉnh Thái Nguyên",
         "level": "province", "issued_on": issued.isoformat()},
    )  # fmt: skip

    html = seller_client.get(f"/shop/seller/products/{product.pk}/").content.decode()

    assert "88/QĐ-UBND" in html
    assert "đang chờ cán bộ xác minh" in html


def test_after_creating_a_product_the_seller_goes_on_to_its_photos_and_certificate(seller_client, seller):  # noqa: F811
    response = seller_client.post("/shop/seller/products/new/", product_form())

    product = Product.objects.get(producer=seller.partner)
    assert response["Location"] == f"/shop/seller/products/{product.pk}/#photos-heading"
