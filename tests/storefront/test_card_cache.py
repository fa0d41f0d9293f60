"""List pages keep rendered product cards (and whole grids) cached; a shopper still sees every change to a
card on the very next request, whether or not the search index's cached answers were retired."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from PIL import Image

from ocop_catalog import services
from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture(autouse=True)
def _cached_answers(settings):
    settings.SEARCH_CACHE_SECONDS = 60  # as in production: search answers are cached too


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Ba Đình")


def relist(product, **changes):
    """The producer saves the listing again (the seller dashboard and CSV import do this), with `changes`."""
    record = product.stockrecords.get()
    listing = {
        "sku": record.partner_sku, "title": product.title, "description": product.description,
        "group_slug": "thuc-pham", "price_vnd": int(record.price), "stock": record.num_in_stock, **changes,
    }  # fmt: skip
    return services.product_listing_save(producer=product.producer, listing=services.ListingData(**listing))


def catalogue_html(client) -> str:
    response = client.get("/shop/catalogue/")
    assert response.status_code == 200
    return response.content.decode()


def cached_catalogue_html(client) -> str:
    """The catalogue as a shopper sees it once the cards and the grid are cached (asked twice)."""
    catalogue_html(client)
    return catalogue_html(client)


def jpeg(colour: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), colour).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name=f"{colour}.jpg")


def test_a_new_price_shows_at_once(client, producer):
    product = make_product(producer=producer, title="Mật ong bạc hà", price_vnd=100_000)
    assert f"100.000{NBSP}₫" in cached_catalogue_html(client)

    relist(product, price_vnd=125_000)

    html = catalogue_html(client)
    assert f"125.000{NBSP}₫" in html and f"100.000{NBSP}₫" not in html


def test_a_sold_out_product_shows_as_unavailable_at_once(client, producer):
    product = make_product(producer=producer, stock=5)
    assert "availability--instock" in cached_catalogue_html(client)

    relist(product, stock=0)

    html = catalogue_html(client)
    assert "availability--outofstock" in html and "availability--instock" not in html


def test_a_new_title_shows_at_once(client, producer):
    product = make_product(producer=producer, title="Chè Tân Cương")
    assert "Chè Tân Cương" in cached_catalogue_html(client)

    relist(product, title="Chè Tân Cương đặc biệt")

    assert "Chè Tân Cương đặc biệt" in catalogue_html(client)


def test_a_verified_certificate_shows_its_stars_at_once(client, producer):
    product = make_product(producer=producer)
    assert 'class="ocop-stars"' not in cached_catalogue_html(client)

    services.certificate_record(
        product=product,
        data=services.CertificateData(
            stars=4, score=80, number="12/QĐ-UBND", issuer="UBND tỉnh Thái Nguyên", level="province",
            issued_on=datetime.date.today() - datetime.timedelta(days=10),
        ),
        status="verified",
    )  # fmt: skip

    assert 'class="ocop-stars"' in catalogue_html(client)


def test_a_new_image_shows_at_once_and_a_changed_one_replaces_it(client, producer):
    product = make_product(producer=producer)
    assert "card__noimage" in cached_catalogue_html(client)

    image = ProductImage.objects.create(product=product, original=jpeg("green"), display_order=0)
    html = catalogue_html(client)
    assert "card__noimage" not in html and '<img src="/media/' in html
    first_src = html.split('<img src="', 1)[1].split('"', 1)[0]

    image.delete()
    ProductImage.objects.create(product=product, original=jpeg("red"), display_order=0)
    html = catalogue_html(client)
    second_src = html.split('<img src="', 1)[1].split('"', 1)[0]
    assert second_src != first_src


def test_a_review_average_shows_at_once_as_oscar_saves_it(client, producer):
    product = make_product(producer=producer)
    assert 'class="card__rating"' not in cached_catalogue_html(client)

    # As Oscar's Product.update_rating after a review: a save. The rating is not in the search
    # document, so the search index may keep its cached answers.
    product.refresh_from_db()
    product.rating = 4.5
    product.save()

    html = catalogue_html(client)
    assert 'class="card__rating"' in html and "4,5" in html


def test_a_rating_changed_without_reindexing_still_shows_at_once(client, producer):
    product = make_product(producer=producer)
    cached_catalogue_html(client)

    Product.objects.filter(pk=product.pk).update(rating=3.5)  # no signal: cached search answers stay

    assert "3,5" in catalogue_html(client)


def test_a_product_withdrawn_from_sale_leaves_the_cached_grid_at_once(client, producer):
    kept = make_product(producer=producer, title="Vẫn bán")
    withdrawn = make_product(producer=producer, title="Ngừng bán")
    assert "Ngừng bán" in cached_catalogue_html(client)

    Product.objects.filter(pk=withdrawn.pk).update(is_public=False)  # even before search hears of it

    html = catalogue_html(client)
    assert "Ngừng bán" not in html and kept.title in html


def test_after_one_change_the_page_costs_the_same_queries_for_24_products_as_for_4(client, settings, producer):
    products = [make_product(producer=producer, price_vnd=50_000 + n * 1000) for n in range(30)]
    newest = products[-1]  # first on the page: newest first
    counts = []
    for page_size, price in ((4, 70_000), (24, 71_000)):
        settings.OSCAR_PRODUCTS_PER_PAGE = page_size
        cached_catalogue_html(client)
        relist(newest, price_vnd=price)
        with CaptureQueriesContext(connection) as queries:
            html = catalogue_html(client)
        assert f"{price // 1000}.000{NBSP}₫" in html
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 12


def test_the_card_stats_query_is_planned_once_per_page_size_on_a_connection(client, producer):
    """Every list page reads its cards' ratings, sales and makers (search.selectors.card_stats_on_sale): the query is
    built once per process and page size, and PostgreSQL plans it once per connection, whichever products it reads."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (set DATABASE_URL=postgres://…)")
    products = [make_product(producer=producer, title=f"Sản phẩm {n}") for n in range(6)]
    cached_catalogue_html(client)
    before = _card_stats_plans()

    for number in range(10):
        Product.objects.filter(pk=products[number % 6].pk).update(rating=1 + number % 5)  # the stats read live
        html = catalogue_html(client)
        assert f"{1 + number % 5},0" in html

    after = _card_stats_plans()
    ran = [
        (generic - before.get(name, (0, 0))[0], custom - before.get(name, (0, 0))[1])
        for name, (generic, custom) in after.items()
        if (generic, custom) != before.get(name)
    ]
    assert len(ran) == 1  # one statement for the page, run again
    [(generic_runs, custom_runs)] = ran
    # PostgreSQL plans a prepared statement anew for its first five runs at most, then keeps one generic plan.
    assert generic_runs + custom_runs == 10 and custom_runs <= 5


def _card_stats_plans() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements "
            'WHERE statement LIKE \'%%"analytics_productrecord"."num_purchases" AS "stats__num_purchases"%%\''
        )
        return {name: (generic, custom) for name, generic, custom in cursor.fetchall()}
