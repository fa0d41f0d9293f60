"""The map's GeoJSON features built by PostgreSQL: one statement per kind, one JSON text per feature.

Same places, order and content as programme.map_selectors.map_places_uncached + programme.map_presenters.feature
(tests/programme/test_map_features_sql.py compares the two), without the Python objects in between: for 10,000
places building MapPlace objects and feature dicts cost more than the queries. Producers read their offers in
one grouped pass over the catalogue's own tables (not the search table: it is refreshed by Celery after commit,
so a map answer cached in between would stay stale until the next change). PostgreSQL only.
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, OcopCertificate, Producer, Province
from ocop_catalog.sale import APPROVED
from ocop_catalog.selectors import group_root_categories

from .map_selectors import PILOT_FLAGS, TOURISM_GROUP, MapFilters

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

T = {
    "product": Product._meta.db_table, "partner": Partner._meta.db_table, "pc": ProductCategory._meta.db_table,
    "category": Category._meta.db_table, "certificate": OcopCertificate._meta.db_table,
    "producer": Producer._meta.db_table, "commune": Commune._meta.db_table, "province": Province._meta.db_table,
}  # fmt: skip

# urllib.parse.quote(slug) in SQL: an ASCII slug of quote's safe characters is itself (every slug slugify_vi
# makes); anything else is percent-encoded byte by byte, as quote does.
_QUOTE = """CASE WHEN {s} ~ '^[A-Za-z0-9_.~/-]*$' THEN {s} ELSE (
    SELECT string_agg(CASE WHEN b < 128 AND chr(b) ~ '^[A-Za-z0-9_.~/-]$' THEN chr(b)
                           ELSE '%%' || upper(lpad(to_hex(b), 2, '0')) END, '' ORDER BY i)
    FROM (SELECT i, get_byte(convert_to({s}, 'UTF8'), i) AS b
          FROM generate_series(0, octet_length(convert_to({s}, 'UTF8')) - 1) AS i) AS bytes) END"""

_AREA = "concat_ws(', ', nullif(cm.name, ''), nullif(pv.short_name, ''))"  # map_presenters.place_area

# Python sorts strings by code point: so does PostgreSQL under "C" on UTF-8 text.
_ORDER = 'ORDER BY coalesce(pv.short_name, \'\') COLLATE "C", {name} COLLATE "C", ({pk})::text COLLATE "C"'


def _pilots(commune: str) -> str:
    """map_selectors._pilots as a JSON array's text."""
    return (
        f'CASE WHEN {commune}.is_ecommerce_pilot AND {commune}.is_smart_rural_pilot THEN \'["ecommerce","smart"]\' '
        f"WHEN {commune}.is_ecommerce_pilot THEN '[\"ecommerce\"]' WHEN {commune}.is_smart_rural_pilot THEN '[\"smart\"]' "
        "ELSE '[]' END"
    )


def _commune_url(commune: str, params: list, catalogue: str) -> str:
    """PlaceLinks.commune: the catalogue filtered to the place's commune (codes are digits: nothing to quote)."""
    params += [catalogue, catalogue]
    return f"CASE WHEN {commune}.code IS NULL THEN %s ELSE %s || '?province=' || {commune}.province_id || '&commune=' || {commune}.code END"


def _feature(*, kind: str, pk: str, lat: str, lon: str, name: str, url: str, stars: str, group: str, area: str, pilots: str, nearby: str = "") -> str:
    """map_presenters.feature as one text, written out (twice as fast as nested json_build_object for 10,000
    rows); strings pass through to_json, which escapes them as JSON. Coordinates rounded as Python's round(x, 6)."""
    text = "coalesce(to_json(({value}))::text, 'null')"
    nearby_part = f""" || ',"nearby_url":' || {text.format(value=nearby)}""" if nearby else ""
    return f"""'{{"type":"Feature","id":' || to_json('{kind}-' || {pk})::text
    || ',"geometry":{{"type":"Point","coordinates":[' || round(({lon})::numeric, 6) || ',' || round(({lat})::numeric, 6)
    || ']}},"properties":{{"kind":"{kind}","name":' || to_json({name})::text || ',"url":' || {text.format(value=url)}
    || ',"stars":' || coalesce(({stars})::text, 'null') || ',"group":' || {text.format(value=group)}
    || ',"area":' || {text.format(value=area)} || ',"pilots":' || {pilots}{nearby_part} || '}}}}'"""


def _locality_where(filters: MapFilters, params: list, *, commune: str, lat: str, lon: str) -> list[str]:
    where = [f"{lat} IS NOT NULL", f"{lon} IS NOT NULL"]
    if filters.province:
        where.append(f"{commune}.province_id = %s")
        params.append(filters.province)
    if filters.pilot:
        where.append(f"{commune}.{PILOT_FLAGS[filters.pilot]}")
    if filters.bbox:
        box = filters.bbox
        where.append(f"{lat} BETWEEN %s AND %s AND {lon} BETWEEN %s AND %s")
        params += [box.south, box.north, box.west, box.east]
    return where


