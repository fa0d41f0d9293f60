"""Issue 14.10 on a 390 px phone: a seller sees what to confirm and by when, and every table cell says its column.

Screenshots: test-results/e2e/<test name>/.
"""

import datetime
import re

import pytest
from django.utils import timezone

from sellers.models import Fulfilment
from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.factories import make_product
from tests.factories.orders import place_order

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-dashboard-2026"
PHONE = {"width": 390, "height": 844}
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__cspViolations.push(e.violatedDirective); });
"""


@pytest.fixture
def seller_with_an_order():
    hanoi_localities()
    seller = approved_seller(name="HTX Chè Tân Cương", tax_code="4600123691", email="che.dash@example.vn")
    user = seller.partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    product = make_product(producer=seller.partner, title="Chè búp Tân Cương 200g", price_vnd=120_000)
    order = place_order(items=[(product, 2)])
    Fulfilment.objects.filter(order=order).update(confirm_by=timezone.now() + datetime.timedelta(hours=20, minutes=10))
    return {"user": user, "order": order}


def test_on_a_phone_a_seller_sees_what_to_confirm_and_labelled_tables(live_server, browser, screenshots, seller_with_an_order):
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}/shop/accounts/login/")
    page.fill("#id_login-username", seller_with_an_order["user"].email)
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")
    page.wait_for_url(re.compile(r"/shop/seller/$"))
    screenshots(page, "dashboard-home")

    waiting = page.locator("section.to-confirm")
    assert str(seller_with_an_order["order"].number) in waiting.inner_text()
    assert re.search(r"Hãy xác nhận trong (20|19)\sgiờ", waiting.inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    for path, step in (("/shop/seller/products/", "products"), ("/shop/seller/orders/", "orders")):
        page.goto(f"{live_server.url}{path}")
        screenshots(page, step)
        assert not page.locator(".table-simple thead").is_visible()  # headers folded away on a phone…
        cells = page.locator(".table-simple tbody td")
        labels = [cells.nth(index).evaluate("cell => getComputedStyle(cell, '::before').content") for index in range(cells.count())]
        assert labels and all(label not in ("none", "normal", '""') for label in labels)  # …each cell says its column
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(f"{live_server.url}/shop/seller/products/new/")
    page.fill("#id_sku", "CHE-500G")
    page.fill("#id_title", "Chè búp Tân Cương 500g")
    page.fill("#id_description", "Chè búp khô.")
    page.select_option("#id_group", "do-uong")
    page.fill("#id_price_vnd", "250000")
    page.fill("#id_stock", "20")
    page.locator("form.form-stack button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/shop/seller/products/\d+/#photos-heading$"))
    screenshots(page, "new-product-photos-and-certificate")
    assert page.locator("#photos-heading").is_visible()
    assert page.evaluate("window.__cspViolations") == []
