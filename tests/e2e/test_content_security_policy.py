"""The main pages break no rule of their own Content-Security-Policy in a real browser: no script,
style, image or frame refused, on a phone, as a guest buying and as a seller signed in."""

import re

import pytest

from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.cms.factories import make_news, make_training
from tests.factories import make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-csp-2026"
# Recorded in the page before any of its own scripts runs (Playwright's init script is not subject to CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


@pytest.fixture
def site():
    from cms.services import cms_setup_ensure

    hanoi_localities()
    cms_setup_ensure()
    seller = approved_seller(name="HTX Chè Tân Cương", tax_code="4600123491", email="che.csp@example.vn")
    user = seller.partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    return {
        "product": make_product(producer=seller.partner, title="Chè búp Tân Cương", price_vnd=120_000, stars=4),
        "news": make_news(title="Hội chợ OCOP mùa thu"),
        "training": make_training(title="Đóng gói sản phẩm chè"),
        "seller_user": user,
    }


class Violations:
    """CSP refusals a page reported, through the console and through securitypolicyviolation events."""

    def __init__(self, page):
        self.page, self.console = page, []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", lambda message: self._console(message))

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, url: str, label: str, screenshots):
        response = self.page.goto(url)
        assert response.status < 400, (label, response.status)
        assert response.headers.get("content-security-policy"), label
        return self.check(label, screenshots)

    def check(self, label: str, screenshots):
        self.page.wait_for_load_state("load")
        screenshots(self.page, label)
        events = self.page.evaluate("window.__cspViolations || []")
        found, self.console = self.console + events, []
        assert found == [], (label, found)


def test_the_main_pages_break_no_rule_of_their_policy(live_server, browser, screenshots, site, settings):
    # The confirmation then shows the VietQR code, an inline SVG.
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_ACCOUNT_NAME = "CONG TY CHO OCOP"
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page.set_default_timeout(15_000)
    check = Violations(page)
    base = live_server.url

    check.visit(f"{base}/", "home", screenshots)
    check.visit(f"{base}/shop/catalogue/", "catalogue", screenshots)
    check.visit(f"{base}{site['product'].get_absolute_url()}", "product", screenshots)
    check.visit(f"{base}/shop/search/?q=ch%C3%A8", "search", screenshots)
    check.visit(f"{base}{site['news'].url}", "news", screenshots)
    check.visit(f"{base}{site['training'].url}", "training", screenshots)
    check.visit(f"{base}/tin-tuc/", "news-index", screenshots)

    check.visit(f"{base}{site['product'].get_absolute_url()}", "product-again", screenshots)
    page.locator("form.buy button[type=submit]").click()
    page.wait_for_load_state()
    check.visit(f"{base}/shop/basket/", "basket", screenshots)
    check.visit(f"{base}/shop/checkout/", "checkout-details", screenshots)
    page.fill("#id_email", "khach.csp@example.vn")
    page.fill("#id_name", "Trần Thị Bình")
    page.fill("#id_phone", "0912 345 678")
    page.select_option("#id_province", "01")
    # the communes are fetched from our own API: connect-src must allow it
    page.wait_for_selector("#id_commune option[value='00004']", state="attached")
    page.select_option("#id_commune", "00004")
    page.fill("#id_street", "12 Phố Hàng Bạc")
    page.check("input[name=payment_method][value=vietqr]")
    page.locator("form.checkout-form button.button--primary").click()
    page.wait_for_url(re.compile(r"/shop/checkout/preview/$"))
    check.check("checkout-preview", screenshots)
    # The review page's own script (a static file) still runs: the button is disabled once pressed.
    page.locator("form.place-order").evaluate("form => form.addEventListener('submit', e => e.preventDefault())")
    page.locator("form.place-order button").click()
    assert page.locator("form.place-order [data-once]").is_disabled()
    check.visit(f"{base}/shop/checkout/preview/", "checkout-preview-again", screenshots)
    page.locator("form.place-order button").click()
    page.wait_for_url(re.compile(r"/shop/checkout/thank-you/$"))
    assert page.locator("svg.segno").count() == 1
    check.check("confirmation-vietqr", screenshots)

    seller = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
    seller.set_default_timeout(15_000)
    check = Violations(seller)
    check.visit(f"{base}/shop/accounts/login/?next=/shop/seller/", "login", screenshots)
    seller.fill("#id_login-username", site["seller_user"].email)
    seller.fill("#id_login-password", PASSWORD)
    seller.click("button[name=login_submit]")
    seller.wait_for_url(re.compile(r"/shop/seller/$"))
    check.check("seller-dashboard", screenshots)
    check.visit(f"{base}/shop/seller/products/", "seller-products", screenshots)


def test_the_admin_sign_in_pages_work_under_their_relaxed_policy(live_server, browser, screenshots):
    """Wagtail's and Django's admin keep their inline scripts and styles (marketplace.security)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page.set_default_timeout(15_000)
    check = Violations(page)

    check.visit(f"{live_server.url}/cms-admin/login/", "wagtail-admin-login", screenshots)
    check.visit(f"{live_server.url}/django-admin/login/", "django-admin-login", screenshots)
