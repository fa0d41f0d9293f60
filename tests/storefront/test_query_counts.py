import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

# The catalogue page's whole budget, whatever the page size (no N+1).
CATALOGUE_QUERY_BUDGET = 12


@pytest.fixture
def thirty_products(localities):
    communes = list(Commune.objects.filter(province_id__in=["01", "19", "66"])[:3])
    producers = [make_producer(commune=commune) for commune in communes]
    for index in range(30):
        make_product(
            producer=producers[index % 3],
            group=["thuc-pham", "do-uong", "thu-cong-my-nghe"][index % 3],
            price_vnd=50_000 + index * 1000,
            stars=[None, 3, 4, 5][index % 4],
        )


def _count_queries(client, url):
    client.get(url)  # warm the caches a real server keeps warm (group menu, thumbnails)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", ["/shop/catalogue/", "/shop/catalogue/?stars_min=3&sort=-stars"])
def test_catalogue_runs_the_same_queries_for_24_products_as_for_4(client, settings, thirty_products, url, django_assert_max_num_queries):
    settings.OSCAR_PRODUCTS_PER_PAGE = 4
    small_page_queries, small = _count_queries(client, url)
    settings.OSCAR_PRODUCTS_PER_PAGE = 24
    large_page_queries, large = _count_queries(client, url)

    assert len(small.context["products"]) == 4
    assert len(large.context["products"]) == min(24, large.context["result"].count)
    assert large_page_queries == small_page_queries
    with django_assert_max_num_queries(CATALOGUE_QUERY_BUDGET):
        client.get(url)


def test_category_page_stays_within_the_query_budget(client, settings, thirty_products, django_assert_max_num_queries):
    from oscar.core.loading import get_model

    category = get_model("catalogue", "Category").objects.get(slug="do-uong", depth=1)
    settings.OSCAR_PRODUCTS_PER_PAGE = 24
    client.get(category.get_absolute_url())
    with django_assert_max_num_queries(CATALOGUE_QUERY_BUDGET):
        response = client.get(category.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["products"]) == 10
