"""The programme dashboard: who sees which province, drilling down, sorting, the charts, CSV and XLSX holding exactly
the figures on screen, the public overview (aggregates only, cached) and a fixed number of queries."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from programme.models import ProgrammeStaff
from programme.presenters import columns, display
from tests.programme.test_indicators import HA_NOI, OTHER_COMMUNE, PILOT_COMMUNE, THAI_NGUYEN, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _staff(province=None, email=None):
    user = get_user_model().objects.create_user(email=email or f"staff-{province or 'vn'}@example.vn", password="x")
    ProgrammeStaff.objects.create(user=user, province_id=province)
    return user


@pytest.fixture
def national(client, world):  # noqa: F811
    client.force_login(_staff())
    return client


@pytest.fixture
def thai_nguyen_staff(client, world):  # noqa: F811
    client.force_login(_staff(THAI_NGUYEN))
    return client


def screen_table(html: str, table_id: str = "indicators") -> list[list[str]]:
    table = BeautifulSoup(html, "html.parser").find("table", id=table_id)
    lines = []
    for tr in table.find_all("tr"):
        lines.append([cell.get_text(" ", strip=True).replace("\xa0", " ") for cell in tr.find_all(["th", "td"])])
    return lines


def test_anonymous_visitors_sign_in_and_other_users_are_refused(client, world):  # noqa: F811
    response = client.get("/chuong-trinh/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(get_user_model().objects.create_user(email="buyer@example.vn", password="x"))
    assert client.get("/chuong-trinh/").status_code == 403
    assert client.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/").status_code == 403


def test_national_staff_see_every_province_and_the_whole_country(national):
    html = national.get("/chuong-trinh/").content.decode()
    table = screen_table(html)
    assert len(table) == 1 + 34 + 1  # header, provinces, the total
    thai_nguyen = next(line for line in table if line[0] == "Thái Nguyên")
    headers = [column.code for column in columns()]
    assert thai_nguyen[1 + headers.index("orders")] == "3"
    assert thai_nguyen[1 + headers.index("revenue")] == "380.000 ₫"
    assert thai_nguyen[1 + headers.index("online_share")] == "66,7 %"
    assert thai_nguyen[1 + headers.index("target")] == "50,0 %"
    assert table[-1][1 + headers.index("revenue")] == "460.000 ₫"
    assert 'href="/chuong-trinh/tinh/19/' in html
    assert html.count("<svg") >= 3


def test_drill_down_province_to_commune_to_producer(national, world):  # noqa: F811
    province_html = national.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/").content.decode()
    communes = screen_table(province_html)
    assert [line[0] for line in communes[1:-1]] == ["Xã Phong Quang", "Xã Vô Tranh"]
    assert communes[2][1] == "NTM TM"  # the pilot mark
    assert f'href="/chuong-trinh/xa/{PILOT_COMMUNE}/' in province_html
    comparison = screen_table(province_html, "comparison")
    assert len(comparison) == 3  # header, pilot communes, the others
    commune_html = national.get(f"/chuong-trinh/xa/{PILOT_COMMUNE}/").content.decode()
    producers = [line[0] for line in screen_table(commune_html)[1:-1]]
    assert any(name.startswith("HTX Vô Tranh") for name in producers)
    assert any(name.startswith("Hộ Nguyễn Văn Chè") for name in producers)


def test_province_staff_see_only_their_province(thai_nguyen_staff):
    response = thai_nguyen_staff.get("/chuong-trinh/?period=90")
    assert response.status_code == 302 and response["Location"] == f"/chuong-trinh/tinh/{THAI_NGUYEN}/?period=90"
    assert thai_nguyen_staff.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/").status_code == 200
    assert thai_nguyen_staff.get(f"/chuong-trinh/xa/{OTHER_COMMUNE}/").status_code == 200
    assert thai_nguyen_staff.get(f"/chuong-trinh/tinh/{HA_NOI}/").status_code == 404
    assert thai_nguyen_staff.get("/chuong-trinh/xa/00004/").status_code == 404  # Ba Đình, Hà Nội
    assert thai_nguyen_staff.get(f"/chuong-trinh/tinh/{HA_NOI}/?export=csv").status_code == 404
    assert thai_nguyen_staff.get("/chuong-trinh/tinh/zz/").status_code == 404


def test_the_table_sorts_by_any_indicator(national):
    table = screen_table(national.get("/chuong-trinh/?sort=revenue&dir=desc").content.decode())
    assert [line[0] for line in table[1:3]] == ["Thái Nguyên", "Hà Nội"]
    ascending = screen_table(national.get("/chuong-trinh/?sort=name&dir=desc").content.decode())
    assert ascending[1][0] > ascending[2][0]


def test_bad_input_shows_the_last_30_days_never_an_error(national):
    for query in ("period=abc", "period=custom&start=2026-13-40", "period=custom&start=2026-05-01&end=2026-01-01",
                  "sort=<script>&dir=sideways", "start=1900-01-01&end=2026-01-01", "export=pdf"):  # fmt: skip
        response = national.get(f"/chuong-trinh/?{query}")
        assert response.status_code == 200, query
        assert "<script>" not in response.content.decode().split("<body", 1)[1].split("</script>")[-1]


def _written(unit, value):
    """How the screen writes a value read back from a file."""
    if unit == "text":
        return value or ""
    if value in ("", None):
        return display(unit, None)
    return display(unit, float(value) if unit in ("percent", "hours") else int(value)).replace("\xa0", " ")


def test_csv_and_xlsx_hold_exactly_the_figures_on_screen(national):
    query = f"/chuong-trinh/tinh/{THAI_NGUYEN}/?period=365&sort=orders&dir=desc"
    screen = screen_table(national.get(query).content.decode())
    units = [column.unit for column in columns()]
    response = national.get(query + "&export=csv")
    assert response["Content-Type"].startswith("text/csv") and response["Cache-Control"] == "private, no-store"
    exported = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[: len(screen)]
    workbook = load_workbook(io.BytesIO(national.get(query + "&export=xlsx").content))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == len(screen)
    for written_rows in (exported, rows):
        assert [line[0] for line in written_rows[1:]] == [line[0] for line in screen[1:]]  # same areas, same order
        for shown, written in zip(screen[1:], written_rows[1:], strict=True):
            assert [_written(unit, value) for unit, value in zip(units, written[1:], strict=True)] == shown[1:]
    assert len(workbook.sheetnames) == 3  # indicators, pilots against others, definitions


def test_public_overview_shows_aggregates_without_names_and_is_cached(client, world):  # noqa: F811
    response = client.get("/chuong-trinh/tong-quan/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
    html = response.content.decode()
    table = screen_table(html)
    assert len(table) == 36 and any(line[0] == "Thái Nguyên" for line in table)
    for name in ("HTX Vô Tranh", "Hộ Nguyễn Văn Chè", "u1@example.vn", "guest@example.vn"):
        assert name not in html
    assert "/chuong-trinh/tinh/" not in html  # no links into the staff pages
    assert client.get("/chuong-trinh/tong-quan/?export=csv")["Content-Type"].startswith("text/html")


def test_pages_take_a_fixed_number_of_queries(national, django_assert_max_num_queries):
    # The figures (eight queries: six of the market, two of training) are computed for the table, its total and the
    # pilots; monthly sales take two (the sales facts and their shared orders) and the page reads when the sales facts
    # were refreshed; PostgreSQL adds one statement (SET LOCAL jit = off, programme.pages).
    with django_assert_max_num_queries(49):
        assert national.get("/chuong-trinh/").status_code == 200
    with django_assert_max_num_queries(49):
        assert national.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/").status_code == 200
    with django_assert_max_num_queries(12):  # cached
        assert national.get("/chuong-trinh/").status_code == 200


def test_the_hourly_task_computes_the_pages_ahead_and_the_page_says_when(national):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programme.tasks import dashboard_figures_refresh

    assert dashboard_figures_refresh() == 3 * 35
    with CaptureQueriesContext(connection) as captured:
        html = national.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/?period=90").content.decode()
    # Served from what the task computed: no figure is read again (only the layout's basket, session and role).
    assert not [q["sql"] for q in captured.captured_queries if "order_line" in q["sql"] or "ocop_catalog_producer" in q["sql"]]
    assert "<svg" in html and "Thái Nguyên" in html
