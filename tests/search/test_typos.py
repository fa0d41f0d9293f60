"""Typo tolerance: the same contract on every backend — when nothing matches the words typed, the words
within Elasticsearch's AUTO edits are searched, the page says so and offers "did you mean" with a link.

Elasticsearch cannot run here: its request bodies and the reading of its answers are tested exactly.
PostgreSQL-only checks (pg_trgm, its index) are marked `postgres`."""

import datetime

import pytest
from django.db import connection

from ocop_catalog.models import Commune
from search.backends.elasticsearch import ElasticsearchSearchBackend
from search.elastic.queries import did_you_mean, product_search
from search.query import ProductQuery
from search.text import TextQuery
from search.vocabulary.spelling import corrected, edit_distance, lexicon, max_edits
from tests.factories import make_producer
from tests.search.conftest import listed

DAY = datetime.date(2026, 11, 29)


@pytest.mark.parametrize(("word", "edits"), [("ca", 0), ("mat", 1), ("bonsai", 2), ("robusta", 2)])
def test_edits_allowed_follow_elasticsearchs_auto(word, edits):
    assert max_edits(word) == edits


def test_a_swap_of_neighbours_is_one_edit():
    assert edit_distance("bonsia", "bonsai", limit=2) == 1
    assert edit_distance("ongg", "ong", limit=1) == 1
    assert edit_distance("pizza", "mat", limit=1) == 2  # over the limit: stops early


def test_corrections_keep_the_known_words_and_write_them_as_products_do():
    forms = lexicon([" mật ong bạc hà ", " mật ong rừng "])

    assert corrected(TextQuery.parse("mat ongg"), forms) == "mật ong"
    assert corrected(TextQuery.parse("mat ong"), forms) == ""  # nothing to correct
    assert corrected(TextQuery.parse("xyzzy"), forms) == ""


# --- Elasticsearch: the exact bodies ------------------------------------------------------------


def test_elasticsearch_fuzzy_request_uses_auto_fuzziness_and_asks_the_term_suggester():
    body = product_search(ProductQuery(text="mat ongg", sort="relevance"), index="i", day=DAY, fuzzy=True).to_dict()

    assert body["query"]["bool"]["must"] == [
        {"match": {"all_text": {"query": "mat ongg", "fuzziness": "AUTO", "prefix_length": 1, "minimum_should_match": 2}}}
    ]
    assert body["suggest"] == {"did_you_mean": {"text": "mat ongg", "term": {"field": "all_text", "suggest_mode": "missing"}}}
    assert "exact" not in body["aggs"]


def test_did_you_mean_takes_the_first_option_of_each_word_once():
    raw = {"suggest": {"did_you_mean": [
        {"text": "mật", "offset": 0, "length": 3, "options": []},
        {"text": "mat", "offset": 0, "length": 3, "options": []},
        {"text": "ongg", "offset": 4, "length": 4, "options": [{"text": "ong", "score": 0.75, "freq": 3}]},
    ]}}  # fmt: skip

    assert did_you_mean(raw, "mật ongg") == "mật ong"
    assert did_you_mean({"suggest": {"did_you_mean": [{"text": "ong", "offset": 0, "options": []}]}}, "ong") == ""


class TwoAnswers:
    """A client answering each search with the next reply, recording the bodies."""

    def __init__(self, *replies):
        self.replies, self.bodies = list(replies), []

    def search(self, *, index, body):
        self.bodies.append(body)
        return self.replies.pop(0)


def test_elasticsearch_asks_again_with_fuzziness_only_when_nothing_matched():
    nothing = {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {}}
    fuzzy = {
        "hits": {"total": {"value": 1}, "hits": [{"_source": {"id": 3, "title": "Mật ong bạc hà"}}]},
        "aggregations": {},
        "suggest": {"did_you_mean": [{"text": "mat", "offset": 0, "options": []}, {"text": "ongg", "offset": 4, "options": [{"text": "ong"}]}]},
    }
    client = TwoAnswers(nothing, fuzzy)
    query = ProductQuery(text="mat ongg", day=DAY)

    page = ElasticsearchSearchBackend(client=client, index="i").search(query)

    assert client.bodies == [product_search(query, index="i", day=DAY).to_dict(), product_search(query, index="i", day=DAY, fuzzy=True).to_dict()]
    assert [hit.id for hit in page.hits] == [3] and page.approximate and page.did_you_mean == "mat ong"

    found = TwoAnswers({"hits": {"total": {"value": 1}, "hits": [{"_source": {"id": 3, "title": "Mật ong"}}]}, "aggregations": {}})
    assert ElasticsearchSearchBackend(client=found, index="i").search(ProductQuery(text="mat ong", day=DAY)).count == 1
    assert len(found.bodies) == 1


# --- the database and the page ------------------------------------------------------------------


@pytest.fixture
def honey(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"), name="Cơ sở Thử nghiệm")
    return listed(producer=producer, title="Mật ong bạc hà Mèo Vạc", description="Mật ong từ hoa bạc hà.")


@pytest.mark.django_db
def test_the_results_page_says_the_match_is_approximate_and_links_the_correction(client, honey):
    response = client.get("/shop/search/", {"q": "mat ongg", "in_stock": "1"}, HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Không có kết quả khớp chính xác — đang hiện kết quả gần đúng" in html
    assert "Có phải bạn muốn tìm:" in html
    assert 'href="?q=m%E1%BA%ADt+ong&amp;in_stock=1"' in html or 'href="?in_stock=1&amp;q=m%E1%BA%ADt+ong"' in html
    assert "Mật ong bạc hà Mèo Vạc" in html


@pytest.mark.django_db
def test_an_exact_match_shows_no_notice(client, honey):
    html = client.get("/shop/search/", {"q": "mật ong"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    assert "Mật ong bạc hà Mèo Vạc" in html
    assert "gần đúng" not in html and "Có phải bạn muốn tìm" not in html


@pytest.mark.django_db
def test_a_typo_page_stays_within_the_query_budget(client, honey, django_assert_max_num_queries):
    client.get("/shop/search/?q=mat+ongg")  # warm the caches a running server keeps warm
    with django_assert_max_num_queries(12):
        assert client.get("/shop/search/?q=mat+ongg").status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgresql_finds_typo_candidates_through_the_trigram_index(honey):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == ("pg_trgm",)
        cursor.execute("SET enable_seqscan = off")  # a handful of rows: make the planner show it can use the index
        cursor.execute("EXPLAIN SELECT product_id FROM search_productsearchdocument WHERE ocop_unaccent(search_text) %> 'mat ongg'")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "search_doc_folded_trgm" in plan
