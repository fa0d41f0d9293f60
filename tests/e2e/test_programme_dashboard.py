"""Issue 13 in a real browser, on a 390 px phone and on a desktop: the programme dashboard's charts render from a
year of orders, the province drills down to its communes, and the public overview shows the same charts.

Screenshots: test-results/e2e/<test name>/.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ocop_catalog.models import Commune
from programme.demo import PILOTS_2023
from programme.demo_orders import demo_orders_load
from programme.models import ProgrammeStaff
from programme.pilots_csv import pilots_load
from tests.e2e.conftest import log_in
from tests.factories import make_producer, make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-programme-2026"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
THAI_NGUYEN = "19"


@pytest.fixture
def programme_world():
    call_command("load_localities", verbosity=0)
    pilots_load(text=PILOTS_2023.read_text(encoding="utf-8"))
    communes = list(Commune.objects.filter(province_id=THAI_NGUYEN).order_by("code")[:3]) + list(
        Commune.objects.filter(province_id="01").order_by("code")[:2]
    )
    for index, commune in enumerate(communes):
        producer = make_producer(commune=commune, name=f"HTX Thử nghiệm {index + 1}")
        for stars in (3, 4, 5)[: 1 + index % 3]:
            make_product(producer=producer, title=f"Sản phẩm {index + 1}-{stars} sao", stars=stars, price_vnd=60_000 * stars)
    demo_orders_load()
    _facts_refreshed()
    user = get_user_model().objects.create_user(email="canbo.chuongtrinh@example.vn", password=PASSWORD)
    ProgrammeStaff.objects.create(user=user, province=None)
    return user


def _facts_refreshed():
    """The dashboard's sales figures as the scheduled refresh leaves them (when the app keeps a fact table)."""
    try:
        from programme import sales_facts
    except ImportError:
        return
    sales_facts.backfill()


def _charts_drawn(page) -> list[int]:
    """Bars drawn per chart (rect elements with a height)."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('svg.pg-chart')).map(svg =>"
        " Array.from(svg.querySelectorAll('rect')).filter(r => parseFloat(r.getAttribute('height') || '0') > 0).length)"
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_dashboard_draws_its_charts_and_drills_down(live_server, browser, screenshots, programme_world, viewport):
    page = browser.new_page(viewport=viewport, locale="vi-VN")
    page.set_default_timeout(20_000)
    log_in(page, live_server.url, programme_world.email, PASSWORD)
    page.goto(f"{live_server.url}/chuong-trinh/?period=365")
    screenshots(page, "national")

    bars = _charts_drawn(page)
    assert len(bars) >= 3, "orders, revenue and stars at least"
    assert bars[0] >= 11, "a bar for each month of the demo year"
    thai_nguyen_row = page.locator("#indicators tr", has_text="Thái Nguyên")
    assert re.search(r"\d", thai_nguyen_row.inner_text())
    if viewport is PHONE:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

    page.locator("#indicators a", has_text="Thái Nguyên").first.click()
    page.wait_for_url(re.compile(rf"/chuong-trinh/tinh/{THAI_NGUYEN}/"))
    screenshots(page, "province")
    assert "HTX" in page.content() or page.locator("#indicators tr").count() > 2
    assert len(_charts_drawn(page)) >= 3

    public = browser.new_page(viewport=viewport, locale="vi-VN")
    public.goto(f"{live_server.url}/chuong-trinh/tong-quan/")
    screenshots(public, "public-overview")
    assert len(_charts_drawn(public)) >= 3
    assert "canbo.chuongtrinh" not in public.content()
