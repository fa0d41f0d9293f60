"""On PostgreSQL the map's GeoJSON features are built by SQL (programme.map_features_sql): for every filter they
must equal, in content and order, what the Python presenter builds from map_places (programme.map_presenters)."""

import json

import pytest
from django.db import connection

from ocop_catalog.models import OcopCertificate, Producer
from programme.geo import BBox
from programme.map_features_sql import feature_texts
from programme.map_presenters import PlaceLinks, feature, feature_collection_json
from programme.map_selectors import MapFilters, map_places_uncached
from tests.factories import make_producer, make_product
from tests.programme.map_data import map_world

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def pg():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...): the features are built by PostgreSQL's JSON functions")


@pytest.fixture
def world(pg):
    world = map_world()
    # What the hand-checked world lacks: a product with two valid certificates (the best counts), a producer in two
    # groups, a slug that needs percent-encoding, and names JSON must escape.
    partner = make_producer(commune=world["ba_dinh"], name='HTX "Sen" \\ Hồ Tây')
    product = make_product(producer=partner, title='Trà "sen" \\ Hồ Tây', group="do-uong", stars=3)
    make_product(producer=partner, title="Bánh cốm Hồ Tây", group="thuc-pham", stars=5)
    certificate = OcopCertificate.objects.filter(product=product).first()
    certificate.pk = None
    certificate.stars, certificate.score, certificate.number = 4, 80, "older/QĐ-UBND"
    certificate.issued_on = certificate.issued_on.replace(year=certificate.issued_on.year - 1)
    certificate.save()
    Producer.objects.filter(partner=partner).update(slug="htx-sen-hồ-tây")
    tour = make_product(producer=partner, title="Du thuyền Hồ Tây", group="dich-vu-du-lich", stars=4)
    type(tour).objects.filter(pk=tour.pk).update(slug="du-thuyền hồ")
    return world


def python_features(filters: MapFilters) -> list[dict]:
    links = PlaceLinks()
    return [feature(place, links) for place in map_places_uncached(filters)]


def sql_features(filters: MapFilters) -> list[dict]:
    return [json.loads(text) for text in feature_texts(filters, links=PlaceLinks().sql_routes())]


@pytest.mark.parametrize(
    "filters",
    [
        MapFilters(),
        MapFilters(group="thuc-pham"),
        MapFilters(group="do-uong"),
        MapFilters(group="dich-vu-du-lich"),
        MapFilters(stars_min=4),
        MapFilters(province="31"),
        MapFilters(pilot="ecommerce"),
        MapFilters(pilot="smart"),
        MapFilters(group="thuc-pham", stars_min=4),
        MapFilters(group="dich-vu-du-lich", stars_min=4),
        MapFilters(province="31", pilot="ecommerce"),
        MapFilters(bbox=BBox(west=105.8, south=21.0, east=105.9, north=21.1)),
        MapFilters(bbox=BBox(west=106.7, south=20.8, east=106.8, north=20.9), stars_min=3),
        MapFilters(bbox=BBox(west=0.0, south=0.0, east=1.0, north=1.0)),
        MapFilters(bbox=BBox(west=100.0, south=5.0, east=110.0, north=25.0)),  # large: offers read in one pass
        MapFilters(bbox=BBox(west=100.0, south=5.0, east=110.0, north=25.0), group="do-uong", stars_min=4),
    ],
    ids=lambda filters: filters.key(),
)
def test_sql_features_equal_the_python_presenters(world, filters):
    expected = python_features(filters)
    assert sql_features(filters) == expected
    assert expected or filters.bbox  # only the empty box is empty


def test_the_world_holds_every_case_the_sql_must_get_right(world):
    by_name = {item["properties"]["name"]: item for item in sql_features(MapFilters())}
    sen = by_name['HTX "Sen" \\ Hồ Tây']["properties"]
    assert sen["stars"] == 5 and sen["group"] == "thuc-pham" and "%E1%BB%93" in sen["url"]
    assert by_name['HTX "Sen" \\ Hồ Tây'] == next(item for item in python_features(MapFilters()) if item["properties"]["name"] == sen["name"])
    assert "du-thuy%E1%BB%81n%20h%E1%BB%93" in by_name["Du thuyền Hồ Tây"]["properties"]["url"]
    assert by_name["Du thuyền Hồ Tây"]["properties"]["nearby_url"]


def test_the_body_is_a_feature_collection_of_the_sql_features(world):
    body = json.loads(feature_collection_json(MapFilters()))
    assert body == {"type": "FeatureCollection", "features": python_features(MapFilters())}
