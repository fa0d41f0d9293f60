"""Issue 14.3 on a 390 px phone: certified products with photos come first in the catalogue, and a new seller's
first listing waits for staff before shoppers see it.

Screenshots: test-results/e2e/<test name>/.
"""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from PIL import Image

from ocop_catalog.services import product_image_add
from tests.checkout.conftest import approved_seller, hanoi_localities
from tests.e2e.conftest import log_in
from tests.factories import make_product

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.first_listings_review,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Product = get_model("catalogue", "Product")
PASSWORD = "ocop-e2e-ranking-2026"
PHONE = {"width": 390, "height": 844}


def _photo(product, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (480, 480), colour).save(buffer, "JPEG")
    product_image_add(product=product, filename=f"{product.slug}.jpg", content=buffer.getvalue())


@pytest.fixture
def shop(settings):
    """An established seller's catalogue: two listings that earn the top, two that do not."""
    hanoi_localities()
    settings.SELLER_FIRST_LISTINGS_REVIEW = False  # the established seller's own listings
    seller = approved_seller(name="HTX Chè Tân Cương", tax_code="4600123801", email="che.rank@example.vn")
    bare = make_product(producer=seller.partner, title="Chè mới đăng chưa có ảnh", price_vnd=90_000)  # newest, nothing else
    old = datetime.date.today() - datetime.timedelta(days=60)
    certified = make_product(producer=seller.partner, title="Chè búp 4 sao có ảnh", price_vnd=120_000, stars=4, issued_on=old)
    _photo(certified, (40, 120, 60))
    sold_out = make_product(producer=seller.partner, title="Chè 5 sao hết hàng", price_vnd=300_000, stars=5, issued_on=old, stock=0)
    _photo(sold_out, (90, 60, 30))
    uncertified = make_product(producer=seller.partner, title="Chè có ảnh chưa chứng nhận", price_vnd=80_000)
    _photo(uncertified, (200, 180, 60))
    staff = get_user_model().objects.create_user(email="canbo@example.vn", password=PASSWORD)
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    newcomer = approved_seller(name="HTX Mật Ong Mới", tax_code="4600123802", email="mat.ong@example.vn")
    user = newcomer.partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    settings.SELLER_FIRST_LISTINGS_REVIEW = True
    return {"order": [certified, sold_out, uncertified, bare], "staff": staff, "newcomer": user}


def test_on_a_phone_the_catalogue_puts_certified_products_with_photos_first(live_server, browser, screenshots, shop):
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/shop/catalogue/")
    screenshots(page, "catalogue-recommended")

    titles = [title.strip() for title in page.locator(".card__title").all_inner_texts()]
    assert titles == [product.title for product in shop["order"]]
    assert page.locator("#f-sort").input_value() == "recommended"
    assert "chứng nhận OCOP còn hiệu lực" in page.locator("#f-sort-help").text_content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_new_sellers_first_listing_waits_for_staff(live_server, browser, screenshots, shop):
    seller_page = browser.new_page(viewport=PHONE, locale="vi-VN")
    seller_page.set_default_timeout(15_000)
    log_in(seller_page, live_server.url, shop["newcomer"].email, PASSWORD)
    seller_page.goto(f"{live_server.url}/shop/seller/products/new/")
    seller_page.fill("#id_sku", "MAT-500")
    seller_page.fill("#id_title", "Mật ong hoa nhãn 500ml")
    seller_page.fill("#id_description", "Mật ong nguyên chất.")
    seller_page.select_option("#id_group", "thuc-pham")
    seller_page.fill("#id_price_vnd", "180000")
    seller_page.fill("#id_stock", "30")
    seller_page.locator("form.form-stack button[type=submit]").first.click()
    seller_page.wait_for_url(re.compile(r"/shop/seller/products/\d+/"))
    screenshots(seller_page, "seller-listing-waits")
    assert "Chờ kiểm duyệt" in seller_page.locator(".notice--warning").first.inner_text()
    seller_page.goto(f"{live_server.url}/shop/seller/products/")
    screenshots(seller_page, "seller-list-badge")
    assert seller_page.locator(".badge--warning").inner_text().strip() == "Chờ kiểm duyệt"
    assert seller_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    shopper = browser.new_page(viewport=PHONE, locale="vi-VN")
    shopper.goto(f"{live_server.url}/shop/catalogue/")
    assert "Mật ong hoa nhãn" not in shopper.locator("main").inner_text()

    staff_page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    staff_page.set_default_timeout(15_000)
    log_in(staff_page, live_server.url, shop["staff"].email, PASSWORD)
    staff_page.goto(f"{live_server.url}/shop/dashboard/sellers/listings/")
    screenshots(staff_page, "staff-queue")
    row = staff_page.locator("tr", has_text="Mật ong hoa nhãn 500ml")
    assert "HTX Mật Ong Mới" in row.inner_text()
    row.locator("button[value=approve]").click()
    staff_page.wait_for_load_state()
    screenshots(staff_page, "staff-approved")

    shopper.goto(f"{live_server.url}/shop/catalogue/")
    screenshots(shopper, "catalogue-after-approval")
    assert "Mật ong hoa nhãn 500ml" in shopper.locator("main").inner_text()
