"""A guest buys from two sellers in a real browser, paying cash on delivery; a seller confirms.

catalogue → filter by stars → product → basket → address → cash on delivery → confirmation;
then the tea cooperative signs in and confirms its part. Screenshots: test-results/e2e/.
"""

import re

import pytest
from oscar.core.loading import get_model

from sellers.models import Fulfilment
from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.factories import make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Order = get_model("order", "Order")
PASSWORD = "ocop-e2e-2026"


@pytest.fixture
def two_sellers():
    hanoi_localities()
    tea = approved_seller(name="HTX Chè Tân Cương", tax_code="4600123481", email="che@example.vn")
    honey = approved_seller(name="HTX Mật ong Bắc Hà", tax_code="4600123482", email="mat@example.vn")
    user = tea.partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    return {
        "tea": make_product(producer=tea.partner, title="Chè búp Tân Cương", price_vnd=120_000, stars=4),
        "honey": make_product(producer=honey.partner, title="Mật ong bạc hà", price_vnd=250_000, stars=5),
        "three_star": make_product(producer=honey.partner, title="Mật ong rừng", price_vnd=90_000, stars=3),
        "tea_user": user,
    }


def test_guest_buys_from_two_sellers_cash_on_delivery_and_a_seller_confirms(live_server, browser, screenshots, two_sellers):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")  # a phone
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/shop/catalogue/")
    screenshots(page, "catalogue")
    assert page.locator(".grid li").first.bounding_box()["y"] < 844  # products on the first screen, filters folded
    page.click("details:has(#f-stars) summary")
    page.select_option("#f-stars", "4")
    page.locator("form.filters__form [type=submit]").first.click()
    page.wait_for_url(re.compile(r"stars_min=4"))
    screenshots(page, "filtered-4-stars")
    assert page.locator(".grid li").first.bounding_box()["y"] < 844  # a filter keeps them there (its chip shows it)
    assert page.get_by_role("link", name="Mật ong rừng").count() == 0  # 3★ filtered out

    for step, title in (("product-tea", "Chè búp Tân Cương"), ("product-honey", "Mật ong bạc hà")):
        page.get_by_role("link", name=title).first.click()
        page.wait_for_selector("h1.product__title")
        screenshots(page, step)
        page.locator("form.buy button[type=submit]").click()
        page.wait_for_load_state()
        page.go_back()
        page.go_back()

    page.goto(f"{live_server.url}/shop/basket/")
    screenshots(page, "basket")
    page.locator('a[href="/shop/checkout/"]').first.click()
    page.wait_for_url(re.compile(r"/shop/checkout/$"))

    page.fill("#id_email", "khach.e2e@example.vn")
    page.fill("#id_name", "Trần Thị Bình")
    page.fill("#id_phone", "0912 345 678")
    page.select_option("#id_province", "01")
    # the communes fill in place once the province is chosen (the reload button is for browsers without JavaScript)
    page.wait_for_selector("#id_commune option[value='00004']", state="attached")
    page.select_option("#id_commune", "00004")
    page.fill("#id_street", "12 Phố Hàng Bạc")
    page.check("input[name=payment_method][value=cod]")
    screenshots(page, "address-and-payment")
    page.locator("form.checkout-form button.button--primary").click()

    page.wait_for_url(re.compile(r"/shop/checkout/preview/$"))
    assert page.locator("section.order-part").count() == 2
    screenshots(page, "review")
    page.locator("form.place-order button").click()

    page.wait_for_url(re.compile(r"/shop/checkout/thank-you/$"))
    screenshots(page, "confirmation")
    order = Order.objects.get()
    assert page.locator(".order-number").inner_text() == order.number
    assert order.total_incl_tax == 120_000 + 30_000 + 250_000 + 30_000
    assert order.fulfilments.count() == 2

    seller = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
    seller.set_default_timeout(15_000)
    seller.goto(f"{live_server.url}/shop/accounts/login/?next=/shop/seller/orders/")
    seller.fill("#id_login-username", two_sellers["tea_user"].email)
    seller.fill("#id_login-password", PASSWORD)
    seller.click("button[name=login_submit]")
    seller.wait_for_url(re.compile(r"/shop/seller/orders/$"))
    screenshots(seller, "seller-orders")
    part = Fulfilment.objects.get(order=order, partner=two_sellers["tea"].producer)
    seller.goto(f"{live_server.url}/shop/seller/orders/{part.pk}/")
    seller.click("button[name=action][value=confirm]")
    seller.wait_for_load_state()
    screenshots(seller, "seller-confirmed")

    part.refresh_from_db()
    assert part.status == Fulfilment.Status.CONFIRMED
    assert Fulfilment.objects.get(order=order, partner=two_sellers["honey"].producer).status == Fulfilment.Status.AWAITING
