"""A seller's user tries every seller-dashboard URL with another seller's ids: nothing leaks or changes."""

import datetime

import pytest
from django.urls import URLPattern, reverse
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate, Producer
from ocop_catalog.services import CertificateData, ListingData, ProducerData, certificate_record, producer_save, product_image_add
from sellers import urls as seller_urls
from sellers.models import Fulfilment
from sellers.services import seller_listing_save
from tests.factories.orders import place_order
from tests.sellers.test_dashboard import jpeg_upload, product_form

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

PUBLIC_URL_NAMES = {"apply", "apply-done"}


@pytest.fixture
def victim(make_seller):
    seller = make_seller(name="HTX Bị Tấn Công")
    product = seller_listing_save(
        seller=seller,
        listing=ListingData(sku="SECRET-1", title="Sản phẩm bí mật", description="", group_slug="thuc-pham", price_vnd=99000, stock=7),
        is_public=False,
    )
    image = product_image_add(product=product, filename="victim.jpg", content=jpeg_upload().read())
    certificate = certificate_record(
        product=product,
        data=CertificateData(stars=3, score=55, number="V-1", issuer="UBND tỉnh X", level="province", issued_on=datetime.date(2025, 1, 1)),
    )
    order = place_order(items=[(product, 1)], email="victim-buyer@example.vn")
    part = order.fulfilments.get()
    member = producer_save(
        partner=seller.partner, data=ProducerData(name="Hộ thành viên bí mật", kind=Producer.Kind.HOUSEHOLD, commune=seller.partner.commune)
    )
    return {"seller": seller, "product": product, "image": image, "certificate": certificate, "part": part, "producer": member}


@pytest.fixture
def attacker_client(client, make_seller):
    attacker = make_seller(name="HTX Tò Mò")
    seller_listing_save(
        seller=attacker,
        listing=ListingData(sku="MINE-1", title="Của tôi", description="", group_slug="do-uong", price_vnd=50000, stock=3),
    )
    client.force_login(attacker.partner.users.get())
    return client


def snapshot(victim):
    product = victim["product"]
    return {
        "product": list(Product.objects.filter(pk=product.pk).values("title", "description", "is_public", "producer_id")),
        "stock": list(StockRecord.objects.filter(product=product).values("partner_sku", "price", "num_in_stock", "partner_id")),
        "images": list(ProductImage.objects.filter(product=product).values_list("pk", "original")),
        "certificates": list(OcopCertificate.objects.filter(product=product).values("pk", "stars", "status", "number")),
        "parts": list(Fulfilment.objects.filter(pk=victim["part"].pk).values("status", "carrier", "cancel_reason")),
        "producers": list(Producer.objects.filter(partner=victim["seller"].partner).values("pk", "name", "commune_id", "story")),
        "made_by": list(Product.objects.filter(pk=product.pk).values_list("ocop_producer_id", flat=True)),
    }


def dashboard_patterns():
    patterns = [p for p in seller_urls.urlpatterns if isinstance(p, URLPattern) and p.name not in PUBLIC_URL_NAMES]
    assert len(patterns) >= 7
    return patterns


# Object ids in seller-dashboard URLs, and what a forged one points at.
ID_KWARGS = {"pk": "product", "image_pk": "image", "part_pk": "part", "producer_pk": "producer"}


def forged_kwargs(pattern, victim):
    today = datetime.date.today()
    values = {name: victim[target].pk for name, target in ID_KWARGS.items()}
    values.update(year=today.year, month=today.month)  # a statement period, always the signed-in seller's own
    return {name: values[name] for name in pattern.pattern.converters}


