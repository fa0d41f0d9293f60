"""The home page keeps its news and training lists and its product cards cached, yet shows a newly published
article, an unpublished one's removal and a featured product's new price on the next request, within the
query budget of list pages whatever the number of featured products."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePage, HomePageFeaturedProduct
from ocop_catalog import services as ocop_services
from tests.factories import make_product

from .factories import make_news, make_training

pytestmark = pytest.mark.django_db

HOME_QUERY_BUDGET = 12
NBSP = "\u00a0"


def home_html(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_article_published_after_the_home_page_was_cached_shows_at_once(client, sections):
    make_news(title="Tin cũ", date=datetime.date(2026, 11, 1))
    home_html(client)
    assert "Tin cũ" in home_html(client)

    make_news(title="Tin mới đăng", date=datetime.date(2026, 11, 20))
    lesson = make_training(title="Bài học mới đăng")

    html = home_html(client)
    assert "Tin mới đăng" in html and "Tin cũ" in html
    assert f'href="{lesson.url}"' in html


def test_an_unpublished_article_leaves_the_home_page_at_once(client, sections):
    article = make_news(title="Tin sẽ gỡ")
    assert "Tin sẽ gỡ" in home_html(client)

    article.unpublish()

    assert "Tin sẽ gỡ" not in home_html(client)


def test_a_renamed_article_shows_its_new_title_once_published(client, sections):
    article = make_news(title="Tiêu đề cũ")
    assert "Tiêu đề cũ" in home_html(client)

    article.title = "Tiêu đề đã sửa"
    article.save_revision()
    assert "Tiêu đề cũ" in home_html(client)  # a draft is not shown
    article.get_latest_revision().publish()

    html = home_html(client)
    assert "Tiêu đề đã sửa" in html and "Tiêu đề cũ" not in html


def test_a_featured_products_new_price_shows_at_once(client, producer):
    product = make_product(producer=producer, title="Chè nổi bật", stars=5, price_vnd=150_000)
    home_html(client)
    assert f"150.000{NBSP}₫" in home_html(client)

    record = product.stockrecords.get()
    ocop_services.product_listing_save(
        producer=producer,
        listing=ocop_services.ListingData(
            sku=record.partner_sku, title=product.title, description="", group_slug="do-uong", price_vnd=160_000, stock=3
        ),
    )

    html = home_html(client)
    assert f"160.000{NBSP}₫" in html and f"150.000{NBSP}₫" not in html


@pytest.mark.parametrize("chosen", [False, True], ids=["newest top-rated", "chosen by editors"])
def test_home_page_queries_stay_within_budget_whatever_the_number_of_featured_products(client, settings, sections, producer, chosen):
    products = [make_product(producer=producer, stars=4 + n % 2) for n in range(8)]
    for n in range(6):
        make_news(title=f"Tin {n}")
        make_training(title=f"Bài {n}")
    if chosen:
        home = HomePage.objects.get()
        for order, product in enumerate(products):
            HomePageFeaturedProduct.objects.create(page=home, product=product, sort_order=order)
    settings.OCOP_HOME_FEATURED_COUNT = 1
    client.get("/")  # what a running server keeps warm: the group menu, the article lists
    counts = {}
    for featured in (2, 8):
        settings.OCOP_HOME_FEATURED_COUNT = featured
        with CaptureQueriesContext(connection) as first:  # the new cards rendered: their products loaded
            response = client.get("/")
        with CaptureQueriesContext(connection) as again:
            client.get("/")
        assert len(response.context["featured_products"]) == featured
        counts[featured] = (len(first), len(again))

    assert counts[2] == counts[8]
    assert max(counts[8]) <= HOME_QUERY_BUDGET


@pytest.mark.parametrize("chosen", [False, True], ids=["newest top-rated", "chosen by editors"])
def test_featured_products_are_only_those_buyable_now(client, producer, chosen):
    in_stock = make_product(producer=producer, title="Chè còn hàng", stars=5)
    sold_out = make_product(producer=producer, title="Mật ong đã bán hết", stars=5, stock=4)
    withdrawn = make_product(producer=producer, title="Nấm đã ngừng bán", stars=5)
    sold_out.stockrecords.update(num_allocated=4)  # every unit ordered, none left to buy
    withdrawn.is_public = False
    withdrawn.save()
    if chosen:
        home = HomePage.objects.get()
        for order, product in enumerate((sold_out, withdrawn, in_stock)):
            HomePageFeaturedProduct.objects.create(page=home, product=product, sort_order=order)

    html = home_html(client)

    assert "Chè còn hàng" in html
    assert "Mật ong đã bán hết" not in html and "Nấm đã ngừng bán" not in html


def test_an_articles_featured_block_hides_a_product_sold_out_since(client, sections, producer):
    from wagtail.blocks import StreamValue

    in_stock = make_product(producer=producer, title="Chè còn hàng")
    sold_out = make_product(producer=producer, title="Mật ong đã bán hết", stock=2)
    article = make_news(title="Đặc sản mùa thu")
    article.body = StreamValue(
        article.body.stream_block,
        [("featured_products", {"heading": "Mua ngay", "products": [sold_out, in_stock]})],
        is_lazy=False,
    )
    article.save_revision().publish()
    assert "Mật ong đã bán hết" in client.get(article.url).content.decode()

    sold_out.stockrecords.update(num_allocated=2)
    html = client.get(article.url).content.decode()

    assert "Chè còn hàng" in html and "Mật ong đã bán hết" not in html


@pytest.mark.parametrize("chosen", [False, True], ids=["newest top-rated", "chosen by editors"])
def test_the_cards_query_is_planned_once_per_connection(client, producer, chosen):
    """Planning the home page's card query took ~3.5 ms at 10 000 products, running it 0.6 ms: with its values
    written in, PostgreSQL keeps one plan for it, however many visitors come."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (set DATABASE_URL=postgres://…)")
    products = [make_product(producer=producer, title=f"Chè số {n}", stars=5) for n in range(3)]
    if chosen:
        home = HomePage.objects.get()
        for order, product in enumerate(products):
            HomePageFeaturedProduct.objects.create(page=home, product=product, sort_order=order)

    html = home_html(client)  # the query is prepared (or was, by an earlier visit on this connection)
    before = _card_plans()

    for _ in range(8):
        html = home_html(client)

    assert all(f"Chè số {n}" in html for n in range(3))
    after = _card_plans()
    ran = {
        name: (generic - before.get(name, (0, 0))[0], custom - before.get(name, (0, 0))[1])
        for name, (generic, custom) in after.items()
        if (generic, custom) != before.get(name)
    }
    assert list(ran.values()) == [(8, 0)]  # one statement, run 8 times on its one plan: never planned again


def _card_plans() -> dict:
    """The home page's card statements prepared on this connection, with how often each ran on one generic plan and
    on a plan of its own."""
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE \'SELECT "catalogue_product"."id" AS "pk"%%\''
        )
        return {name: (generic, custom) for name, generic, custom in cursor.fetchall()}
