"""The Elasticsearch backend without a server: the exact index definition and requests it sends,
how it reads answers, keeps the index current, and falls back on the database when it cannot."""

import datetime
import logging
from decimal import Decimal
from unittest import mock

import pytest
from celery.exceptions import Retry

from ocop_catalog.models import Commune
from search.backends import get_backend
from search.backends.elasticsearch import ElasticsearchSearchBackend
from search.elastic import client as es_client_module
from search.elastic.indexing import es_index_rebuild, es_products_sync
from search.elastic.mapping import index_body
from search.elastic.queries import product_search
from search.models import ProductSearchDocument
from search.query import FacetValue, ProductQuery
from tests.factories import make_producer, make_product

from .fake_elasticsearch import FakeServer

DAY = datetime.date(2026, 11, 29)
TEXT = {"type": "text", "analyzer": "vi_text"}
KEYWORD = {"type": "keyword"}
STORED = {"type": "keyword", "index": False, "doc_values": False}
MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "all_text": TEXT,
        "title": {**TEXT, "fields": {"folded": {"type": "text", "analyzer": "vi_folded"}}},
        "title_suggest": {"type": "search_as_you_type", "analyzer": "vi_folded"},
        "description": TEXT,
        "producer": TEXT,
        "commune": TEXT,
        "province": TEXT,
        "id": {"type": "integer"},
        "stars": {"type": "byte"},
        "certificate_valid_from": {"type": "date", "format": "yyyy-MM-dd"},
        "certificate_valid_until": {"type": "date", "format": "yyyy-MM-dd"},
        "province_code": KEYWORD,
        "commune_code": KEYWORD,
        "group_slug": KEYWORD,
        "category_paths": KEYWORD,
        "seller_slug": KEYWORD,
        "price": {"type": "long"},
        "in_stock": {"type": "boolean"},
        "has_image": {"type": "boolean"},
        "sales_band": {"type": "byte"},
        "created": {"type": "date"},
        "slug": STORED,
        "image": STORED,
    },
}


def valid_stars(stars):
    return {
        "bool": {
            "filter": [
                {"range": {"stars": {"gte": stars}}},
                {"range": {"certificate_valid_from": {"lte": "2026-11-29"}}},
                {"range": {"certificate_valid_until": {"gte": "2026-11-29"}}},
            ]
        }
    }


STAR_FACET = {"filters": {"filters": {"3": valid_stars(3), "4": valid_stars(4), "5": valid_stars(5)}}}
SOURCE = [
    "id", "title", "slug", "price", "stars", "certificate_valid_from", "certificate_valid_until", "province_code",
    "province", "commune_code", "commune", "seller_slug", "producer", "group_slug", "in_stock", "image",
]  # fmt: skip
NEWEST = [{"created": {"order": "desc"}}, {"id": {"order": "desc"}}]


@pytest.fixture(autouse=True)
def _elasticsearch_answers_again():
    es_client_module.es_mark_available()
    yield
    es_client_module.es_mark_available()


# --- the index ------------------------------------------------------------------------------


def test_index_without_icu_folds_with_standard_tokenizer_lowercase_and_asciifolding():
    assert index_body(icu=False) == {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "analyzer": {
                    "vi_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "vi_folding"]},
                    "vi_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                },
                "filter": {"vi_folding": {"type": "asciifolding", "preserve_original": True}},
            },
        },
        "mappings": MAPPINGS,
    }


def test_index_with_icu_normalises_with_icu_first():
    body = index_body(icu=True)

    assert body["settings"]["analysis"] == {
        "analyzer": {
            "vi_text": {"type": "custom", "tokenizer": "standard", "filter": ["vi_icu_normalizer", "vi_folding"]},
            "vi_folded": {"type": "custom", "tokenizer": "standard", "filter": ["vi_icu_normalizer", "asciifolding"]},
        },
        "filter": {
            "vi_icu_normalizer": {"type": "icu_normalizer", "name": "nfkc_cf"},
            "vi_folding": {"type": "asciifolding", "preserve_original": True},
        },
    }
    assert body["mappings"] == MAPPINGS


# --- the requests ---------------------------------------------------------------------------


