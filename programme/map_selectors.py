"""Reads of the agri-tourism map: which places it shows, where, with which stars and group, and what is nearby.

A place is one of three kinds:
- `producer`: an OCOP producer (chủ thể) with at least one product on sale outside the tourism group, at its own
  coordinates when its seller set them, else at its commune's;
- `tourism`: a product on sale in the tourism group (`dich-vu-du-lich`), at its producer's point;
- `pilot`: a commune flagged as an e-commerce or smart new-rural pilot (the flags the shop's badges show).
"On sale" is ocop_catalog.sale.on_sale_q and "valid certificate" ocop_catalog.selectors.certificates_valid_on: the
shop's own rules. Places are read in a fixed number of queries (one per kind, plus the group roots) and cached
under a version that any catalogue change moves on (programme.map_signals) and under the day (certificates
expire at midnight).
"""

import dataclasses
import datetime
import functools
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.cache_versions import cache_version, cache_version_advance
from ocop_catalog.models import Commune, Producer
from ocop_catalog.sale import on_sale_q
from ocop_catalog.selectors import certificates_valid_on, group_root_categories

from .geo import BBox, bbox_around, distance_km_expression

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")

TOURISM_GROUP = "dich-vu-du-lich"
KIND_PRODUCER, KIND_TOURISM, KIND_PILOT = "producer", "tourism", "pilot"
PILOT_ECOMMERCE, PILOT_SMART = "ecommerce", "smart"  # the kinds of programme.models.Pilot
PILOT_FLAGS = {PILOT_ECOMMERCE: "is_ecommerce_pilot", PILOT_SMART: "is_smart_rural_pilot"}
MAP_VERSION_KEY = "programme:map:version"
CACHE_SECONDS = 15 * 60


@dataclass(frozen=True)
class MapFilters:
    """What the map is asked for; None is "any". `bbox` is already normalised (programme.geo.BBox.normalised)."""

    group: str | None = None
    stars_min: int | None = None
    province: str | None = None
    pilot: str | None = None
    bbox: BBox | None = None

    def key(self) -> str:
        bbox = ",".join(f"{value:.4f}" for value in self.bbox.as_list()) if self.bbox else ""
        return f"g={self.group or ''}|s={self.stars_min or ''}|p={self.province or ''}|k={self.pilot or ''}|b={bbox}"

    def without_bbox(self) -> "MapFilters":
        return MapFilters(group=self.group, stars_min=self.stars_min, province=self.province, pilot=self.pilot)


@dataclass(frozen=True)
class MapPlace:
    kind: str
    pk: str  # producer id, product id or commune code (as text: one type for the three kinds)
    name: str
    latitude: float
    longitude: float
    stars: int | None
    group: str | None
    slug: str  # the producer's or the product's; "" for a commune
    commune_code: str
    commune_name: str
    province_code: str
    province_name: str
    pilots: tuple[str, ...]  # pilot kinds of the place's commune


def map_version() -> int:
    """The version the map's cached answers are kept under."""
    return cache_version(MAP_VERSION_KEY)


def map_version_advance() -> None:
    """Retire every cached map answer (a product, producer, certificate, seller or commune changed)."""
    cache_version_advance(MAP_VERSION_KEY)


def map_cache_key(prefix: str, filters: MapFilters, *, day: datetime.date | None = None) -> str:
    """The cache key of an answer about `filters`, under the current version and day."""
    day = day or timezone.localdate()
    return f"programme:map:{prefix}:{map_version()}:{day.isoformat()}:{filters.key()}"


# --- building blocks ----------------------------------------------------------------------------


def _in_group(root_path: str) -> Exists:
    """A Product filter: it is in a category under the group root at `root_path`."""
    return Exists(ProductCategory.objects.filter(product=OuterRef("pk"), category__path__startswith=root_path))


def _offers(*, producer_ref, filters: MapFilters, paths: dict[str, str], day: datetime.date) -> QuerySet:
    """The products a producer place stands for: on sale, outside the tourism group, in the asked group, with a
    valid certificate of at least the asked stars."""
    offers = Product.objects.filter(on_sale_q(), ocop_producer=producer_ref)
    if TOURISM_GROUP in paths:
        offers = offers.filter(~_in_group(paths[TOURISM_GROUP]))
    if filters.group:
        offers = offers.filter(_in_group(paths[filters.group]))
    if filters.stars_min:
        offers = offers.filter(Exists(certificates_valid_on(day=day).filter(product=OuterRef("pk"), stars__gte=filters.stars_min)))
    return offers


