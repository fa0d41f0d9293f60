"""The requests the Elasticsearch backend sends, and how it reads the answers.

Faceting follows search.facets: filters that no facet counts (price, stock, category) go in the
query; facet filters go in `post_filter`, and each facet's aggregation applies the *other* ones.
"""

import datetime
from decimal import Decimal

from elasticsearch.dsl import Q, Search

from .. import ranking
from ..facets import FACET_IGNORES, facets_from_counts
from ..models import stars_valid_on
from ..query import (
    SORT_NEWEST,
    SORT_PRICE,
    SORT_PRICE_DESC,
    SORT_RECOMMENDED,
    SORT_RELEVANCE,
    SORT_STARS_DESC,
    STAR_FACET_VALUES,
    ProductHit,
    ProductPage,
    ProductQuery,
)
from ..text import TextQuery
from ..vocabulary import Concept, concept_groups, concepts, required_weight, uses_vocabulary

SOURCE_FIELDS = [
    "id", "title", "slug", "price", "stars", "certificate_valid_from", "certificate_valid_until",
    "province_code", "province", "commune_code", "commune", "seller_slug", "producer", "group_slug",
    "in_stock", "image",
]  # fmt: skip
FACET_FIELDS = {"province": "province_code", "group": "group_slug", "commune": "commune_code"}
FACET_SIZES = {"province": 100, "group": 10, "commune": 1000}
# Stars count only within the certificate's dates; `today` is epoch milliseconds of the query's day.
VALID_STARS_SCRIPT = (
    "if (doc['stars'].size() == 0 || doc['certificate_valid_from'].size() == 0"
    " || doc['certificate_valid_until'].size() == 0) { return 0; }"
    " long from = doc['certificate_valid_from'].value.toInstant().toEpochMilli();"
    " long until = doc['certificate_valid_until'].value.toInstant().toEpochMilli();"
    " return from <= params.today && params.today <= until ? doc['stars'].value : 0;"
)
NEWEST = [{"created": {"order": "desc"}}, {"id": {"order": "desc"}}]
# A synonym (search.vocabulary) scores below the words typed.
SYNONYM_BOOST = 0.5


def _epoch_millis(day: datetime.date) -> int:
    return int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp() * 1000)


def stars_at_least(stars: int, day: datetime.date) -> Q:
    iso = day.isoformat()
    return Q(
        "bool",
        filter=[
            Q("range", stars={"gte": stars}),
            Q("range", certificate_valid_from={"lte": iso}),
            Q("range", certificate_valid_until={"gte": iso}),
        ],
    )


def facet_filters(query: ProductQuery, day: datetime.date) -> dict[str, Q]:
    """Each facet filter the query sets, by its parameter name."""
    filters = {}
    if query.stars_min:
        filters["stars_min"] = stars_at_least(query.stars_min, day)
    if query.province:
        filters["province"] = Q("term", province_code=query.province)
    if query.commune:
        filters["commune"] = Q("term", commune_code=query.commune)
    if query.group:
        filters["group"] = Q("term", group_slug=query.group)
    return filters


def other_filters(query: ProductQuery) -> list[Q]:
    """Filters no facet counts: price, stock, category."""
    filters = []
    price = {key: int(value) for key, value in (("gte", query.price_min), ("lte", query.price_max)) if value is not None}
    if price:
        filters.append(Q("range", price=price))
    if query.in_stock is not None:
        filters.append(Q("term", in_stock=query.in_stock))
    if query.category_path:
        filters.append(Q("term", category_paths=query.category_path))
    return filters


def _typed_clause(concept: Concept) -> Q:
    text = " ".join(concept.exact)
    return Q("match_phrase", all_text={"query": text}) if concept.weight > 1 else Q("match", all_text={"query": text})


def _concept_clause(concept: Concept) -> Q:
    """The concept's words as typed (a vocabulary term: as a phrase) or one of its synonyms."""
    typed = _typed_clause(concept)
    if not concept.alternatives:
        return typed
    synonyms = [Q("match_phrase", all_text={"query": phrase.text, "boost": SYNONYM_BOOST}) for phrase in concept.alternatives]
    return Q("bool", should=[typed, *synonyms], minimum_should_match=1)


