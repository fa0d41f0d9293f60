import datetime

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from cms.models import HomePage, HomePageFeaturedProduct
from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def pilot_producer(localities):
    commune = Commune.objects.get(code="00004")
    commune.is_ecommerce_pilot = True
    commune.save()
    return make_producer(commune=commune, name="Hợp tác xã Ba Đình")


def test_product_page_shows_certificate_producer_commune_price_and_stock(client, pilot_producer):
    product = make_product(
        producer=pilot_producer, title="Chè Tân Cương đặc biệt", group="do-uong", price_vnd=120_000, stock=7, stars=4
    )

    response = client.get(product.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Chè Tân Cương đặc biệt" in html
    assert f"120.000{NBSP}₫" in html
    assert "Hợp tác xã Ba Đình" in html
    assert "Phường Ba Đình" in html and "Thành phố Hà Nội" in html
    assert "E-commerce pilot commune" in html or "Xã thương mại điện tử" in html
    certificate = product.ocop_certificate
    assert certificate.number in html
    assert "80 / 100" in html  # the factory's 4★ score
    assert certificate.issuer in html
    assert certificate.expires_on.strftime("%d/%m/%Y") in html
    assert 'class="ocop-stars"' in html
    assert response.context["session"].availability.is_available_to_buy if "session" in response.context else True


def test_expired_certificate_is_shown_as_such_without_a_star_badge(client, pilot_producer):
    issued = timezone.localdate() - datetime.timedelta(days=40 * 31)
    product = make_product(producer=pilot_producer, stars=3, issued_on=issued)

    html = client.get(product.get_absolute_url()).content.decode()

    assert 'class="ocop-stars"' not in html
    assert "certificate--expired" in html


def test_out_of_stock_product_cannot_be_added_to_the_basket(client, pilot_producer):
    product = make_product(producer=pilot_producer, stock=0)

    html = client.get(product.get_absolute_url()).content.decode()

    assert f'action="/shop/basket/add/{product.pk}/"' not in html


def test_home_page_falls_back_to_the_newest_four_and_five_star_products(client, pilot_producer):
    three_star = make_product(producer=pilot_producer, title="Ba sao", stars=3)
    four_star = make_product(producer=pilot_producer, title="Bốn sao", stars=4, price_vnd=250_000)
    five_star = make_product(producer=pilot_producer, title="Năm sao", stars=5)

    response = client.get("/")

    featured = response.context["featured_products"]
    assert [product.pk for product in featured] == [five_star.pk, four_star.pk]
    assert three_star not in featured
    html = response.content.decode()
    assert "Bốn sao" in html and f"250.000{NBSP}₫" in html
    assert 'class="ocop-stars"' in html


def test_home_page_shows_the_products_editors_chose_in_their_order(client, pilot_producer):
    first = make_product(producer=pilot_producer, title="Chọn thứ nhất")
    second = make_product(producer=pilot_producer, title="Chọn thứ hai", stars=5)
    make_product(producer=pilot_producer, title="Không được chọn", stars=5)
    home = HomePage.objects.get()
    HomePageFeaturedProduct.objects.create(page=home, product=second, sort_order=0)
    HomePageFeaturedProduct.objects.create(page=home, product=first, sort_order=1)

    response = client.get("/")

    assert [product.pk for product in response.context["featured_products"]] == [second.pk, first.pk]


def test_home_page_skips_a_featured_product_that_is_no_longer_sold(client, pilot_producer):
    withdrawn = make_product(producer=pilot_producer, title="Đã ngừng bán")
    kept = make_product(producer=pilot_producer, title="Vẫn bán")
    home = HomePage.objects.get()
    HomePageFeaturedProduct.objects.create(page=home, product=withdrawn, sort_order=0)
    HomePageFeaturedProduct.objects.create(page=home, product=kept, sort_order=1)
    withdrawn.is_public = False
    withdrawn.save()

    response = client.get("/")

    assert [product.pk for product in response.context["featured_products"]] == [kept.pk]


def test_vietnamese_is_the_default_and_english_can_be_chosen(client, pilot_producer):
    make_product(producer=pilot_producer)

    vietnamese = client.get("/shop/catalogue/")
    assert '<html lang="vi">' in vietnamese.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/shop/catalogue/"})
    english = client.get("/shop/catalogue/")

    assert '<html lang="en">' in english.content.decode()
    assert "All OCOP products" in english.content.decode()


def test_url_layout_serves_shop_dashboard_and_cms_admin(client, admin_client):
    assert client.get("/shop/catalogue/").status_code == 200
    assert client.get("/shop/dashboard/").status_code in (302, 403)
    assert admin_client.get("/shop/dashboard/").status_code == 200
    assert admin_client.get("/cms-admin/").status_code == 200
    Category = get_model("catalogue", "Category")
    assert Category is not None


def test_browser_language_does_not_override_vietnamese(client, pilot_producer):
    response = client.get("/shop/catalogue/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="vi">' in response.content.decode()
    assert "Tất cả sản phẩm OCOP" in response.content.decode()


def test_cached_product_cards_show_a_new_price_at_once(client, pilot_producer):
    from ocop_catalog.services import ListingData, product_listing_save

    product = make_product(producer=pilot_producer, title="Giá thay đổi", price_vnd=100_000)
    assert f"100.000{NBSP}₫" in client.get("/shop/catalogue/").content.decode()
    record = product.stockrecords.get()

    product_listing_save(
        producer=pilot_producer,
        listing=ListingData(sku=record.partner_sku, title="Giá thay đổi", description="", group_slug="thuc-pham", price_vnd=125_000, stock=3),
    )

    html = client.get("/shop/catalogue/").content.decode()
    assert f"125.000{NBSP}₫" in html and f"100.000{NBSP}₫" not in html