def _producers_in_box_q(box: BBox) -> Q:
    """A Producer filter: its own point is in `box`, or it has none and its commune's is (the rule of the coalesced
    `map_lat`/`map_lon`), written so the database narrows by the small commune table first."""
    communes = Commune.objects.filter(latitude__gte=box.south, latitude__lte=box.north, longitude__gte=box.west, longitude__lte=box.east).values(
        "code"
    )
    own = Q(latitude__gte=box.south, latitude__lte=box.north, longitude__gte=box.west, longitude__lte=box.east)
    return own | Q(latitude__isnull=True, commune__in=communes)


def _locality_filters(queryset: QuerySet, *, filters: MapFilters, commune: str) -> QuerySet:
    """Province, pilot kind and bbox, on rows annotated with `map_lat`/`map_lon`, whose commune is at `commune`."""
    queryset = queryset.filter(map_lat__isnull=False, map_lon__isnull=False)
    if filters.province:
        queryset = queryset.filter(**{f"{commune}__province_id": filters.province})
    if filters.pilot:
        queryset = queryset.filter(**{f"{commune}__{PILOT_FLAGS[filters.pilot]}": True})
    if filters.bbox:
        box = filters.bbox
        queryset = queryset.filter(map_lat__gte=box.south, map_lat__lte=box.north, map_lon__gte=box.west, map_lon__lte=box.east)
        in_box = _producers_in_box_q(box)  # the same condition, in a form the planner narrows with first
        if queryset.model is Producer:
            queryset = queryset.filter(in_box)
        else:  # products: those of the producers in the box
            queryset = queryset.filter(ocop_producer__in=Producer.objects.filter(in_box).values("pk"))
    return queryset


def _locality_columns(commune: str) -> tuple[str, ...]:
    return (
        f"{commune}_id", f"{commune}__name", f"{commune}__province_id", f"{commune}__province__short_name",
        f"{commune}__is_ecommerce_pilot", f"{commune}__is_smart_rural_pilot",
    )  # fmt: skip


def _pilots(ecommerce: bool, smart: bool) -> tuple[str, ...]:
    return tuple(kind for kind, flag in ((PILOT_ECOMMERCE, ecommerce), (PILOT_SMART, smart)) if flag)


def producers_with_points() -> QuerySet:
    """Producers annotated with `map_lat`, `map_lon`: their own point when set, else their commune's (the rule
    of Producer.map_point, in SQL; a producer sets both coordinates or neither)."""
    return Producer.objects.annotate(map_lat=Coalesce("latitude", "commune__latitude"), map_lon=Coalesce("longitude", "commune__longitude"))


def _producer_rows_query(filters: MapFilters, *, paths: dict[str, str], day) -> QuerySet:
    inner = _offers(producer_ref=OuterRef(OuterRef("pk")), filters=filters, paths=paths, day=day)
    best_stars = certificates_valid_on(day=day).filter(product__in=inner).order_by("-stars").values("stars")[:1]
    first_group = (
        ProductCategory.objects.filter(product__in=inner)
        .annotate(root=Substr("category__path", 1, Category.steplen))
        .order_by("root")
        .values("root")[:1]
    )
    offers = _offers(producer_ref=OuterRef("pk"), filters=filters, paths=paths, day=day)
    queryset = _locality_filters(producers_with_points().filter(Exists(offers)), filters=filters, commune="commune")
    return queryset.annotate(stars=Subquery(best_stars), root=Subquery(first_group)).values_list(
        "pk", "name", "slug", "map_lat", "map_lon", "stars", "root", *_locality_columns("commune")
    )


def _producer_places(filters: MapFilters, *, paths: dict[str, str], slugs: dict[str, str], day) -> list[MapPlace]:
    if filters.group == TOURISM_GROUP:
        return []
    rows = _rows(_producer_rows_query, filters, paths=paths, day=day)
    return [
        MapPlace(
            kind=KIND_PRODUCER,
            pk=str(pk),
            name=name,
            latitude=lat,
            longitude=lon,
            stars=stars,
            group=slugs.get(root),
            slug=slug,
            commune_code=commune or "",
            commune_name=commune_name or "",
            province_code=province or "",
            province_name=province_name or "",
            pilots=_pilots(ecommerce, smart),
        )  # fmt: skip
        for pk, name, slug, lat, lon, stars, root, commune, commune_name, province, province_name, ecommerce, smart in rows
    ]


def tourism_services(*, tourism_path: str | None = None) -> QuerySet:
    """Products on sale in the tourism group, annotated with their producer's point (`map_lat`, `map_lon`)."""
    if tourism_path is None:
        root = group_root_categories().get(TOURISM_GROUP)
        if root is None:
            return Product.objects.none()
        tourism_path = root.path
    return Product.objects.filter(on_sale_q(), _in_group(tourism_path)).annotate(
        map_lat=Coalesce("ocop_producer__latitude", "ocop_producer__commune__latitude"),
        map_lon=Coalesce("ocop_producer__longitude", "ocop_producer__commune__longitude"),
    )


