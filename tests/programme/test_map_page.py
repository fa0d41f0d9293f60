"""/ban-do/: the places as a server-rendered list under the map (usable with no script and no tiles), its filters,
its pages, the vendored Leaflet it loads and the tile host its policy allows."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse

from tests.factories import make_producer, make_product
from tests.programme.map_data import map_world

pytestmark = pytest.mark.django_db
URL = "/ban-do/"


@pytest.fixture
def world():
    return map_world()


def test_the_map_page_is_at_ban_do():
    assert reverse("map") == URL


def test_the_list_shows_every_place_with_its_link_without_any_script(client, world):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "7 places" in html or "7 địa điểm" in html
    for name in ("HTX Chè Ba Đình", "HTX Gốm Hải An", "Tour làng gốm Hải An", "Nghỉ nhà sàn Tả Van", "Phường Hải An", "Xã Tả Van"):
        assert name in html
    assert f'href="{world["tea"].get_absolute_url()}"' in html
    assert f'href="{world["pottery_tour"].get_absolute_url()}"' in html
    assert f'href="{reverse("map-nearby", kwargs={"pk": world["pottery_tour"].pk})}"' in html
    assert 'href="/shop/catalogue/?province=31&amp;commune=11311"' in html
    assert "HTX Rút hàng" not in html and "HTX Hải An đình chỉ" not in html


def test_the_map_is_hidden_until_its_script_runs_and_loads_our_own_leaflet(client, world):
    html = client.get(URL).content.decode()
    assert '<div id="ocop-map" class="map" hidden' in html
    assert "programme/vendor/leaflet/leaflet.js" in html and "programme/vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "unpkg.com" not in html and "cdnjs" not in html and "cdn.jsdelivr" not in html
    assert 'id="map-config" type="application/json"' in html and "/api/map/places.geojson" in html


def test_the_vendored_libraries_are_served_with_their_licences():
    for path in (
        "programme/vendor/leaflet/leaflet.js",
        "programme/vendor/leaflet/leaflet.js.map",
        "programme/vendor/leaflet/leaflet.css",
        "programme/vendor/leaflet/images/layers.png",
        "programme/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "programme/vendor/leaflet.markercluster/MarkerCluster.Default.css",
        "programme/map.js",
    ):
        assert finders.find(path), path
    assert "BSD 2-Clause" in Path(finders.find("programme/vendor/leaflet/LICENSE")).read_text()
    assert "David Leaver" in Path(finders.find("programme/vendor/leaflet.markercluster/MIT-LICENCE.txt")).read_text()
    assert 't.version="1.9.4"' in Path(finders.find("programme/vendor/leaflet/leaflet.js")).read_text()


def test_tiles_come_from_the_settings_and_their_host_is_allowed_for_images(client, world, settings):
    response = client.get(URL)
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in response.content.decode()
    policy = response["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://tile.openstreetmap.org" in img_src
    assert "OpenStreetMap" in settings.MAP_TILE_ATTRIBUTION


@pytest.mark.parametrize(
    "query, present, absent",
    [
        ("group=dich-vu-du-lich", ["Tour làng gốm Hải An", "Nghỉ nhà sàn Tả Van"], ["HTX Chè Ba Đình", "Phường Hải An"]),
        ("stars_min=5", ["HTX Gốm Hải An"], ["HTX Chè Ba Đình", "Tour làng gốm Hải An"]),
        ("province=01", ["HTX Chè Ba Đình"], ["HTX Gốm Hải An", "Xã Tả Van"]),
        ("pilot=smart", ["Nghỉ nhà sàn Tả Van", "Xã Tả Van"], ["HTX Gốm Hải An", "HTX Chè Ba Đình"]),
    ],
)
def test_filters_in_the_address_filter_the_list(client, world, query, present, absent):
    html = client.get(f"{URL}?{query}").content.decode()
    for name in present:
        assert name in html
    for name in absent:
        assert f">{name}</a>" not in html


def test_a_bad_filter_is_shown_as_an_error_and_the_rest_still_applies(client, world):
    response = client.get(f"{URL}?province=99&group=dich-vu-du-lich&stars_min=banana")
    assert response.status_code == 200
    html = response.content.decode()
    assert "field-error" in html
    assert "Tour làng gốm Hải An" in html and ">HTX Chè Ba Đình</a>" not in html


def test_the_list_is_paginated_and_pages_keep_the_filters(client, world, django_assert_max_num_queries):
    for number in range(40):
        partner = make_producer(commune=world["hai_an"], name=f"HTX Hải An số {number:02d}")
        make_product(producer=partner, group="thu-cong-my-nghe", stars=3 + number % 3)
    cache.clear()
    with django_assert_max_num_queries(12) as first:
        response = client.get(f"{URL}?province=31")
    first_count = len(first)  # now: the query log is bounded, later writes push these out
    assert first_count > 0
    html = response.content.decode()
    assert "44 places" in html or "44 địa điểm" in html
    assert 'href="?province=31&amp;page=2"' in html
    page_two = client.get(f"{URL}?province=31&page=2").content.decode()
    assert "Phường Hải An" in page_two  # pilot communes come last
    assert client.get(f"{URL}?page=999").status_code == 200  # past the end: the last page
    cache.clear()
    for number in range(40, 80):
        make_product(producer=make_producer(commune=world["hai_an"], name=f"HTX Hải An số {number:02d}"), stars=4)
    cache.clear()
    with django_assert_max_num_queries(first_count):
        client.get(f"{URL}?province=31")