def test_words_and_filters_request():
    query = ProductQuery(
        text="Nước  mắm", stars_min=4, province="48", price_max=Decimal(200_000), in_stock=True, sort="relevance", page=2, page_size=10
    )

    assert product_search(query, index="ocop-products", day=DAY).to_dict() == {
        "query": {
            "bool": {
                "must": [{"match": {"all_text": {"query": "nước mắm", "minimum_should_match": 2}}}],
                "should": [
                    {"match_phrase": {"all_text": {"query": "nước mắm", "boost": 4}}},
                    {"match_phrase": {"title.folded": {"query": "nước mắm", "boost": 2}}},
                    {"match": {"title": {"query": "nước mắm", "boost": 1}}},
                ],
                "filter": [{"range": {"price": {"lte": 200000}}}, {"term": {"in_stock": True}}],
            }
        },
        "post_filter": {"bool": {"filter": [valid_stars(4), {"term": {"province_code": "48"}}]}},
        "aggs": {
            "stars": {"filter": {"bool": {"filter": [{"term": {"province_code": "48"}}]}}, "aggs": {"values": STAR_FACET}},
            "province": {
                "filter": {"bool": {"filter": [valid_stars(4)]}},
                "aggs": {"values": {"terms": {"field": "province_code", "size": 100}}},
            },
            "group": {
                "filter": {"bool": {"filter": [valid_stars(4), {"term": {"province_code": "48"}}]}},
                "aggs": {"values": {"terms": {"field": "group_slug", "size": 10}}},
            },
            "commune": {
                "filter": {"bool": {"filter": [valid_stars(4), {"term": {"province_code": "48"}}]}},
                "aggs": {"values": {"terms": {"field": "commune_code", "size": 1000}}},
            },
        },
        "sort": [{"_score": {"order": "desc"}}, *NEWEST],
        "track_total_hits": True,
        "from": 10,
        "size": 10,
        "_source": SOURCE,
    }


def test_three_words_need_two_and_duplicates_count_once():
    body = product_search(ProductQuery(text="mắm ruốc mắm hội"), index="i", day=DAY).to_dict()

    assert body["query"]["bool"]["must"] == [{"match": {"all_text": {"query": "mắm ruốc hội", "minimum_should_match": 2}}}]


def test_filters_only_request_sorted_by_valid_stars():
    body = product_search(ProductQuery(group="do-uong", sort="-stars"), index="ocop-products", day=DAY).to_dict()

    assert body["query"] == {"match_all": {}}
    assert body["post_filter"] == {"bool": {"filter": [{"term": {"group_slug": "do-uong"}}]}}
    assert set(body["aggs"]) == {"stars", "province", "group"}  # no commune facet without a province
    assert body["aggs"]["group"]["filter"] == {"match_all": {}}
    script_sort = body["sort"][0]["_script"]
    assert script_sort["type"] == "number" and script_sort["order"] == "desc"
    assert script_sort["script"]["params"] == {"today": 1795910400000}  # 2026-11-29T00:00Z in ms
    assert "certificate_valid_until" in script_sort["script"]["source"]
    assert body["sort"][1:] == NEWEST


def test_recommended_order_is_one_script_rank_then_the_newest():
    body = product_search(ProductQuery(sort="recommended"), index="i", day=DAY).to_dict()

    script_sort = body["sort"][0]["_script"]
    assert script_sort["type"] == "number" and script_sort["order"] == "desc"
    params = script_sort["script"]["params"]
    assert params["today"] == 1795910400000  # 2026-11-29T00:00Z in ms
    # Fresh: listed on or after 2026-10-30 00:00 Vietnam time (30 days before), 2026-10-29T17:00Z.
    assert params["fresh_since"] == 1793293200000
    assert params["certificate"] > params["photo"] > params["stock"] > params["freshness"] > 3 * params["sales"]
    for field in ("has_image", "in_stock", "sales_band", "created", "certificate_valid_until"):
        assert f"doc['{field}']" in script_sort["script"]["source"]
    assert body["sort"][1:] == NEWEST


@pytest.mark.parametrize(
    ("sort", "first"),
    [("price", {"price": {"order": "asc", "missing": "_last"}}), ("-price", {"price": {"order": "desc", "missing": "_last"}})],
)
def test_price_sorts_put_unpriced_last(sort, first):
    assert product_search(ProductQuery(sort=sort), index="i", day=DAY).to_dict()["sort"] == [first, *NEWEST]