def _tourism_rows_query(filters: MapFilters, *, paths: dict[str, str], day) -> QuerySet:
    best_stars = certificates_valid_on(day=day).filter(product=OuterRef("pk")).order_by("-stars").values("stars")[:1]
    queryset = tourism_services(tourism_path=paths[TOURISM_GROUP]).annotate(stars=Subquery(best_stars))
    if filters.stars_min:
        queryset = queryset.filter(stars__gte=filters.stars_min)
    commune = "ocop_producer__commune"
    return _locality_filters(queryset, filters=filters, commune=commune).values_list(
        "pk", "title", "slug", "map_lat", "map_lon", "stars", *_locality_columns(commune)
    )


def _tourism_places(filters: MapFilters, *, paths: dict[str, str], day) -> list[MapPlace]:
    if (filters.group and filters.group != TOURISM_GROUP) or TOURISM_GROUP not in paths:
        return []
    rows = _rows(_tourism_rows_query, filters, paths=paths, day=day)
    return [
        MapPlace(
            kind=KIND_TOURISM,
            pk=str(pk),
            name=title,
            latitude=lat,
            longitude=lon,
            stars=stars,
            group=TOURISM_GROUP,
            slug=slug,
            commune_code=commune or "",
            commune_name=commune_name or "",
            province_code=province or "",
            province_name=province_name or "",
            pilots=_pilots(ecommerce, smart),
        )  # fmt: skip
        for pk, title, slug, lat, lon, stars, commune, commune_name, province, province_name, ecommerce, smart in rows
    ]


def _pilot_rows_query(filters: MapFilters, *, paths: dict[str, str], day) -> QuerySet:
    communes = Commune.objects.filter(Q(is_ecommerce_pilot=True) | Q(is_smart_rural_pilot=True)).annotate(
        map_lat=F("latitude"), map_lon=F("longitude")
    )
    if filters.province:
        communes = communes.filter(province_id=filters.province)
    if filters.pilot:
        communes = communes.filter(**{PILOT_FLAGS[filters.pilot]: True})
    communes = communes.filter(map_lat__isnull=False, map_lon__isnull=False)
    if filters.bbox:
        box = filters.bbox
        communes = communes.filter(map_lat__gte=box.south, map_lat__lte=box.north, map_lon__gte=box.west, map_lon__lte=box.east)
    return communes.values_list(
        "code", "name", "map_lat", "map_lon", "province_id", "province__short_name", "is_ecommerce_pilot", "is_smart_rural_pilot"
    )


def _pilot_places(filters: MapFilters, *, paths: dict[str, str], day) -> list[MapPlace]:
    if filters.group or filters.stars_min:  # a commune has neither a group nor stars
        return []
    rows = _rows(_pilot_rows_query, filters, paths=paths, day=day)
    return [
        MapPlace(
            kind=KIND_PILOT,
            pk=code,
            name=name,
            latitude=lat,
            longitude=lon,
            stars=None,
            group=None,
            slug="",
            commune_code=code,
            commune_name=name,
            province_code=province,
            province_name=province_name,
            pilots=_pilots(ecommerce, smart),
        )  # fmt: skip
        for code, name, lat, lon, province, province_name, ecommerce, smart in rows
    ]


# Building these queries (nested subqueries, aliases relabelled) costs the ORM several times what the database
# takes to answer them. Their SQL depends on which filters are set, not on the bbox's numbers: each shape is
# compiled once per process with a sentinel box, whose numbers are swapped for the asked ones at each call.
_BOX_SENTINEL = BBox(west=-179.0101019, south=-89.0101019, east=179.0101019, north=89.0101019)


@functools.lru_cache(maxsize=512)
def _compiled(builder, shape: MapFilters, day: datetime.date, paths: tuple) -> tuple[str, tuple, tuple[str, ...]]:
    queryset = builder(shape, paths=dict(paths), day=day)
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params), tuple(queryset._fields)  # the values_list names, in the order asked