def _valid(certificate: str, params: list, day: datetime.date) -> str:
    """ocop_catalog.selectors.certificates_valid_on."""
    params += [OcopCertificate.Status.VERIFIED, day, day]
    return f"{certificate}.status = %s AND {certificate}.issued_on <= %s AND {certificate}.expires_on >= %s"


def _in_group(product: str, params: list, path: str) -> str:
    params.append(path + "%")
    return (
        f"EXISTS (SELECT 1 FROM {T['pc']} pc JOIN {T['category']} c ON c.id = pc.category_id WHERE pc.product_id = {product}.id AND c.path LIKE %s)"
    )


def _on_sale(product: str, params: list) -> str:
    """ocop_catalog.sale.on_sale_q."""
    params.append(APPROVED)
    return (
        f"{product}.is_public AND {product}.parent_id IS NULL AND {product}.listing_review = %s AND "
        f"({product}.producer_id IS NULL OR NOT EXISTS (SELECT 1 FROM {T['partner']} s WHERE s.id = {product}.producer_id AND s.is_suspended))"
    )


# A box up to this many square degrees (a province is ~1) narrows the offers read to its producers' first. Over a
# larger one reading all offers once is cheaper: the planner cannot estimate a box's share of the producers, and
# probing the products of thousands of producers one by one costs more than one pass (on 10,000 places, a 4° view:
# p95 65 ms narrowed first, 45 ms not; the whole country 143 ms against 76 ms).
SMALL_BOX_DEGREES2 = 4.0


def _small(box) -> bool:
    return box is not None and (box.east - box.west) * (box.north - box.south) <= SMALL_BOX_DEGREES2


def _producers_sql(filters: MapFilters, *, paths: dict[str, str], links: dict, day: datetime.date) -> tuple[str, list]:
    offer_params: list = []
    offer_where = [_on_sale("p", offer_params), "p.ocop_producer_id IS NOT NULL"]
    lat, lon = "coalesce(pr.latitude, cm.latitude)", "coalesce(pr.longitude, cm.longitude)"
    if filters.province or filters.pilot or _small(filters.bbox):  # a part of the map: read only its producers' offers
        here = _locality_where(filters, offer_params, commune="cm", lat=lat, lon=lon)
        offer_where.append(
            f"p.ocop_producer_id IN (SELECT pr.id FROM {T['producer']} pr LEFT JOIN {T['commune']} cm ON cm.code = pr.commune_id "
            f"WHERE {' AND '.join(here)})"
        )
    if TOURISM_GROUP in paths:
        offer_where.append("NOT " + _in_group("p", offer_params, paths[TOURISM_GROUP]))
    if filters.group:
        offer_where.append(_in_group("p", offer_params, paths[filters.group]))
    if filters.stars_min:
        offer_where.append(
            f"EXISTS (SELECT 1 FROM {T['certificate']} oc WHERE oc.product_id = p.id AND {_valid('oc', offer_params, day)} AND oc.stars >= %s)"
        )
        offer_params.append(filters.stars_min)
    params = list(offer_params)
    star_where = _valid("c", params, day)
    # The producer's link, or (route missing) its commune's.
    if links["producer"]:
        before, after = links["producer"]
        url = f"%s || {_QUOTE.format(s='pr.slug')} || %s"
        params += [before, after]
    else:
        url = _commune_url("cm", params, links["catalogue"])
    group = f"CASE a.root {' '.join('WHEN %s THEN %s' for _ in paths)} END" if paths else "NULL::text"
    for slug, path in sorted(paths.items()):
        params += [path, slug]
    where = _locality_where(filters, params, commune="cm", lat=lat, lon=lon)
    # One grouped pass (max and min do not mind the rows the two joins repeat), then one row per producer joined by
    # key: the planner cannot estimate a box's share, and joining two aggregates it thinks tiny went quadratic.
    sql = f"""
WITH offers AS (SELECT p.id, p.ocop_producer_id FROM {T["product"]} p WHERE {" AND ".join(offer_where)}),
     agg AS (SELECT o.ocop_producer_id AS pid, max(c.stars) AS stars, min(substr(cat.path, 1, {Category.steplen:d})) AS root
             FROM offers o
             LEFT JOIN {T["certificate"]} c ON c.product_id = o.id AND {star_where}
             LEFT JOIN {T["pc"]} pc ON pc.product_id = o.id
             LEFT JOIN {T["category"]} cat ON cat.id = pc.category_id
             GROUP BY 1)
SELECT {
        _feature(
            kind="producer", pk="pr.id", lat=lat, lon=lon, name="pr.name", url=url, stars="a.stars", group=group, area=_AREA, pilots=_pilots("cm")
        )
    }
FROM agg a
JOIN {T["producer"]} pr ON pr.id = a.pid
LEFT JOIN {T["commune"]} cm ON cm.code = pr.commune_id
LEFT JOIN {T["province"]} pv ON pv.code = cm.province_id
WHERE {" AND ".join(where)}
{_ORDER.format(name="pr.name", pk="pr.id")}"""
    return sql, params


