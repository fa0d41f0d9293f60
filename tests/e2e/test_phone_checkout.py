"""A guest on a 390 px phone buys with a mobile number and no e-mail; choosing the province fills the commune
list in place (no reload); later, on another phone, the order is found with its number and the mobile number.
Screenshots: test-results/e2e/ (issue 14.7)."""

import re

import pytest
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, Province
from tests.checkout.conftest import approved_seller
from tests.factories import make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Order = get_model("order", "Order")
PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "vi-VN"}


@pytest.fixture
def honey():
    hanoi, _ = Province.objects.get_or_create(code="01", defaults={"name": "Thành phố Hà Nội", "short_name": "Hà Nội"})
    hue, _ = Province.objects.get_or_create(code="46", defaults={"name": "Thành phố Huế", "short_name": "Huế"})
    for province, code, name in ((hanoi, "00004", "Phường Ba Đình"), (hanoi, "00008", "Phường Ngọc Hà"), (hue, "19753", "Phường Thuận Hóa")):
        Commune.objects.get_or_create(code=code, defaults={"province": province, "name": name, "short_name": name[6:], "kind": "Phường"})
    seller = approved_seller(name="HTX Mật ong Bắc Hà", tax_code="4600123482", email="mat@example.vn")
    return make_product(producer=seller.partner, title="Mật ong bạc hà", price_vnd=250_000, stars=5)


def test_a_guest_buys_with_a_phone_number_and_finds_the_order_again(live_server, browser, screenshots, honey):
    page = browser.new_page(**PHONE)
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}{honey.get_absolute_url()}")
    page.locator("form.buy button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/shop/checkout/")

    page.wait_for_selector("button[name=show_communes]", state="hidden")  # the script replaces the reload
    page.fill("#id_name", "Trần Thị Bình")
    page.fill("#id_phone", "0912 345 678")
    url_before = page.url
    page.select_option("#id_province", "46")
    page.wait_for_selector("#id_commune option[value='19753']", state="attached")
    assert page.locator("#id_commune option[value='00004']").count() == 0  # only Huế's communes
    page.select_option("#id_province", "01")
    page.wait_for_selector("#id_commune option[value='00004']", state="attached")
    assert page.url == url_before  # no reload
    page.select_option("#id_commune", "00008")
    page.fill("#id_street", "5 Phố Hoàng Diệu")
    page.check("input[name=payment_method][value=cod]")
    screenshots(page, "phone-only-details")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("form.checkout-form button.button--primary").click()

    page.wait_for_url(re.compile(r"/shop/checkout/preview/$"))
    page.locator("form.place-order button").click()
    page.wait_for_url(re.compile(r"/shop/checkout/thank-you/$"))
    screenshots(page, "confirmation")
    order = Order.objects.get()
    assert order.guest_email == "" and order.shipping_address.line2 == "Phường Ngọc Hà"

    other = browser.new_page(**PHONE)
    other.set_default_timeout(15_000)
    other.goto(f"{live_server.url}/shop/checkout/order-status/")
    other.fill("#lookup-number", order.number)
    other.fill("#lookup-contact", "+84 912 345 678")
    other.locator("form.form-stack button[type=submit]").click()
    other.wait_for_url(re.compile(rf"/order-status/{order.number}/"))
    screenshots(other, "order-found-by-phone")
    assert order.number in other.content()