def _rows(builder, filters: MapFilters, *, paths: dict[str, str], day: datetime.date) -> list[tuple]:
    """The builder's values_list rows for `filters`, from its compiled SQL (columns in the order asked)."""
    shape = dataclasses.replace(filters, bbox=_BOX_SENTINEL if filters.bbox else None)
    sql, params, names = _compiled(builder, shape, day, tuple(sorted(paths.items())))
    if filters.bbox:
        swap = dict(zip(_BOX_SENTINEL.as_list(), filters.bbox.as_list(), strict=True))
        params = tuple(swap.get(param, param) if isinstance(param, float) else param for param in params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # Django selects each values_list column AS its name, model columns before annotations.
        selected = [column[0] for column in cursor.description]
        order = [selected.index(name) for name in names]
        return [tuple(row[index] for index in order) for row in cursor.fetchall()]


def _group_paths() -> tuple[dict[str, str], dict[str, str]]:
    """(group slug → root path, root path → group slug) of the groups that exist."""
    roots = group_root_categories()
    return {slug: root.path for slug, root in roots.items()}, {root.path: slug for slug, root in roots.items()}


# --- the selectors ------------------------------------------------------------------------------


def map_places(filters: MapFilters) -> list[MapPlace]:
    """The places matching `filters` (each filter one more condition; none is "all"), tourism services first,
    then producers, then pilot communes, each by province and name. Cached; at most four queries when not."""
    day = timezone.localdate()
    key = map_cache_key("places", filters, day=day)
    places = cache.get(key)
    if places is None:
        places = map_places_uncached(filters, day=day)
        cache.set(key, places, CACHE_SECONDS)
    return places


def map_places_uncached(filters: MapFilters, *, day: datetime.date | None = None) -> list[MapPlace]:
    day = day or timezone.localdate()
    paths, slugs = _group_paths()
    if filters.group and filters.group not in paths:  # a group with no category yet holds nothing
        return []
    places = [
        *_tourism_places(filters, paths=paths, day=day),
        *_producer_places(filters, paths=paths, slugs=slugs, day=day),
        *_pilot_places(filters, paths=paths, day=day),
    ]
    order = {KIND_TOURISM: 0, KIND_PRODUCER: 1, KIND_PILOT: 2}
    places.sort(key=lambda place: (order[place.kind], place.province_name, place.name, place.pk))
    return places


def tourism_place(*, pk: int) -> MapPlace | None:
    """The tourism service `pk` as a map place, if it is on sale and has a point; None otherwise."""
    rows = (
        tourism_services()
        .filter(pk=pk, map_lat__isnull=False, map_lon__isnull=False)
        .values_list("pk", "title", "slug", "map_lat", "map_lon", *_locality_columns("ocop_producer__commune"))
    )
    for pk, title, slug, lat, lon, commune, commune_name, province, province_name, ecommerce, smart in rows:
        return MapPlace(
            kind=KIND_TOURISM, pk=str(pk), name=title, latitude=lat, longitude=lon, stars=None, group=TOURISM_GROUP,
            slug=slug, commune_code=commune or "", commune_name=commune_name or "", province_code=province or "",
            province_name=province_name or "", pilots=_pilots(ecommerce, smart),
        )  # fmt: skip
    return None


def _near(queryset: QuerySet, *, latitude: float, longitude: float, km: float) -> QuerySet:
    """Rows annotated with `map_lat`/`map_lon` within `km` of the point, with `distance_km`, nearest first:
    a bbox prefilter (cheap comparisons), then the exact haversine distance in SQL."""
    box = bbox_around(latitude=latitude, longitude=longitude, km=km)
    distance = distance_km_expression(latitude=latitude, longitude=longitude, lat_field="map_lat", lon_field="map_lon")
    return (
        queryset.filter(map_lat__gte=box.south, map_lat__lte=box.north, map_lon__gte=box.west, map_lon__lte=box.east)
        .annotate(distance_km=distance)
        .filter(distance_km__lte=km)
        .order_by("distance_km", "pk")
    )


def producers_near(*, latitude: float, longitude: float, km: float, limit: int = 50) -> list[Producer]:
    """OCOP producers with a product on sale within `km` of the point, nearest first, each with `distance_km`
    and its commune and province loaded. One query."""
    on_sale = Product.objects.filter(on_sale_q(), ocop_producer=OuterRef("pk"))
    producers = producers_with_points().filter(Exists(on_sale)).select_related("commune__province")
    return list(_near(producers, latitude=latitude, longitude=longitude, km=km)[:limit])


def products_near(*, latitude: float, longitude: float, km: float, exclude_pk: int | None = None) -> QuerySet:
    """Products on sale whose producer is within `km` of the point, nearest first, with `distance_km`; loaded for
    product cards (ocop_catalog.selectors.products_for_display: a fixed number of queries per page)."""
    from ocop_catalog.selectors import products_for_display

    products = Product.objects.filter(on_sale_q()).annotate(
        map_lat=Coalesce("ocop_producer__latitude", "ocop_producer__commune__latitude"),
        map_lon=Coalesce("ocop_producer__longitude", "ocop_producer__commune__longitude"),
    )
    if exclude_pk is not None:
        products = products.exclude(pk=exclude_pk)
    return products_for_display(_near(products, latitude=latitude, longitude=longitude, km=km))