def _tourism_sql(filters: MapFilters, *, paths: dict[str, str], links: dict, day: datetime.date) -> tuple[str, list]:
    params: list = []
    lat, lon = "coalesce(pr.latitude, cm.latitude)", "coalesce(pr.longitude, cm.longitude)"
    if links["product"]:
        before, middle, after = links["product"]
        url = f"%s || {_QUOTE.format(s='p.slug')} || %s || p.id || %s"
        params += [before, middle, after]
    else:
        url = _commune_url("cm", params, links["catalogue"])
    if links["nearby"]:
        before, after = links["nearby"]
        nearby = "%s || p.id || %s"
        params += [before, after]
    else:
        nearby = ""
    stars_sql = f"(SELECT max(c.stars) FROM {T['certificate']} c WHERE c.product_id = p.id AND {_valid('c', params, day)})"
    where = [_on_sale("p", params), _in_group("p", params, paths[TOURISM_GROUP])]
    where += _locality_where(filters, params, commune="cm", lat=lat, lon=lon)
    if filters.stars_min:
        where.append("t.stars >= %s")
        params.append(filters.stars_min)
    sql = f"""
SELECT {
        _feature(
            kind="tourism",
            pk="p.id",
            lat=lat,
            lon=lon,
            name="p.title",
            url=url,
            stars="t.stars",
            group=f"'{TOURISM_GROUP}'::text",
            area=_AREA,
            pilots=_pilots("cm"),
            nearby=nearby,
        )
    }
FROM {T["product"]} p
CROSS JOIN LATERAL (SELECT {stars_sql} AS stars) t
LEFT JOIN {T["producer"]} pr ON pr.id = p.ocop_producer_id
LEFT JOIN {T["commune"]} cm ON cm.code = pr.commune_id
LEFT JOIN {T["province"]} pv ON pv.code = cm.province_id
WHERE {" AND ".join(where)}
{_ORDER.format(name="p.title", pk="p.id")}"""
    return sql, params


def _pilots_sql(filters: MapFilters, *, links: dict) -> tuple[str, list]:
    params: list = []
    url = _commune_url("cm", params, links["catalogue"])
    where = ["(cm.is_ecommerce_pilot OR cm.is_smart_rural_pilot)"]
    where += _locality_where(filters, params, commune="cm", lat="cm.latitude", lon="cm.longitude")
    sql = f"""
SELECT {
        _feature(
            kind="pilot",
            pk="cm.code",
            lat="cm.latitude",
            lon="cm.longitude",
            name="cm.name",
            url=url,
            stars="NULL",
            group="NULL::text",
            area="pv.short_name",
            pilots=_pilots("cm"),
        )
    }
FROM {T["commune"]} cm
JOIN {T["province"]} pv ON pv.code = cm.province_id
WHERE {" AND ".join(where)}
{_ORDER.format(name="cm.name", pk="cm.code")}"""
    return sql, params


def feature_texts(filters: MapFilters, *, links: dict, day: datetime.date | None = None) -> list[str]:
    """The features matching `filters` as JSON texts, in map_places' order (tourism, producers, pilot communes):
    at most four queries (the group roots, then one per kind). `links`: the routes' fixed parts
    (PlaceLinks.sql_routes)."""
    day = day or timezone.localdate()
    paths = {slug: root.path for slug, root in group_root_categories().items()}
    if filters.group and filters.group not in paths:  # a group with no category yet holds nothing
        return []
    statements = []
    if not (filters.group and filters.group != TOURISM_GROUP) and TOURISM_GROUP in paths:
        statements.append(_tourism_sql(filters, paths=paths, links=links, day=day))
    if filters.group != TOURISM_GROUP:
        statements.append(_producers_sql(filters, paths=paths, links=links, day=day))
    if not (filters.group or filters.stars_min):
        statements.append(_pilots_sql(filters, links=links))
    texts = []
    # One snapshot for the three statements. No JIT: the planner prices them high (a row-wise subplan it cannot
    # see is never run) and compiles for ~40 ms statements that run in tens of ms.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        for sql, params in statements:
            cursor.execute(sql, params)
            texts += [row[0] for row in cursor.fetchall()]
    return texts
