"""GET /api/map/places.geojson: RFC 7946, longitude first, each filter, bbox, the 400s, the cache, fixed queries."""

import json
import math

import pytest
from django.urls import reverse

from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import OcopCertificate
from tests.factories import make_producer, make_product
from tests.programme.map_data import map_world

pytestmark = pytest.mark.django_db
URL = "/api/map/places.geojson"
ALL_PLACES = {
    "HTX Chè Ba Đình", "HTX Gốm Hải An", "HTX Hải An hết hạn", "Tour làng gốm Hải An", "Nghỉ nhà sàn Tả Van", "Phường Hải An", "Xã Tả Van",
}  # fmt: skip


@pytest.fixture
def world():
    return map_world()


def get(client, **params):
    return client.get(URL, params)


def features(client, **params) -> dict:
    response = get(client, **params)
    assert response.status_code == 200, response.content
    return {feature["properties"]["name"]: feature for feature in response.json()["features"]}


def assert_rfc7946(data: dict) -> None:
    """The parts of RFC 7946 a FeatureCollection of Points must meet."""
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)
    assert "crs" not in data  # removed by RFC 7946 (§4): WGS 84 is implied
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature.get("id"), (str, int))
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]  # exactly two positions (§3.1.1)
        assert all(isinstance(value, float) and math.isfinite(value) for value in (longitude, latitude))
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        properties = feature["properties"]
        assert set(properties) >= {"kind", "name", "url", "stars", "group"}
        assert properties["kind"] in ("producer", "tourism", "pilot")
        assert properties["url"].startswith("/")


def test_the_route_is_the_one_the_issue_names():
    assert reverse("map-places-geojson") == URL


def test_all_places_as_a_valid_feature_collection(client, world):
    response = get(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert_rfc7946(data)
    kinds = {feature["properties"]["name"]: feature["properties"]["kind"] for feature in data["features"]}
    assert kinds == {
        "HTX Chè Ba Đình": "producer",
        "HTX Gốm Hải An": "producer",
        "HTX Hải An hết hạn": "producer",
        "Tour làng gốm Hải An": "tourism",
        "Nghỉ nhà sàn Tả Van": "tourism",
        "Phường Hải An": "pilot",
        "Xã Tả Van": "pilot",
    }  # withdrawn, suspended, and places without coordinates are absent


def test_coordinates_are_longitude_first_and_a_producer_s_own_point_wins(client, world):
    found = features(client)
    assert found["HTX Chè Ba Đình"]["geometry"]["coordinates"] == [105.83, 21.04]  # its own point
    assert found["HTX Gốm Hải An"]["geometry"]["coordinates"] == [106.75, 20.83]  # its commune's
    assert found["Tour làng gốm Hải An"]["geometry"]["coordinates"] == [106.75, 20.83]  # its producer's


def test_properties_stars_group_and_links(client, world):
    found = features(client)
    tea = found["HTX Chè Ba Đình"]["properties"]
    assert (tea["stars"], tea["group"], tea["url"]) == (4, "thuc-pham", world["tea"].get_absolute_url())
    assert found["HTX Gốm Hải An"]["properties"]["stars"] == 5
    assert found["HTX Hải An hết hạn"]["properties"]["stars"] is None  # an expired certificate gives no stars
    tour = found["Tour làng gốm Hải An"]["properties"]
    assert (tour["stars"], tour["group"], tour["url"]) == (3, "dich-vu-du-lich", world["pottery_tour"].get_absolute_url())
    assert tour["nearby_url"] == reverse("map-nearby", kwargs={"pk": world["pottery_tour"].pk})
    pilot = found["Phường Hải An"]["properties"]
    assert pilot["pilots"] == ["ecommerce"] and pilot["url"] == "/shop/catalogue/?province=31&commune=11311"


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"group": "thu-cong-my-nghe"}, {"HTX Gốm Hải An"}),
        ({"group": "do-uong"}, {"HTX Chè Ba Đình"}),
        ({"group": "dich-vu-du-lich"}, {"Tour làng gốm Hải An", "Nghỉ nhà sàn Tả Van"}),
        ({"group": "sinh-vat-canh"}, set()),
        ({"stars_min": "4"}, {"HTX Chè Ba Đình", "HTX Gốm Hải An"}),
        ({"stars_min": "5"}, {"HTX Gốm Hải An"}),
        ({"stars_min": "3", "group": "dich-vu-du-lich"}, {"Tour làng gốm Hải An"}),
        ({"group": "do-uong", "stars_min": "4"}, set()),  # its drink has 3★: the 4★ is food
        ({"province": "31"}, {"HTX Gốm Hải An", "HTX Hải An hết hạn", "Tour làng gốm Hải An", "Phường Hải An"}),
        ({"province": "15"}, {"Nghỉ nhà sàn Tả Van", "Xã Tả Van"}),
        ({"pilot": "smart"}, {"Nghỉ nhà sàn Tả Van", "Xã Tả Van"}),
        ({"pilot": "ecommerce"}, {"HTX Gốm Hải An", "HTX Hải An hết hạn", "Tour làng gốm Hải An", "Phường Hải An"}),
        ({"pilot": "ecommerce", "province": "01"}, set()),
        ({"bbox": "105.5,20.9,106.0,21.2"}, {"HTX Chè Ba Đình"}),  # around Hà Nội
        ({"bbox": "106.7,20.8,106.8,20.9", "stars_min": "5"}, {"HTX Gốm Hải An"}),
        ({"bbox": "100,8,110,24"}, ALL_PLACES),
        ({"bbox": "-10,40,10,50"}, set()),
    ],
)
def test_each_filter(client, world, params, expected):
    assert set(features(client, **params)) == expected


