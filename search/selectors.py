"""Reads for search: ratings and sales behind hits, products to reindex, localities to suggest."""

import functools
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from oscar.core.loading import get_model

from ocop_catalog import prepared
from ocop_catalog import selectors as ocop_selectors
from ocop_catalog.models import Commune, Province
from ocop_catalog.text import fold

from .text import TextQuery

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")


@dataclass(frozen=True)
class CardStats:
    """What a card shows that the search document does not hold: the review rating (None if unrated), the
    number sold (Oscar's analytics counter, 0 if none) and the producer's name and page (its slug)."""

    rating: float | None
    sold: int
    maker: tuple = ()


def card_stats_on_sale(*, ids) -> dict[int, CardStats]:
    """Of the products `ids`, those still on sale, with their card stats; one query (the sales counter is a
    left join). Neither is in the search document, so reviews and sales reach cached cards through this."""
    ids = list(dict.fromkeys(int(pk) for pk in ids))  # bound as they are: ints, once each
    if not ids:
        return {}
    sql, params, positions = _card_stats_sql(len(ids))
    values = list(params)
    for position, pk in zip(positions, ids, strict=True):
        values[position] = pk
    rows = prepared.fetch(connection.alias, sql, values)
    return {pk: CardStats(rating, sold or 0, (name, slug)) for pk, rating, sold, name, slug in rows}


@functools.lru_cache(maxsize=128)
def _card_stats_sql(count: int) -> tuple[str, tuple, tuple[int, ...]]:
    """card_stats_on_sale's query for `count` products, compiled once per process (every list page runs it, and the
    ORM took longer to build it than PostgreSQL to answer it): its SQL, its parameters, and where the ids go among
    them. On PostgreSQL it runs prepared, so each connection plans it once per page size."""
    placeholders = [-(number + 1) for number in range(count)]  # no product has a negative id
    queryset = (
        Product.objects.browsable()
        .filter(pk__in=placeholders)
        .values_list("pk", "rating", "stats__num_purchases", "ocop_producer__name", "ocop_producer__slug")
    )
    sql, params = queryset.query.sql_with_params()
    positions = tuple(
        index
        for index, value in enumerate(params)
        if type(value) is int and value in placeholders  # an int, not a bool
    )
    if [params[index] for index in positions] != placeholders:
        raise RuntimeError("the card stats query's ids are not where they were expected")
    return sql, tuple(params), positions


def product_ids_of_producer(*, partner_id: int) -> list[int]:
    return list(Product.objects.filter(producer_id=partner_id, parent=None).values_list("pk", flat=True))


def product_ids_of_ocop_producer(*, producer_id: int) -> list[int]:
    return list(Product.objects.filter(ocop_producer_id=producer_id, parent=None).values_list("pk", flat=True))


def product_ids_in_category(*, category_id: int) -> list[int]:
    """Products in the category or any below it."""
    path = Category.objects.filter(pk=category_id).values_list("path", flat=True).first()
    if path is None:
        return []
    return list(ProductCategory.objects.filter(category__path__startswith=path).values_list("product_id", flat=True).distinct())


@dataclass(frozen=True)
class LocalitySuggestion:
    kind: str  # "province" or "commune"
    code: str
    name: str
    province_code: str
    province_name: str


LOCALITIES_CACHE_KEY = "search:localities:v1"


def _localities() -> list[tuple[str, LocalitySuggestion]]:
    """Every province and commune with its folded name; cached like the locality choices."""
    localities = cache.get(LOCALITIES_CACHE_KEY)
    if localities is None:
        provinces = dict(Province.objects.values_list("code", "short_name"))
        localities = [(f" {fold(name)} ", LocalitySuggestion("province", code, name, code, name)) for code, name in provinces.items()] + [
            (f" {fold(name)} ", LocalitySuggestion("commune", code, name, province, provinces.get(province, "")))
            for code, name, province in Commune.objects.values_list("code", "name", "province_id")
        ]
        cache.set(LOCALITIES_CACHE_KEY, localities, ocop_selectors.LOCALITY_CACHE_SECONDS)
    return localities


def localities_matching(text: str, *, limit: int = 5) -> list[LocalitySuggestion]:
    """Provinces, then communes, whose names start words with what was typed (folded)."""
    words = TextQuery.parse(text)
    if not words:
        return []
    *whole, last = words.folded
    found = [locality for folded, locality in _localities() if f" {last}" in folded and all(f" {word} " in folded for word in whole)]
    found.sort(key=lambda locality: (locality.kind != "province", len(locality.name), locality.name))
    return found[:limit]
