"""Faceting rules both backends follow, so their counts agree.

A facet's counts are taken over the query and every filter *except its own* (and, for the province,
except the commune inside it): choosing 4★ still shows how many 3★-and-up or 5★ products there are.
"""

from collections.abc import Iterable, Mapping

from ocop_catalog.rules import PRODUCT_GROUPS

from .query import STAR_FACET_VALUES, Facets, FacetValue, ProductQuery

# Filters a facet ignores when counting its values.
FACET_IGNORES = {
    "stars": {"stars_min"},
    "province": {"province", "commune"},
    "group": {"group"},
    "commune": {"commune"},
}
FACET_FILTERS = ("stars_min", "province", "commune", "group")
GROUP_ORDER = tuple(group.slug for group in PRODUCT_GROUPS)


def active_facet_filters(query: ProductQuery) -> dict[str, object]:
    """The facet filters the query sets, by name."""
    return {name: getattr(query, name) for name in FACET_FILTERS if getattr(query, name) not in (None, "")}


def ordered(counts: Mapping, *, order: Iterable | None = None) -> list[FacetValue]:
    """Values with a count, most first then by value; or in the fixed `order` given (groups, stars)."""
    if order is not None:
        return [FacetValue(value=value, count=counts[value]) for value in order if counts.get(value)]
    items = sorted(((value, count) for value, count in counts.items() if count and value), key=lambda item: (-item[1], str(item[0])))
    return [FacetValue(value=value, count=count) for value, count in items]


def star_values() -> tuple[int, ...]:
    """Star facet values, best first: 5★, 4★ and up, 3★ and up."""
    return tuple(sorted(STAR_FACET_VALUES, reverse=True))


def facets_from_groups(rows: Iterable[dict], query: ProductQuery) -> tuple[int, Facets]:
    """The total and the facets, from rows counted by (province, group, valid stars, commune).

    Each row: province_code, group_slug, stars (0 when none valid), commune_key (the commune code
    for rows in the chosen province or commune, else ""), n.
    """
    wanted = active_facet_filters(query)
    checks = {
        "stars_min": lambda row, value: row["stars"] >= value,
        "province": lambda row, value: row["province_code"] == value,
        "commune": lambda row, value: row["commune_key"] == value,
        "group": lambda row, value: row["group_slug"] == value,
    }
    checks = [(name, checks[name], value) for name, value in wanted.items()]
    ignores = {facet: frozenset(names) for facet, names in FACET_IGNORES.items()}
    total = 0
    stars, provinces, groups, communes = {}, {}, {}, {}
    for row in rows:
        # The filters this row fails, worked out once: a facet counts it if it fails only ones the facet ignores.
        failed = frozenset(name for name, check, value in checks if not check(row, value))
        n = row["n"]
        if not failed:
            total += n
        if failed <= ignores["stars"]:
            for value in STAR_FACET_VALUES:
                if row["stars"] >= value:
                    stars[value] = stars.get(value, 0) + n
        if failed <= ignores["province"]:
            provinces[row["province_code"]] = provinces.get(row["province_code"], 0) + n
        if failed <= ignores["group"]:
            groups[row["group_slug"]] = groups.get(row["group_slug"], 0) + n
        if query.province and row["province_code"] == query.province and failed <= ignores["commune"]:
            communes[row["commune_key"]] = communes.get(row["commune_key"], 0) + n
    return total, facets_from_counts(query, stars=stars, province=provinces, group=groups, commune=communes)


def facets_from_facet_counts(query: ProductQuery, counts: Mapping[str, Mapping]) -> tuple[int, Facets]:
    """The total and the facets, from each facet's own counts (over every filter but its own).

    `counts`: "stars" by valid stars (0 for none), "province", "group" and, with a province,
    "commune" by value.
    """
    by_stars = counts["stars"]
    total = sum(n for stars, n in by_stars.items() if stars >= (query.stars_min or 0))
    stars = {value: sum(n for stars, n in by_stars.items() if stars >= value) for value in STAR_FACET_VALUES}
    return total, facets_from_counts(
        query, stars=stars, province=counts["province"], group=counts["group"], commune=counts.get("commune", {})
    )


def facets_from_counts(query: ProductQuery, *, stars: Mapping, province: Mapping, group: Mapping, commune: Mapping) -> Facets:
    """Facets in the order both backends give them."""
    return Facets(
        stars=ordered(stars, order=star_values()),
        province=ordered(province),
        group=ordered(group, order=GROUP_ORDER),
        commune=ordered(commune) if query.province else [],
    )
