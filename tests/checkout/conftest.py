import re

import pytest
from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from ocop_catalog.services import ListingData
from sellers.services import seller_listing_save
from tests.sellers.conftest import make_seller  # noqa: F401 — the sellers' fixture, reused

StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")

ADDRESS = {
    "name": "Trần Thị Bình", "phone": "0912 345 678", "street": "12 Phố Hàng Bạc",
    "province": "01", "commune": "00004", "note": "",
}  # fmt: skip


def listing(sku, price, stock=10, group="thuc-pham"):
    return ListingData(sku=sku, title=f"Sản phẩm {sku}", description="", group_slug=group, price_vnd=price, stock=stock)


@pytest.fixture(autouse=True)
def _shipping_and_payment_settings(settings):
    settings.SHIPPING_FEE_PER_SELLER_VND = 30_000
    settings.SHIPPING_FREE_FROM_VND = 500_000
    settings.VIETQR_BANK_BIN = ""
    settings.VIETQR_ACCOUNT_NUMBER = ""
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""


@pytest.fixture
def shop(make_seller):  # noqa: F811
    """Two sellers: tea at 120.000 ₫ and honey at 250.000 ₫, 10 of each in stock."""
    tea = make_seller(name="HTX Chè")
    honey = make_seller(name="HTX Mật ong")
    return {
        "tea_seller": tea,
        "honey_seller": honey,
        "tea": seller_listing_save(seller=tea, listing=listing("CHE", 120_000)),
        "honey": seller_listing_save(seller=honey, listing=listing("MAT", 250_000)),
    }


def stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated or 0


def set_price(product, price):
    StockRecord.objects.filter(product=product).update(price=price)


def add_to_basket(client, product, quantity=1):
    response = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302, response.content[:500]


def fill_details(client, *, method="cod", email="khach@example.vn", **overrides):
    data = {**ADDRESS, "email": email, "payment_method": method, **overrides}
    return client.post("/shop/checkout/", data)


def review(client):
    """The review page and the hidden fields its place-order form sends."""
    response = client.get("/shop/checkout/preview/")
    assert response.status_code == 200, response.content[:500]
    html = response.content.decode()
    fields = dict(re.findall(r'name="(basket_id|fingerprint)" value="([^"]*)"', html))
    return response, fields


def place(client, fields):
    return client.post("/shop/checkout/preview/", fields)


def checkout(client, items, *, method="cod", email="khach@example.vn"):
    """Basket → details → review → place; returns the placing response."""
    for product, quantity in items:
        add_to_basket(client, product, quantity)
    response = fill_details(client, method=method, email=email)
    assert response.status_code == 302 and response["Location"].endswith("/preview/"), response.content.decode()[:3000]
    _page, fields = review(client)
    return place(client, fields)


@pytest.fixture
def hanoi_commune(localities):
    return Commune.objects.get(code="00004")


def hanoi_localities():
    """Just the province and commune the checkout tests deliver to, for tests that cannot use the
    module-scoped `localities` fixture (transactional tests commit what they create)."""
    from ocop_catalog.models import Province

    province, _ = Province.objects.get_or_create(code="01", defaults={"name": "Thành phố Hà Nội", "short_name": "Hà Nội"})
    Commune.objects.get_or_create(
        code="00004", defaults={"province": province, "name": "Phường Ba Đình", "short_name": "Ba Đình", "kind": "Phường"}
    )


def approved_seller(*, name: str, tax_code: str, email: str, **overrides):
    from sellers.services import application_approve, application_submit
    from tests.sellers.conftest import seller_data

    return application_approve(application=application_submit(data=seller_data(name=name, tax_code=tax_code, email=email, **overrides)))