def test_every_seller_dashboard_url_refuses_another_sellers_ids(attacker_client, victim):
    before = snapshot(victim)
    tried = 0
    for pattern in dashboard_patterns():
        kwargs = forged_kwargs(pattern, victim)
        url = reverse(f"sellers:{pattern.name}", kwargs=kwargs)
        get = attacker_client.get(url)
        post = attacker_client.post(
            url,
            {**product_form(sku="SECRET-1", title="Đã bị sửa", price_vnd="1000"), "image": jpeg_upload(),
             "stars": "5", "score": "95", "number": "HACK", "issuer": "x", "level": "central", "issued_on": "2025-01-01",
             "action": "cancel", "reason": "hack", "carrier": "x", "tracking_code": "y",
             "ocop_producer": victim["producer"].pk, "name": "Đã bị sửa", "kind": "household"},
        )  # fmt: skip
        tried += 1
        body = get.content.decode() + post.content.decode()
        assert "Sản phẩm bí mật" not in body, url
        assert "Hộ thành viên bí mật" not in body, url
        assert "victim-buyer" not in body, url
        if set(kwargs) & set(ID_KWARGS):
            assert get.status_code in (403, 404, 405), (url, get.status_code)
            assert post.status_code in (403, 404), (url, post.status_code)
        assert snapshot(victim) == before, url
    print(f"isolation: {tried} seller-dashboard URL patterns tried with another seller's ids")


def test_creating_with_another_sellers_sku_makes_the_attackers_own_product(attacker_client, victim):
    before = snapshot(victim)

    attacker_client.post("/shop/seller/products/new/", product_form(sku="SECRET-1", title="Trùng mã"))

    assert snapshot(victim) == before
    assert Product.objects.filter(title="Trùng mã").exclude(producer=victim["seller"].partner).count() == 1


def test_a_product_cannot_be_put_under_another_sellers_producer(attacker_client, victim):
    response = attacker_client.post(
        "/shop/seller/products/new/", {**product_form(sku="MINE-2", title="Của tôi 2"), "ocop_producer": victim["producer"].pk}
    )

    assert response.status_code in (200, 302)
    assert not Product.objects.filter(ocop_producer=victim["producer"]).exists()
    assert "Hộ thành viên bí mật" not in attacker_client.get("/shop/seller/san-xuat/").content.decode()


def test_lists_show_only_the_sellers_own_products(attacker_client, victim):
    html = attacker_client.get("/shop/seller/products/").content.decode()

    assert "Của tôi" in html
    assert "Sản phẩm bí mật" not in html


# Object ids in staff URLs, and what a forged one points at.
STAFF_ID_KWARGS = {"pk": "product", "part_pk": "part"}


def test_seller_users_cannot_open_any_staff_seller_page(attacker_client, victim):
    """Every staff URL (applications, sellers, listings to review, certificates), read or posted to by a seller."""
    before = snapshot(victim)
    review_before = Product.objects.get(pk=victim["product"].pk).listing_review
    patterns = [p for p in seller_urls.staff_urlpatterns[0] if isinstance(p, URLPattern)]
    assert {"listing-review-list", "listing-review", "certificate-review"} <= {p.name for p in patterns}
    for pattern in patterns:
        kwargs = {name: victim[target].pk for name, target in STAFF_ID_KWARGS.items() if f"<int:{name}>" in str(pattern.pattern)}
        url = reverse(f"sellers-staff:{pattern.name}", kwargs=kwargs)
        for response in (
            attacker_client.get(url),
            attacker_client.post(url, {"decision": "approve", "note": "x", "reason": "x", "status": "suspended", "rate": "0"}),
        ):
            assert response.status_code == 302 and "login" in response["Location"], url
    assert snapshot(victim) == before
    assert Product.objects.get(pk=victim["product"].pk).listing_review == review_before
    assert OcopCertificate.objects.get(pk=victim["certificate"].pk).status == OcopCertificate.Status.PENDING


def test_seller_users_cannot_use_oscars_dashboard(attacker_client):
    for name in ("dashboard:catalogue-product-list", "dashboard:order-list", "dashboard:partner-list"):
        response = attacker_client.get(reverse(name))
        assert response.status_code in (302, 403), name
