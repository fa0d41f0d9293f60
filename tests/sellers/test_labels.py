"""Sellers print OCOP labels (product, stars, certificate number, QR) for their own certified products."""

import datetime

import pytest
from django.utils import timezone

from ocop_catalog.models import OcopCertificate
from ocop_catalog.presenters import certificate_qr_svg
from ocop_catalog.services import CertificateData, ListingData, certificate_record
from sellers.services import seller_listing_save

pytestmark = pytest.mark.django_db


def _product(seller, *, sku, title, number=None, status=OcopCertificate.Status.VERIFIED, issued_on=None):
    product = seller_listing_save(
        seller=seller, listing=ListingData(sku=sku, title=title, description="", group_slug="thuc-pham", price_vnd=90000, stock=5)
    )
    if number:
        certificate_record(
            product=product,
            data=CertificateData(stars=3, score=60, number=number, issuer="UBND tỉnh Thái Nguyên", level="province",
                                 issued_on=issued_on or timezone.localdate() - datetime.timedelta(days=5)),
            status=status,
        )  # fmt: skip
    return product


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Gạo Séng Cù")


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def test_the_label_page_lists_only_the_sellers_certified_products_with_stars_number_and_qr(seller_client, seller, make_seller):
    certified = _product(seller, sku="G-1", title="Gạo Séng Cù", number="7/QĐ-UBND")
    _product(seller, sku="G-2", title="Gạo chưa chứng nhận")
    _product(seller, sku="G-3", title="Gạo hết hạn", number="1/QĐ-UBND", issued_on=datetime.date(2020, 1, 1))
    _product(seller, sku="G-4", title="Gạo chờ duyệt", number="2/QĐ-UBND", status=OcopCertificate.Status.PENDING)
    _product(make_seller(name="HTX Khác"), sku="X-1", title="Gạo của người khác", number="9/QĐ-UBND")

    response = seller_client.get("/shop/seller/nhan-ocop/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gạo Séng Cù" in html and "7/QĐ-UBND" in html and "3★" in html
    assert certificate_qr_svg(certificate_id=certified.ocop_certificate.pk) in html
    for absent in ("Gạo chưa chứng nhận", "Gạo hết hạn", "Gạo chờ duyệt", "Gạo của người khác"):
        assert absent not in html
    assert "<style" not in html and "<script" not in html  # print CSS is a static file (CSP)
    assert "ocop_certificates.css" in html


def test_one_product_fills_a_sheet(seller_client, seller):
    product = _product(seller, sku="G-1", title="Gạo Séng Cù", number="7/QĐ-UBND")

    html = seller_client.get(f"/shop/seller/nhan-ocop/{product.pk}/").content.decode()
    assert html.count('class="label"') == 24
    html = seller_client.get(f"/shop/seller/nhan-ocop/{product.pk}/", {"copies": "3"}).content.decode()
    assert html.count('class="label"') == 3


def test_another_sellers_product_or_an_uncertified_one_is_a_404(seller_client, seller, make_seller):
    foreign = _product(make_seller(name="HTX Khác"), sku="X-1", title="Gạo của người khác", number="9/QĐ-UBND")
    uncertified = _product(seller, sku="G-2", title="Gạo chưa chứng nhận")

    assert seller_client.get(f"/shop/seller/nhan-ocop/{foreign.pk}/").status_code == 404
    assert seller_client.get(f"/shop/seller/nhan-ocop/{uncertified.pk}/").status_code == 404


def test_the_dashboard_links_to_the_labels(seller_client):
    assert "/shop/seller/nhan-ocop/" in seller_client.get("/shop/seller/").content.decode()


def test_shoppers_cannot_open_the_label_page(client, localities):
    response = client.get("/shop/seller/nhan-ocop/")
    assert response.status_code == 302 and "login" in response["Location"]