def words_clause(words: TextQuery, *, fuzzy: bool = False) -> Q:
    """Enough of the words — as search.backends.database counts them: concepts of the vocabulary when it
    applies; `fuzzy`: each word within AUTO edits (the request sent when nothing matched)."""
    if fuzzy:
        text = " ".join(words.distinct_exact)
        return Q("match", all_text={"query": text, "fuzziness": "AUTO", "prefix_length": 1, "minimum_should_match": words.required_words})
    found = concepts(words)
    if not uses_vocabulary(found):
        return Q("match", all_text={"query": " ".join(words.distinct_exact), "minimum_should_match": words.required_words})
    groups = [Q("bool", must=[_concept_clause(concept) for concept in group]) for group in concept_groups(found)]
    return groups[0] if len(groups) == 1 else Q("bool", should=groups, minimum_should_match=1)


def exact_clause(words: TextQuery):
    """Every concept found through the words typed; None when the words clause already requires that."""
    found = concepts(words)
    if not uses_vocabulary(found) and required_weight(found) == len(words.distinct_folded):
        return None
    return Q("bool", must=[_typed_clause(concept) for concept in found])


def text_query(words: TextQuery, filters: list[Q], *, fuzzy: bool = False) -> Q:
    """Enough words (all of one or two, all but one of more), boosted for the phrase and the title.

    `vi_text` indexes words as written and folded, so words typed with diacritics match more terms
    of a document that has them: exact matches score above folded ones.
    """
    if not words:
        return Q("bool", filter=filters) if filters else Q("match_all")
    phrase = " ".join(words.exact)
    return Q(
        "bool",
        must=[words_clause(words, fuzzy=fuzzy)],
        should=[
            Q("match_phrase", all_text={"query": phrase, "boost": 4}),
            Q("match_phrase", **{"title.folded": {"query": phrase, "boost": 2}}),
            Q("match", title={"query": phrase, "boost": 1}),
        ],
        filter=filters,
    )


def _sort(query: ProductQuery, words: TextQuery, day: datetime.date) -> list:
    if query.sort == SORT_RELEVANCE and words:
        return [{"_score": {"order": "desc"}}, *NEWEST]
    if query.sort == SORT_PRICE:
        return [{"price": {"order": "asc", "missing": "_last"}}, *NEWEST]
    if query.sort == SORT_PRICE_DESC:
        return [{"price": {"order": "desc", "missing": "_last"}}, *NEWEST]
    if query.sort == SORT_STARS_DESC:
        script = {"source": VALID_STARS_SCRIPT, "lang": "painless", "params": {"today": _epoch_millis(day)}}
        return [{"_script": {"type": "number", "order": "desc", "script": script}}, *NEWEST]
    if query.sort == SORT_RECOMMENDED:
        script = {"source": ranking.ELASTIC_SCRIPT, "lang": "painless", "params": ranking.elastic_params(day)}
        return [{"_script": {"type": "number", "order": "desc", "script": script}}, *NEWEST]
    if query.sort in (SORT_NEWEST, SORT_RELEVANCE):
        return list(NEWEST)
    raise ValueError(f"Unknown sort: {query.sort!r}")


