"""Issue 14.5 and 14.9 on a 390 px phone: the door to sell, a seller's way in, and the basket.

Screenshots: test-results/e2e/<test name>/.
"""

import re

import pytest

from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.factories import make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-polish-2026"
PHONE = {"width": 390, "height": 844}
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__cspViolations.push(e.violatedDirective); });
"""


@pytest.fixture
def shop():
    hanoi_localities()
    seller = approved_seller(name="HTX Mật ong Bắc Hà", tax_code="4600123591", email="mat.polish@example.vn")
    user = seller.partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    product = make_product(producer=seller.partner, title="Mật ong bạc hà Bắc Hà loại đặc biệt 500ml", price_vnd=250_000, stock=80, stars=4)
    return {"seller_user": user, "product": product}


def _phone(browser):
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_the_door_to_sell_is_in_the_menu_and_a_seller_lands_on_the_dashboard(live_server, browser, screenshots, shop):
    page = _phone(browser)
    page.goto(f"{live_server.url}/shop/catalogue/")
    screenshots(page, "catalogue-menu")

    door = page.locator(".group-nav").get_by_role("link", name="Bán hàng cùng Chợ OCOP")
    assert door.is_visible()
    assert not page.locator(".site-header__links .site-header__sell").is_visible()  # the header's copy is for wide screens
    assert page.locator(".site-footer").get_by_role("link", name="Bán hàng cùng Chợ OCOP").count() == 1
    door.scroll_into_view_if_needed()
    door.click()
    page.wait_for_url(re.compile(r"/shop/seller/apply/$"))
    screenshots(page, "seller-application")

    page.goto(f"{live_server.url}/shop/accounts/login/")
    page.fill("#id_login-username", shop["seller_user"].email)
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")
    page.wait_for_url(re.compile(r"/shop/seller/$"))
    screenshots(page, "seller-signed-in-lands-on-dashboard")
    assert page.locator(".site-header__links").get_by_role("link", name="Trang quản trị của người bán").is_visible()
    assert page.evaluate("window.__cspViolations") == []


def test_on_a_wide_screen_the_door_to_sell_is_in_the_header(live_server, browser, screenshots, shop):
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page.goto(f"{live_server.url}/shop/catalogue/")
    screenshots(page, "catalogue-desktop")

    assert page.locator(".site-header__links").get_by_role("link", name="Bán hàng cùng Chợ OCOP").is_visible()
    assert not page.locator(".group-nav__sell").is_visible()


def test_on_a_phone_the_basket_fits_the_screen_and_speaks_vietnamese(live_server, browser, screenshots, shop):
    page = _phone(browser)
    page.goto(f"{live_server.url}{shop['product'].get_absolute_url()}")
    page.locator("form.buy button[type=submit]").click()
    page.wait_for_selector(".messages .notice")
    screenshots(page, "added-to-basket")
    message = page.locator(".messages").inner_text()
    assert "Đã thêm Mật ong bạc hà Bắc Hà loại đặc biệt 500ml vào giỏ hàng." in message
    assert "Tổng giỏ hàng hiện là 250.000" in message
    assert "Your basket" not in message
    assert _fits_the_screen(page)

    page.goto(f"{live_server.url}/shop/basket/")
    screenshots(page, "basket")
    assert _fits_the_screen(page)
    assert page.get_by_text("Còn hàng (còn 80)").is_visible()

    page.fill("input[name=form-0-quantity]", "81")
    page.get_by_role("button", name="Cập nhật giỏ hàng").click()
    page.wait_for_load_state()
    screenshots(page, "basket-too-many")
    text = page.locator("main").inner_text()
    assert "Giỏ hàng có chỗ cần sửa" in text and "Trong kho chỉ còn 80" in text
    assert "Your basket" not in text and "Available stock" not in text
    assert _fits_the_screen(page)

    page.check("input[name=form-0-DELETE]")
    page.get_by_role("button", name="Cập nhật giỏ hàng").click()
    page.wait_for_load_state()
    screenshots(page, "basket-emptied")
    assert page.get_by_text("Giỏ hàng của bạn trống.").is_visible()
    assert page.evaluate("window.__cspViolations") == []