def test_a_bbox_edge_is_inclusive_and_rounding_never_loses_a_point(client, world):
    # The producer is exactly at 105.83, 21.04: a box ending there holds it, one a hair short does not.
    assert "HTX Chè Ba Đình" in features(client, bbox="105.83,21.04,105.9,21.1")
    assert "HTX Chè Ba Đình" not in features(client, bbox="105.8301,21.0401,105.9,21.1")
    assert "HTX Chè Ba Đình" in features(client, bbox="105.82999,21.03999,105.83001,21.04001")


@pytest.mark.parametrize(
    "params, field",
    [
        ({"bbox": "-181,0,10,10"}, "bbox"),
        ({"bbox": "0,-91,10,10"}, "bbox"),
        ({"bbox": "0,0,10,95"}, "bbox"),
        ({"bbox": "106,20,105,21"}, "bbox"),  # west > east
        ({"bbox": "105,21,106,20"}, "bbox"),  # south > north
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "105,20,106"}, "bbox"),
        ({"bbox": "105,20,106,21,0"}, "bbox"),
        ({"bbox": "nan,20,106,21"}, "bbox"),
        ({"bbox": "inf,20,106,21"}, "bbox"),
        ({"stars_min": "four"}, "stars_min"),
        ({"stars_min": "6"}, "stars_min"),
        ({"stars_min": "0"}, "stars_min"),
        ({"group": "vang-bac"}, "group"),
        ({"province": "99"}, "province"),
        ({"province": "01'; DROP TABLE"}, "province"),
        ({"pilot": "both"}, "pilot"),
    ],
)
def test_a_bad_parameter_is_a_400_with_a_json_error(client, world, params, field):
    response = get(client, **params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"] and field in body["errors"]


def test_west_greater_than_east_says_so(client, world):
    assert "west" in get(client, bbox="106,20,105,21").json()["error"]


def test_answers_are_cached_and_retired_when_the_catalogue_changes(client, world, django_assert_num_queries):
    assert features(client, stars_min="5").keys() == {"HTX Gốm Hải An"}
    with django_assert_num_queries(0):
        assert features(client, stars_min="5").keys() == {"HTX Gốm Hải An"}
    # The 5★ certificate is revoked: the cached answer must not outlive it.
    certificate = OcopCertificate.objects.get(product__title="Bình gốm Hải An")
    certificate_revoke(certificate=certificate, reason="Không đạt khi kiểm tra lại", revoked_on=certificate.issued_on, by=None)
    assert features(client, stars_min="5") == {}


def test_a_new_product_appears_at_once(client, world):
    assert "HTX Mới" not in features(client)
    make_product(producer=make_producer(commune=world["ta_van"], name="HTX Mới"), title="Mật ong Tả Van", stars=3)
    assert features(client)["HTX Mới"]["properties"]["stars"] == 3


def test_the_same_area_asked_with_other_digits_shares_one_cache_entry(client, world, django_assert_num_queries):
    features(client, bbox="105.5,20.9,106.0,21.2")
    with django_assert_num_queries(0):
        features(client, bbox="105.50001,20.90001,105.99999,21.19999")


def test_a_fixed_number_of_queries_however_many_places(client, world, django_assert_max_num_queries):
    from django.core.cache import cache

    with django_assert_max_num_queries(8) as few:
        features(client)
    few_count = len(few)  # now: the query log is bounded, later writes push these out
    assert few_count > 0
    for number in range(30):
        partner = make_producer(commune=world["hai_an"], name=f"HTX số {number}")
        make_product(producer=partner, group="thu-cong-my-nghe" if number % 2 else "thuc-pham", stars=3 + number % 3)
        make_product(producer=partner, group="dich-vu-du-lich", stars=3)
    cache.clear()
    with django_assert_max_num_queries(few_count):
        assert len(features(client)) == 7 + 60
