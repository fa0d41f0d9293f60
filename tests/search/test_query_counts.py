"""The search page and the API run the same queries whatever the page size (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

SEARCH_PAGE_BUDGET = 12
API_BUDGET = 3


@pytest.fixture
def thirty_products(localities):
    """Thirty honey products over three provinces and groups, some starred: more than a page of 24."""
    producers = [make_producer(commune=commune) for commune in Commune.objects.filter(province_id__in=["01", "19", "66"])[:3]]
    groups, stars = ["thuc-pham", "do-uong", "thu-cong-my-nghe"], [None, 3, 4, 5]
    return [
        make_product(producer=producers[n % 3], title=f"Mật ong rừng số {n}", group=groups[n % 3], price_vnd=50_000 + n * 1000, stars=stars[n % 4])
        for n in range(30)
    ]


def queries_for(client, url):
    client.get(url)  # warm the caches a running server keeps warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize(
    "url",
    [
        "/shop/search/?q=mat+ong",
        "/shop/search/?q=m%E1%BA%ADt+ong&stars_min=3&province=01&sort=-stars",
        "/shop/catalogue/?group=do-uong&in_stock=1&sort=price",
    ],
)
def test_search_page_queries_do_not_grow_with_the_page_size(client, settings, thirty_products, url, django_assert_max_num_queries):
    settings.OSCAR_PRODUCTS_PER_PAGE = 4
    small, small_response = queries_for(client, url)
    settings.OSCAR_PRODUCTS_PER_PAGE = 24
    large, large_response = queries_for(client, url)

    assert len(small_response.context["products"]) == min(4, small_response.context["result"].count)
    assert len(large_response.context["products"]) > len(small_response.context["products"]) or large_response.context["result"].count <= 4
    assert small == large
    with django_assert_max_num_queries(SEARCH_PAGE_BUDGET):
        client.get(url)


@pytest.mark.parametrize(
    "params",
    ["q=mat+ong", "q=mat+ong&province=01&stars_min=4&sort=relevance", "group=thuc-pham&sort=-price&in_stock=true"],
)
def test_api_queries_do_not_grow_with_the_page_size(client, thirty_products, params, django_assert_max_num_queries):
    small, small_response = queries_for(client, f"/api/search/products/?{params}&page_size=4")
    large, large_response = queries_for(client, f"/api/search/products/?{params}&page_size=24")

    assert len(small_response.json()["results"]) == min(4, small_response.json()["count"])
    assert small == large
    with django_assert_max_num_queries(API_BUDGET):
        client.get(f"/api/search/products/?{params}&page_size=100")


def test_suggest_costs_one_query(client, thirty_products, django_assert_max_num_queries):
    client.get("/api/search/suggest/?q=mat+o")
    with django_assert_max_num_queries(1):
        response = client.get("/api/search/suggest/?q=mat+o")
    assert response.json()["products"]
