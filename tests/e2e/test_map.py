"""The agri-tourism map in a real browser, on a 390 px phone and on a desktop: markers from the GeoJSON API
(clustered), a popup linking to the producer's page, no Content-Security-Policy refusal. Tiles are never fetched
from the internet: the browser's tile requests are answered here with a blank image."""

import io
import re

import pytest

from tests.programme.map_data import map_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TILE = re.compile(r"^https://tile\.openstreetmap\.org/")
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI); });
"""
AROUND_BA_DINH = "105.78,21.0,105.88,21.08"


def blank_tile() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (238, 243, 238)).save(buffer, format="PNG")
    return buffer.getvalue()


def open_page(browser, viewport):
    page = browser.new_page(viewport=viewport, locale="vi-VN")
    page.set_default_timeout(20_000)
    page.add_init_script(RECORD_VIOLATIONS)
    tiles, body = [], blank_tile()

    def serve_tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=body)

    # Anything else off this machine would be a bug (a CDN): refused, and noticed below. (Routes registered
    # later are tried first: the tiles' own route comes after this one.)
    outside = []
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda route: (outside.append(route.request.url), route.abort()))
    page.route(TILE, serve_tile)
    return page, tiles, outside


def places_loaded(page) -> int:
    page.wait_for_selector("#ocop-map[data-places]")
    return int(page.get_attribute("#ocop-map", "data-places"))


@pytest.mark.parametrize(
    "label, viewport",
    [("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})],
)
def test_the_map_shows_markers_and_a_popup_links_to_the_producer(live_server, browser, screenshots, label, viewport):
    world = map_world()
    page, tiles, outside = open_page(browser, viewport)

    page.goto(f"{live_server.url}/ban-do/")
    assert places_loaded(page) == 7
    assert page.locator("#ocop-map").is_visible()
    # All of Việt Nam: the seven places fall into clusters and single pins.
    assert page.locator("#ocop-map .marker-cluster, #ocop-map .map-pin").count() >= 2
    assert tiles, "the tile layer asked for no tile"
    screenshots(page, f"{label}-vietnam")

    # A cluster opens on a click (zooms in or spreads its markers out).
    page.locator("#ocop-map .marker-cluster").first.click()
    page.wait_for_timeout(800)
    screenshots(page, f"{label}-cluster-opened")

    # A link to an area opens the map on it: the Ba Đình producer alone, its pin and its popup.
    page.goto(f"{live_server.url}/ban-do/?bbox={AROUND_BA_DINH}")
    places_loaded(page)
    pin = page.locator('#ocop-map .map-pin--producer[title="HTX Chè Ba Đình"]')
    pin.click()
    popup = page.locator(".leaflet-popup-content .map-popup")
    popup.wait_for()
    assert "HTX Chè Ba Đình" in popup.inner_text()
    assert "★★★★" in popup.inner_text()
    link = popup.locator("a.map-popup__open")
    assert link.get_attribute("href") == world["tea"].get_absolute_url()
    screenshots(page, f"{label}-popup")
    link.click()
    page.wait_for_url(f"**{world['tea'].get_absolute_url()}")
    assert "HTX Chè Ba Đình" in page.locator("h1").inner_text()

    # The list under the map is there in any case.
    page.goto(f"{live_server.url}/ban-do/?group=dich-vu-du-lich")
    assert places_loaded(page) == 2
    assert page.locator(".places .place").count() == 2
    screenshots(page, f"{label}-tourism-list")

    violations = page.evaluate("window.__cspViolations || []")
    assert violations == []
    assert outside == []
    page.close()


def test_without_javascript_the_list_is_the_page(live_server, browser, screenshots):
    map_world()
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/ban-do/?province=31")
    assert not page.locator("#ocop-map").is_visible()
    names = page.locator(".places .place__name").all_inner_texts()
    assert set(names) == {"HTX Gốm Hải An", "HTX Hải An hết hạn", "Tour làng gốm Hải An", "Phường Hải An"}
    screenshots(page, "phone-no-javascript")
    page.select_option("#id_group", "dich-vu-du-lich")
    page.locator(".map-filters button[type=submit]").click()
    assert page.locator(".places .place__name").all_inner_texts() == ["Tour làng gốm Hải An"]
    page.locator(".place__nearby").click()
    assert "HTX Gốm Hải An" in page.locator(".nearby-producers").inner_text()
    screenshots(page, "phone-no-javascript-nearby")
    context.close()
