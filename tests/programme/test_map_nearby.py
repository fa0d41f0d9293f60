"""Distances (known pairs), boxes, and the "nearby" page of a tourism service: producers and products within N km."""

import math

import pytest
from django.urls import reverse

from ocop_catalog.models import Producer
from programme.geo import BBox, BBoxError, bbox_around, bbox_parse, distance_km_expression, haversine_km
from tests.factories import make_producer, make_product
from tests.programme.map_data import HAIPHONG, HANOI, map_world, place_at

HCMC = (10.7769, 106.7009)
LONDON, PARIS = (51.5074, -0.1278), (48.8566, 2.3522)


@pytest.mark.parametrize(
    "a, b, km, tolerance",
    [
        (HANOI, HAIPHONG, 89.8, 1.5),  # city centres; by road ~105 km
        (HANOI, HCMC, 1137, 10),
        (LONDON, PARIS, 343.5, 1.5),
        ((0, 0), (0, 1), 111.2, 0.1),  # a degree of longitude at the equator
        ((0, 179.5), (0, -179.5), 111.2, 0.1),  # across the antimeridian
        (HANOI, HANOI, 0, 1e-9),
    ],
)
def test_haversine_against_known_pairs(a, b, km, tolerance):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=tolerance)
    assert haversine_km(*a, *b) == pytest.approx(haversine_km(*b, *a))


@pytest.mark.parametrize("centre", [HANOI, HCMC, (0, 0), (-33.9, 151.2), (70.0, 25.0)])
@pytest.mark.parametrize("km", [1, 20, 150])
def test_the_box_around_a_point_holds_every_point_that_far(centre, km):
    box = bbox_around(latitude=centre[0], longitude=centre[1], km=km)
    for bearing in range(0, 360, 15):
        # A point `km * 0.999` away along the bearing (destination formula on the sphere).
        delta = km * 0.999 / 6371.0088
        lat1, lon1, theta = math.radians(centre[0]), math.radians(centre[1]), math.radians(bearing)
        lat2 = math.asin(math.sin(lat1) * math.cos(delta) + math.cos(lat1) * math.sin(delta) * math.cos(theta))
        lon2 = lon1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(lat1), math.cos(delta) - math.sin(lat1) * math.sin(lat2))
        assert box.contains(latitude=math.degrees(lat2), longitude=math.degrees(lon2)), (centre, km, bearing)


def test_bbox_parse_and_normalise():
    assert bbox_parse(" 105.5, 20.9 ,106,21.2") == BBox(105.5, 20.9, 106.0, 21.2)
    assert bbox_parse("105.50001,20.90001,105.99999,21.19999").normalised() == BBox(105.5, 20.9, 106.0, 21.2)
    assert bbox_parse("-180,-90,180,90").normalised() == BBox(-180.0, -90.0, 180.0, 90.0)
    for text in ("", "1,2,3", "x,1,2,3", "10,0,5,1", "0,10,1,5", "181,0,182,1", "1e999,0,1,1"):
        with pytest.raises(BBoxError):
            bbox_parse(text)


@pytest.mark.django_db
def test_the_sql_distance_agrees_with_python(world):
    rows = (
        Producer.objects.filter(name="HTX Chè Ba Đình")
        .annotate(d=distance_km_expression(latitude=HAIPHONG[0], longitude=HAIPHONG[1], lat_field="latitude", lon_field="longitude"))
        .values_list("latitude", "longitude", "d")
    )
    assert rows
    for latitude, longitude, distance in rows:
        assert distance == pytest.approx(haversine_km(HAIPHONG[0], HAIPHONG[1], latitude, longitude), rel=1e-9)
        assert distance == pytest.approx(89.8, abs=3)  # the Hà Nội producer


@pytest.fixture
def world(db):
    world = map_world()
    # Around the Hải An pottery tour (20.83, 106.75): producers at about 4.6 km and 15.6 km (due north), one in Hà Nội.
    near = make_producer(commune=world["hai_an"], name="HTX Gần")
    make_product(producer=near, title="Bánh đa cua gần", stars=3)
    place_at(near, (20.8714, 106.75))
    farther = make_producer(commune=world["hai_an"], name="HTX Xa hơn")
    make_product(producer=farther, title="Nem cua bể xa hơn", stars=4)
    place_at(farther, (20.9703, 106.75))
    return world


def nearby(client, world, **params):
    return client.get(reverse("map-nearby", kwargs={"pk": world["pottery_tour"].pk}), params)


@pytest.mark.django_db
def test_nearby_lists_producers_and_products_nearest_first_with_distances(client, world):
    response = nearby(client, world)  # 20 km by default
    assert response.status_code == 200
    producers = [(producer.name, round(producer.distance_km, 1)) for producer in response.context["producers"]]
    assert [name for name, _ in producers] == ["HTX Gốm Hải An", "HTX Hải An hết hạn", "HTX Gần", "HTX Xa hơn"]
    assert dict(producers)["HTX Gần"] == pytest.approx(4.6, abs=0.1)
    assert dict(producers)["HTX Xa hơn"] == pytest.approx(15.6, abs=0.1)
    products = [product.title for product in response.context["products"]]
    assert products[-2:] == ["Bánh đa cua gần", "Nem cua bể xa hơn"]
    assert "Tour làng gốm Hải An" not in products  # not itself
    assert "Chè búp Ba Đình" not in products  # Hà Nội, ~90 km
    html = response.content.decode()
    assert "4,6 km" in html or "4.6 km" in html


@pytest.mark.django_db
def test_a_shorter_distance_leaves_the_farther_producer_out(client, world):
    names = [producer.name for producer in nearby(client, world, km="10").context["producers"]]
    assert "HTX Gần" in names and "HTX Xa hơn" not in names


@pytest.mark.django_db
def test_a_bad_distance_falls_back_to_the_default(client, world):
    response = nearby(client, world, km="100000")
    assert response.status_code == 200 and response.context["km"] == 20


@pytest.mark.django_db
def test_nearby_is_only_from_a_tourism_service_on_sale(client, world):
    assert client.get(reverse("map-nearby", kwargs={"pk": world["tea_food"].pk})).status_code == 404  # food, not tourism
    assert client.get(reverse("map-nearby", kwargs={"pk": 987654})).status_code == 404
    tour = world["pottery_tour"]
    tour.is_public = False
    tour.save()
    assert nearby(client, world).status_code == 404


@pytest.mark.django_db
def test_nearby_page_has_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(25) as few:
        nearby(client, world, km="50")
    few_count = len(few)  # now: the query log is bounded, later writes push these out
    assert few_count > 0
    for number in range(15):
        partner = make_producer(commune=world["hai_an"], name=f"HTX Lân cận {number}")
        make_product(producer=partner, stars=3)
    with django_assert_max_num_queries(few_count):
        assert len(nearby(client, world, km="50").context["producers"]) == 4 + 15