def test_category_price_and_stock_filters_go_in_the_query_not_the_post_filter():
    body = product_search(
        ProductQuery(category_path="0002", price_min=Decimal(1000), in_stock=False), index="i", day=DAY
    ).to_dict()

    assert body["query"] == {
        "bool": {
            "filter": [
                {"range": {"price": {"gte": 1000}}},
                {"term": {"in_stock": False}},
                {"term": {"category_paths": "0002"}},
            ]
        }
    }
    assert "post_filter" not in body


# --- answers ------------------------------------------------------------------------------------

REPLY = {
    "hits": {
        "total": {"value": 2},
        "hits": [
            {
                "_id": "7",
                "_source": {
                    "id": 7, "title": "Nước mắm nhĩ", "slug": "nuoc-mam-nhi", "price": 120000, "stars": 4,
                    "certificate_valid_from": "2025-01-01", "certificate_valid_until": "2027-12-31",
                    "province_code": "91", "province": "An Giang", "commune_code": "31078", "commune": "Đặc khu Phú Quốc",
                    "seller_slug": "ham-ninh", "producer": "Cơ sở Hàm Ninh", "group_slug": "thuc-pham", "in_stock": True,
                    "image": "images/a.jpg",
                },
            },
            {
                "_id": "8",
                "_source": {
                    "id": 8, "title": "Nước mắm cũ", "slug": "nuoc-mam-cu", "price": None, "stars": 5,
                    "certificate_valid_from": "2021-01-01", "certificate_valid_until": "2024-01-01",
                    "province_code": "91", "province": "An Giang", "commune_code": "31078", "commune": "Đặc khu Phú Quốc",
                    "seller_slug": "ham-ninh", "producer": "Cơ sở Hàm Ninh", "group_slug": "thuc-pham", "in_stock": False,
                    "image": None,
                },
            },
        ],
    },
    "aggregations": {
        "stars": {"doc_count": 2, "values": {"buckets": {"3": {"doc_count": 1}, "4": {"doc_count": 1}, "5": {"doc_count": 0}}}},
        "province": {"doc_count": 2, "values": {"buckets": [{"key": "91", "doc_count": 2}, {"key": "01", "doc_count": 1}]}},
        "group": {"doc_count": 2, "values": {"buckets": [{"key": "do-uong", "doc_count": 1}, {"key": "thuc-pham", "doc_count": 2}]}},
    },
}  # fmt: skip


def test_backend_sends_the_request_to_the_alias_and_reads_the_answer():
    server = FakeServer(search_reply=REPLY)
    backend = ElasticsearchSearchBackend(client=server.client(), index="ocop-products")
    query = ProductQuery(text="nuoc mam", day=DAY)

    page = backend.search(query)

    assert server.paths() == ["/ocop-products/_search"]
    assert server.bodies("_search") == [product_search(query, index="ocop-products", day=DAY).to_dict()]
    assert page.count == 2 and page.backend == "elasticsearch"
    first, expired = page.hits
    assert (first.id, first.title, first.price, first.stars, first.province_name, first.seller_name) == (
        7, "Nước mắm nhĩ", Decimal(120000), 4, "An Giang", "Cơ sở Hàm Ninh"
    )
    assert expired.stars is None and expired.price is None and expired.image == ""
    assert page.facets.stars == [FacetValue(4, 1), FacetValue(3, 1)]
    assert page.facets.province == [FacetValue("91", 2), FacetValue("01", 1)]
    assert page.facets.group == [FacetValue("thuc-pham", 2), FacetValue("do-uong", 1)]  # the groups' own order
    assert page.facets.commune == []


# --- falling back -------------------------------------------------------------------------------


