"""The demo gives the map something to show: demo producers placed near their commune (the same point every run),
tourism services in at least five provinces, and the GeoJSON API serving them."""

import pytest

from ocop_catalog.demo.catalogue import PRODUCERS
from ocop_catalog.models import Producer
from programme.geo import haversine_km
from programme.map_demo import demo_map_load, jittered_point

pytestmark = pytest.mark.django_db


def test_the_jitter_is_small_and_the_same_every_time():
    first = jittered_point(latitude=21.0, longitude=105.8, seed="htx-gom-bat-trang")
    assert first == jittered_point(latitude=21.0, longitude=105.8, seed="htx-gom-bat-trang")
    assert first != jittered_point(latitude=21.0, longitude=105.8, seed="htx-lua-van-phuc")
    assert 0 < haversine_km(21.0, 105.8, *first) < 2


def test_demo_producers_are_placed_near_their_commune_and_the_map_shows_tourism_in_five_provinces(demo_catalogue, client):
    line = demo_map_load()
    producers = Producer.objects.filter(partner__code__in=[demo.code for demo in PRODUCERS]).select_related("commune")
    # Every producer the demo sellers manage (themselves, and members a cooperative sells for).
    assert producers.count() >= len(PRODUCERS) and f"{producers.count()} producers" in line
    for producer in producers:
        assert producer.latitude is not None, producer
        assert haversine_km(producer.latitude, producer.longitude, producer.commune.latitude, producer.commune.longitude) < 2
    before = list(producers.values_list("pk", "latitude", "longitude"))
    assert "0 producers" in demo_map_load()  # idempotent: points kept
    assert list(producers.values_list("pk", "latitude", "longitude")) == before

    features = client.get("/api/map/places.geojson", {"group": "dich-vu-du-lich"}).json()["features"]
    assert len(features) >= 5
    assert len({feature["properties"]["area"].rsplit(", ", 1)[-1] for feature in features}) >= 5
    assert client.get("/api/map/places.geojson").json()["features"]
