"""A query asked again is answered from the cache, until the index changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop_catalog.models import Commune
from search.backends import get_backend
from search.query import ProductQuery
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cached(settings):
    settings.SEARCH_CACHE_SECONDS = 60


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"))


def test_the_same_query_is_answered_without_the_database(producer):
    make_product(producer=producer, title="Mật ong bạc hà")
    get_backend().search(ProductQuery(text="mat ong"))

    with CaptureQueriesContext(connection) as queries:
        page = get_backend().search(ProductQuery(text="mat ong"))

    assert page.count == 1 and len(queries) == 0


def test_a_catalogue_change_retires_cached_answers(producer):
    first = make_product(producer=producer, title="Mật ong bạc hà")
    assert get_backend().search(ProductQuery(text="mat ong")).count == 1

    second = make_product(producer=producer, title="Mật ong rừng")
    assert get_backend().search(ProductQuery(text="mat ong")).count == 2

    record = first.stockrecords.get()
    record.price = 1
    record.save()
    hits = get_backend().search(ProductQuery(text="mat ong", sort="price")).hits
    assert [hit.id for hit in hits] == [first.pk, second.pk]
