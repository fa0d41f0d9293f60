"""Issue 14.15: product cards show the rating and the number sold once there are some, never stale, at no
extra query per card."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product
from tests.factories.orders import place_order

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cached_answers(settings):
    settings.SEARCH_CACHE_SECONDS = 60  # as in production: search answers and cards are cached


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Ba Đình")


@pytest.fixture
def sell(django_capture_on_commit_callbacks):
    """Place an order and commit it: the number sold is counted once the order commits."""

    def sell(items):
        with django_capture_on_commit_callbacks(execute=True):
            return place_order(items=items)

    return sell


def _card(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return html[start : html.index("</article>", start)]


def test_a_card_shows_how_many_were_sold_once_some_were_and_at_once(client, producer, sell):
    sold = make_product(producer=producer, title="Mật ong bạc hà")
    make_product(producer=producer, title="Chè búp Tân Cương")
    before = client.get("/shop/catalogue/").content.decode()  # both cards rendered and cached
    assert "Đã bán" not in before

    sell([(sold, 3)])
    html = client.get("/shop/catalogue/").content.decode()

    assert "Đã bán 3" in _card(html, "Mật ong bạc hà")
    assert "Đã bán" not in _card(html, "Chè búp Tân Cương")


def test_search_results_show_the_number_sold_too(client, producer, sell):
    sold = make_product(producer=producer, title="Mật ong bạc hà")
    sell([(sold, 2)])

    html = client.get("/shop/search/?q=mat+ong").content.decode()

    assert "Đã bán 2" in _card(html, "Mật ong bạc hà")


def test_the_number_sold_costs_no_query_per_card(client, producer, sell):
    products = [make_product(producer=producer, title=f"Sản phẩm {index}") for index in range(8)]
    client.get("/shop/catalogue/")  # every card cached
    sell([(product, 1) for product in products[:2]])
    with CaptureQueriesContext(connection) as two:
        client.get("/shop/catalogue/")  # two cards re-rendered: their sales changed
    sell([(product, 1) for product in products[2:]])
    with CaptureQueriesContext(connection) as six:
        html = client.get("/shop/catalogue/").content.decode()  # six re-rendered

    assert html.count("Đã bán 1") == 8
    assert len(six) == len(two)
