"""Search tests: the same contract for every backend.

`backend_name` runs a test on the database backend always, and on Elasticsearch when
ELASTICSEARCH_URL is set (marked `elasticsearch`; skipped with the reason otherwise).
"""

import os
import uuid

import pytest
from django.test import override_settings

from ocop_catalog import services
from ocop_catalog.models import Commune
from tests.factories import make_producer

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
BACKENDS = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]

# Products made for ranking: same folded words, different diacritics; a phrase and scattered words.
RANKING_PRODUCTS = {
    "phrase": ("Nước mắm Cửa Hội", "Nước mắm truyền thống của làng chài."),
    "scattered": ("Mắm ruốc Cửa Hội", "Pha với nước ấm trước khi dùng."),
    "tam": ("Gạo tám thơm Hải Hậu", "Gạo thơm dẻo."),
    "tam_broken": ("Gạo tấm thơm Hải Hậu", "Gạo thơm dẻo."),
}


def listed(*, producer, title: str, description: str = "Mô tả sản phẩm.", group: str = "thuc-pham", price_vnd: int = 100_000, stock: int = 10):
    """A product listed through the catalogue's service (so search hears of it as in production)."""
    listing = services.ListingData(
        sku=f"S-{uuid.uuid4().hex[:10]}", title=title, description=description, group_slug=group, price_vnd=price_vnd, stock=stock
    )
    return services.product_listing_save(producer=producer, listing=listing)


@pytest.fixture(autouse=True)
def _no_cached_answers(settings):
    # Each request asks the backend (test_cache.py turns the cache back on).
    settings.SEARCH_CACHE_SECONDS = 0


@pytest.fixture(scope="module")
def catalogue(demo_catalogue, django_db_blocker):
    """The demo catalogue plus the ranking products, by key; rolled back with the demo catalogue."""
    with django_db_blocker.unblock():
        producer = make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Thử nghiệm Ba Đình")
        return {key: listed(producer=producer, title=title, description=text) for key, (title, text) in RANKING_PRODUCTS.items()}


class ElasticsearchIndex:
    """A throw-away index holding the search table, for one test module."""

    def __init__(self):
        from search.elastic.client import es_client

        self.alias = f"ocop-test-{uuid.uuid4().hex[:8]}"
        self.override = override_settings(ELASTICSEARCH_URL=ES_URL, SEARCH_BACKEND="elasticsearch", SEARCH_INDEX_NAME=self.alias)
        self.client = es_client

    def __enter__(self):
        from search.elastic.indexing import es_index_rebuild

        self.override.enable()
        es_index_rebuild()
        return self

    def sync(self, product_ids=None):
        from search.elastic.indexing import es_products_sync
        from search.models import ProductSearchDocument

        ids = product_ids if product_ids is not None else ProductSearchDocument.objects.values_list("pk", flat=True)
        es_products_sync(product_ids=ids)
        self.client().indices.refresh(index=self.alias)

    def __exit__(self, *exc):
        client = self.client()
        for index in client.indices.get_alias(name=self.alias).body:  # by name: wildcards may be refused
            client.indices.delete(index=index)
        self.override.disable()


@pytest.fixture(scope="module", params=BACKENDS)
def backend_name(request, catalogue, django_db_blocker):
    if request.param == "database":
        yield "database"
        return
    if not ES_URL:
        pytest.skip("needs a real Elasticsearch: set ELASTICSEARCH_URL")
    with django_db_blocker.unblock(), ElasticsearchIndex() as index:
        request.module.es_index = index
        yield "elasticsearch"


@pytest.fixture
def backend(backend_name):
    from search.backends.database import DatabaseSearchBackend

    if backend_name == "database":
        return DatabaseSearchBackend()
    from search.backends.elasticsearch import ElasticsearchSearchBackend

    return ElasticsearchSearchBackend()


@pytest.fixture
def reindexed(backend_name, request):
    """Call after changing the catalogue in a test: the backend sees the change."""

    def sync(product_ids=None):
        if backend_name == "elasticsearch":
            request.module.es_index.sync(product_ids)

    return sync


@pytest.fixture
def make_seller(localities):
    """An approved seller of the sellers app (its own partner), through the sellers' services."""
    from sellers.services import application_approve, application_submit
    from tests.sellers.conftest import seller_data

    counter = iter(range(1, 1000))

    def make(**overrides):
        number = next(counter)
        data = seller_data(tax_code=f"47001234{number:02d}", email=f"search-seller{number}@example.vn", **overrides)
        return application_approve(application=application_submit(data=data))

    return make