@pytest.fixture
def elasticsearch_configured(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9200"
    settings.SEARCH_BACKEND = "elasticsearch"
    return settings


@pytest.fixture
def product(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"))
    return make_product(producer=producer, title="Nước mắm Cửa Hội", stars=4)


@pytest.mark.django_db
def test_unreachable_elasticsearch_answers_from_the_database_with_a_warning(elasticsearch_configured, settings, product, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    caplog.set_level(logging.WARNING, logger="search")

    page = get_backend().search(ProductQuery(text="nuoc mam"))

    assert page.backend == "database"
    assert [hit.id for hit in page.hits] == [product.pk]
    assert any("Elasticsearch unavailable" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_search_page_and_api_work_while_elasticsearch_is_down(elasticsearch_configured, settings, client, product):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    page = client.get("/shop/search/?q=nuoc+mam")
    api = client.get("/api/search/products/?q=nuoc+mam")
    suggest = client.get("/api/search/suggest/?q=nuoc")

    assert page.status_code == 200 and [p.pk for p in page.context["products"]] == [product.pk]
    assert api.status_code == 200 and api.json()["count"] == 1
    assert suggest.status_code == 200 and suggest.json()["products"][0]["id"] == product.pk


@pytest.mark.django_db
def test_after_a_failure_elasticsearch_is_not_asked_again_for_a_while(elasticsearch_configured, product):
    server = FakeServer(down=True)
    with mock.patch("search.backends.elasticsearch.es_client", server.client):
        get_backend().search(ProductQuery())
        get_backend().search(ProductQuery())

    assert not es_client_module.es_available()


# --- keeping the index current ----------------------------------------------------------------


@pytest.mark.django_db
def test_sync_indexes_present_documents_and_deletes_missing_ones_through_the_alias(elasticsearch_configured, product):
    server = FakeServer()
    document = ProductSearchDocument.objects.get(pk=product.pk)

    indexed, deleted = es_products_sync(product_ids=[product.pk, 999_999], client=server.client())

    assert (indexed, deleted) == (1, 1)
    ((method, path, params, operations),) = server.requests
    assert (method, path, params) == ("PUT", "/ocop-products/_bulk", {"require_alias": ["true"]})
    assert operations[0] == {"index": {"_id": product.pk}}
    source = operations[1]
    assert source["title"] == "Nước mắm Cửa Hội" and source["stars"] == 4 and source["province_code"] == "01"
    assert source["all_text"] == document.search_text.strip()
    assert source["price"] == 100_000 and source["category_paths"]
    assert operations[2] == {"delete": {"_id": 999_999}}


@pytest.mark.django_db
def test_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old_one(elasticsearch_configured, product):
    server = FakeServer(aliases={"ocop-products-old": "ocop-products"}, plugins=["analysis-icu"])
    seen = []

    result = es_index_rebuild(client=server.client(), progress=lambda done, total: seen.append((done, total)))

    created = [(path, body) for method, path, _, body in server.requests if method == "PUT" and "_" not in path.rsplit("/", 1)[-1][:1]]
    new_index = result.index
    assert new_index.startswith("ocop-products-") and result.icu is True
    assert (f"/{new_index}", index_body(icu=True)) in created
    documents = [line for body in server.bodies("_bulk") for line in body if "title" in line]
    assert [document["id"] for document in documents] == [product.pk]
    assert server.bodies("/_aliases") == [
        {"actions": [{"remove": {"index": "ocop-products-old", "alias": "ocop-products"}}, {"add": {"index": new_index, "alias": "ocop-products"}}]}
    ]
    assert ("DELETE", "/ocop-products-old") in [(method, path) for method, path, _, _ in server.requests]
    assert seen[-1] == (1, 1)
    assert result.removed_indices == ("ocop-products-old",)


@pytest.mark.django_db
def test_sync_task_retries_with_backoff_while_elasticsearch_is_down(elasticsearch_configured, product):
    from search.tasks import sync_elasticsearch

    server = FakeServer(down=True)
    with mock.patch("search.elastic.indexing.es_client", server.client), mock.patch.object(
        sync_elasticsearch, "retry", side_effect=Retry()
    ) as retry, pytest.raises(Retry):
        sync_elasticsearch.run([product.pk])

    assert retry.call_args.kwargs["countdown"] == 5


@pytest.mark.django_db
def test_sync_task_run_inline_only_warns_when_elasticsearch_is_down(elasticsearch_configured, product, caplog):
    from search.tasks import sync_elasticsearch

    server = FakeServer(down=True)
    with mock.patch("search.elastic.indexing.es_client", server.client):
        result = sync_elasticsearch.apply(args=[[product.pk]])

    assert result.successful() and result.result is None
    assert "Elasticsearch not updated" in caplog.text


@pytest.mark.django_db
def test_reindex_command_rebuilds_the_table_and_elasticsearch(elasticsearch_configured, product):
    from io import StringIO

    from django.core.management import call_command

    server = FakeServer()
    out = StringIO()
    with mock.patch("search.elastic.indexing.es_client", server.client):
        call_command("search_reindex", stdout=out)

    assert "Search table: 1 of 1 products on sale." in out.getvalue()
    assert "Elasticsearch: 1 documents in ocop-products-" in out.getvalue()
    assert "(standard analysis)" in out.getvalue()
