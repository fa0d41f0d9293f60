"""The search vocabulary (search/vocabulary/synonyms.txt): read as data, folded like the search text, and
sent the same way by both backends (Elasticsearch: the exact query body; the database: test_relevance.py)."""

import datetime

from search.elastic.queries import product_search
from search.query import ProductQuery
from search.text import TextQuery
from search.vocabulary import Phrase, concepts, parse_vocabulary, vocabulary

DAY = datetime.date(2026, 11, 29)


def test_the_shipped_vocabulary_knows_seafood_gifts_and_honey():
    terms = vocabulary()

    assert {Phrase(("mực",), exact=True), Phrase(("tôm",), exact=True)} <= set(terms[("hai", "san")])
    assert Phrase(("quà", "tặng"), exact=True) in terms[("qua", "bieu")]
    assert Phrase(("honey",), exact=False) in terms[("mat", "ong")]
    assert Phrase(("mật", "ong"), exact=True) in terms[("honey",)]
    assert ("dac", "san") in terms


def test_a_category_finds_its_members_but_not_the_other_way_round():
    terms = parse_vocabulary("hải sản => mực, tôm\nmật ong, honey")

    assert terms[("hai", "san")] == (Phrase(("mực",), exact=True), Phrase(("tôm",), exact=True))
    assert ("muc",) not in terms
    assert terms[("honey",)] == (Phrase(("mật", "ong"), exact=True),)


def test_a_term_is_found_typed_with_or_without_diacritics_and_in_nfd():
    plain, marked, decomposed = (concepts(TextQuery.parse(text)) for text in ("hai san", "Hải  Sản", "ha\u0309i sa\u0309n"))

    assert plain[0].alternatives == marked[0].alternatives == decomposed[0].alternatives != ()
    assert [concept.folded for concept in concepts(TextQuery.parse("pizza hải sản tươi"))] == [("pizza",), ("hai", "san"), ("tuoi",)]


def test_comments_blank_lines_and_duplicates_are_ignored():
    terms = parse_vocabulary("# a comment\n\ntrà, chè  # tea\ntrà, chè, trà\n")

    assert terms == {("tra",): (Phrase(("chè",), exact=True),), ("che",): (Phrase(("trà",), exact=True),)}


def test_elasticsearch_sends_a_vocabulary_term_as_a_phrase_or_its_synonyms():
    body = product_search(ProductQuery(text="hai san", sort="relevance"), index="i", day=DAY).to_dict()
    synonyms = [{"match_phrase": {"all_text": {"query": phrase.text, "boost": 0.5}}} for phrase in vocabulary()[("hai", "san")]]

    assert body["query"]["bool"]["must"] == [
        {"bool": {"must": [{"bool": {"should": [{"match_phrase": {"all_text": {"query": "hai san"}}}, *synonyms], "minimum_should_match": 1}}]}}
    ]
    # Whether any hit holds the words typed: the honest "no exact match" line.
    assert body["aggs"]["exact"] == {"filter": {"bool": {"must": [{"bool": {"must": [{"match_phrase": {"all_text": {"query": "hai san"}}}]}}]}}}


def test_elasticsearch_needs_enough_concepts_like_the_database():
    body = product_search(ProductQuery(text="pizza mật ong"), index="i", day=DAY).to_dict()
    honey = {"bool": {"should": [{"match_phrase": {"all_text": {"query": "mật ong"}}},
                                 {"match_phrase": {"all_text": {"query": "honey", "boost": 0.5}}}], "minimum_should_match": 1}}  # fmt: skip

    # Three words, two needed: "mật ong" alone is enough, "pizza" alone is not.
    assert body["query"]["bool"]["must"] == [{"bool": {"must": [honey]}}]


def test_elasticsearch_reads_the_exact_count_to_flag_an_approximate_page():
    from search.elastic.queries import page_from_response

    query = ProductQuery(text="hải sản", day=DAY)
    hit = {"_source": {"id": 1, "title": "Mực khô"}}
    synonyms_only = {"hits": {"total": {"value": 1}, "hits": [hit]}, "aggregations": {"exact": {"doc_count": 0}}}
    exact = {"hits": {"total": {"value": 1}, "hits": [hit]}, "aggregations": {"exact": {"doc_count": 1}}}

    assert page_from_response(synonyms_only, query, day=DAY).approximate
    assert not page_from_response(exact, query, day=DAY).approximate


def test_words_without_vocabulary_send_the_same_request_as_before():
    body = product_search(ProductQuery(text="nước mắm"), index="i", day=DAY).to_dict()

    assert body["query"]["bool"]["must"] == [{"match": {"all_text": {"query": "nước mắm", "minimum_should_match": 2}}}]
    assert "exact" not in body["aggs"]