def product_search(query: ProductQuery, *, index: str, day: datetime.date, fuzzy: bool = False) -> Search:
    """The search request for one page of `query`, with its count and facets; with an `exact` count when
    some hits may lack typed words. `fuzzy`: the words within AUTO edits, and a term suggester's
    corrections (the request sent when nothing matched the words typed)."""
    words = TextQuery.parse(query.text)
    chosen = facet_filters(query, day)
    search = Search(index=index).query(text_query(words, other_filters(query), fuzzy=fuzzy))
    exact = None if fuzzy or not words else exact_clause(words)
    if exact is not None:
        search.aggs.bucket("exact", "filter", filter=Q("bool", must=[exact], filter=list(chosen.values())))
    if fuzzy and words:
        search = search.suggest("did_you_mean", " ".join(words.exact), term={"field": "all_text", "suggest_mode": "missing"})
    if chosen:
        search = search.post_filter(Q("bool", filter=list(chosen.values())))
    for facet, ignores in FACET_IGNORES.items():
        if facet == "commune" and not query.province:
            continue
        others = [condition for name, condition in chosen.items() if name not in ignores]
        bucket = search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        if facet == "stars":
            bucket.bucket("values", "filters", filters={str(value): stars_at_least(value, day) for value in STAR_FACET_VALUES})
        else:
            bucket.bucket("values", "terms", field=FACET_FIELDS[facet], size=FACET_SIZES[facet])
    start = (query.page - 1) * query.page_size
    search = search.sort(*_sort(query, words, day)).source(SOURCE_FIELDS).extra(track_total_hits=True)
    return search[start : start + query.page_size]


def suggest_search(text: str, *, index: str, limit: int) -> Search:
    """Titles that start words with what was typed, the last word perhaps unfinished."""
    words = TextQuery.parse(text)
    fields = ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"]
    return (
        Search(index=index)
        .query(Q("multi_match", query=" ".join(words.folded), type="bool_prefix", operator="and", fields=fields))
        .sort({"_score": {"order": "desc"}}, *NEWEST)
        .source(SOURCE_FIELDS)[:limit]
    )


def hit_from_source(source: dict, day: datetime.date) -> ProductHit:
    def date(value):
        return datetime.date.fromisoformat(value) if value else None

    return ProductHit(
        id=source["id"],
        title=source["title"],
        slug=source.get("slug") or "",
        price=None if source.get("price") is None else Decimal(source["price"]),
        stars=stars_valid_on(
            stars=source.get("stars"),
            valid_from=date(source.get("certificate_valid_from")),
            valid_until=date(source.get("certificate_valid_until")),
            day=day,
        ),
        province_code=source.get("province_code") or "",
        province_name=source.get("province") or "",
        commune_code=source.get("commune_code") or "",
        commune_name=source.get("commune") or "",
        seller_slug=source.get("seller_slug") or "",
        seller_name=source.get("producer") or "",
        group_slug=source.get("group_slug") or "",
        in_stock=bool(source.get("in_stock")),
        image=source.get("image") or "",
    )


def page_from_response(raw: dict, query: ProductQuery, *, day: datetime.date) -> ProductPage:
    """A ProductPage from the raw answer to product_search(query)."""
    aggregations = raw.get("aggregations", {})

    def terms(facet):
        buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
        return {bucket["key"]: bucket["doc_count"] for bucket in buckets}

    star_buckets = aggregations.get("stars", {}).get("values", {}).get("buckets", {})
    facets = facets_from_counts(
        query,
        stars={int(value): bucket["doc_count"] for value, bucket in star_buckets.items()},
        province=terms("province"),
        group=terms("group"),
        commune=terms("commune"),
    )
    count = raw["hits"]["total"]["value"]
    exact = aggregations["exact"]["doc_count"] if "exact" in aggregations else count
    return ProductPage(
        hits=[hit_from_source(hit["_source"], day) for hit in raw["hits"]["hits"]],
        count=count,
        page=query.page,
        page_size=query.page_size,
        facets=facets,
        backend="elasticsearch",
        approximate=bool(count) and not exact,
    )


def did_you_mean(raw: dict, text: str) -> str:
    """The typed words with the term suggester's first correction of each ("" if none): one entry per
    word position (vi_text gives a word typed with diacritics twice, as written and folded)."""
    words, changed = {}, False
    for entry in raw.get("suggest", {}).get("did_you_mean", []):
        if entry["offset"] in words:
            continue
        options = entry.get("options") or []
        changed = changed or bool(options)
        words[entry["offset"]] = options[0]["text"] if options else entry["text"]
    return " ".join(words[offset] for offset in sorted(words)) if changed else ""
