"""How a map place is shown: its link (decided here, once), its GeoJSON feature and its row in the list."""

import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

from .map_features_sql import feature_texts
from .map_selectors import (
    KIND_PILOT,
    KIND_PRODUCER,
    KIND_TOURISM,
    PILOT_ECOMMERCE,
    PILOT_SMART,
    MapFilters,
    MapPlace,
    map_places,
    map_places_uncached,
)

KIND_LABELS = {KIND_TOURISM: _("Tourism service"), KIND_PRODUCER: _("OCOP producer"), KIND_PILOT: _("Pilot commune")}
PILOT_LABELS = {PILOT_ECOMMERCE: _("E-commerce pilot commune"), PILOT_SMART: _("Smart new-rural pilot commune")}
_SLUG, _PK = "slug-placeholder", "918273645"


def _route(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class PlaceLinks:
    """The page each place links to. Each route is reversed once (10,000 reverses would cost more than the
    query); a producer links to its public page, or — if that route is missing — to its commune's products; a
    tourism service to its product page; a pilot commune to the products of the commune."""

    def __init__(self):
        self._producer = _route("ocop-producer", slug=_SLUG)
        self._product = _route("catalogue:detail", product_slug=_SLUG, pk=_PK)
        self._nearby = _route("map-nearby", pk=_PK)
        self._catalogue = reverse("catalogue:index")

    def sql_routes(self) -> dict | None:
        """The routes' fixed parts around the slug and pk, for programme.map_features_sql; None if a route does not
        have the expected shape (the slug before the pk), so the caller builds the links in Python."""
        routes = {"catalogue": self._catalogue, "producer": None, "product": None, "nearby": None}
        if self._producer:
            if self._producer.count(_SLUG) != 1:
                return None
            routes["producer"] = tuple(self._producer.split(_SLUG))
        if self._product:
            before, _, rest = self._product.partition(_SLUG)
            if not rest or rest.count(_PK) != 1 or _PK in before:
                return None
            routes["product"] = (before, *rest.split(_PK))
        if self._nearby:
            if self._nearby.count(_PK) != 1:
                return None
            routes["nearby"] = tuple(self._nearby.split(_PK))
        return routes

    def commune(self, place: MapPlace) -> str:
        if not place.commune_code:
            return self._catalogue
        return f"{self._catalogue}?{urlencode({'province': place.province_code, 'commune': place.commune_code})}"

    def url(self, place: MapPlace) -> str:
        if place.kind == KIND_TOURISM and self._product:
            return self._product.replace(_SLUG, quote(place.slug)).replace(_PK, place.pk)
        if place.kind == KIND_PRODUCER and self._producer:
            return self._producer.replace(_SLUG, quote(place.slug))
        return self.commune(place)

    def nearby(self, place: MapPlace) -> str | None:
        if place.kind != KIND_TOURISM or not self._nearby:
            return None
        return self._nearby.replace(_PK, place.pk)


def place_area(place: MapPlace) -> str:
    """ "Commune, Province" (a pilot commune is its own name: just the province)."""
    if place.kind == KIND_PILOT:
        return place.province_name
    return ", ".join(part for part in (place.commune_name, place.province_name) if part)


def feature(place: MapPlace, links: PlaceLinks) -> dict:
    """One RFC 7946 Feature: a Point, longitude first."""
    properties = {
        "kind": place.kind,
        "name": place.name,
        "url": links.url(place),
        "stars": place.stars,
        "group": place.group,
        "area": place_area(place),
        "pilots": list(place.pilots),
    }
    nearby = links.nearby(place)
    if nearby:
        properties["nearby_url"] = nearby
    return {
        "type": "Feature",
        "id": f"{place.kind}-{place.pk}",
        "geometry": {"type": "Point", "coordinates": [round(place.longitude, 6), round(place.latitude, 6)]},
        "properties": properties,
    }


def feature_collection(places: list[MapPlace]) -> dict:
    links = PlaceLinks()
    return {"type": "FeatureCollection", "features": [feature(place, links) for place in places]}


def feature_collection_json(filters: MapFilters) -> bytes:
    """The places matching `filters` as a FeatureCollection in UTF-8 JSON, uncached. On PostgreSQL each feature's
    JSON is built by the database (programme.map_features_sql: the same content); elsewhere from the MapPlaces."""
    links = PlaceLinks()
    routes = links.sql_routes() if connection.vendor == "postgresql" else None
    if routes is None:
        places = map_places_uncached(filters) if filters.bbox else map_places(filters)
        collection = {"type": "FeatureCollection", "features": [feature(place, links) for place in places]}
        return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
    texts = feature_texts(filters, links=routes)
    return b'{"type":"FeatureCollection","features":[' + ",".join(texts).encode() + b"]}"


@dataclass(frozen=True)
class PlaceRow:
    """A place in the list under the map."""

    place: MapPlace
    url: str
    nearby_url: str | None
    kind_label: str
    group_label: str
    area: str
    pilot_labels: tuple[str, ...]

    @property
    def stars_text(self) -> str:
        return "★" * self.place.stars if self.place.stars else ""


def place_rows(places, links: PlaceLinks | None = None) -> list[PlaceRow]:
    links = links or PlaceLinks()
    return [
        PlaceRow(
            place=place,
            url=links.url(place),
            nearby_url=links.nearby(place),
            kind_label=KIND_LABELS[place.kind],
            group_label=PRODUCT_GROUPS_BY_SLUG[place.group].label if place.group in PRODUCT_GROUPS_BY_SLUG else "",
            area=place_area(place),
            pilot_labels=tuple(PILOT_LABELS[kind] for kind in place.pilots),
        )
        for place in places
    ]


def map_labels() -> dict:
    """What the map's script writes in popups, in the page's language (given to it as JSON data)."""
    return {
        "kinds": {kind: str(label) for kind, label in KIND_LABELS.items()},
        "groups": {slug: str(group.label) for slug, group in PRODUCT_GROUPS_BY_SLUG.items()},
        "pilots": {kind: str(label) for kind, label in PILOT_LABELS.items()},
        "open": str(_("Open the page")),
        "nearby": str(_("OCOP producers nearby")),
        "loading": str(_("Loading places…")),
        "failed": str(_("The places could not be loaded; the list below still works.")),
        "count": str(_("%(count)s places in view")),
    }
