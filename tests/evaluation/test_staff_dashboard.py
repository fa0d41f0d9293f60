"""The programme staff dashboard (/shop/dashboard/ocop/): who may enter, dossiers by state with counts,
filters by province, group and star result, overdue steps with the clock moved, the CSV export equal to the
screen, a fixed number of queries however many dossiers, and a dossier read-only with its audit trail."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation import lifecycle, services
from evaluation.models import Dossier
from tests.evaluation.conftest import make_seller, make_user
from tests.factories import make_product

pytestmark = pytest.mark.django_db

LIST = reverse("evaluation-staff:dossier-list")
CSV = reverse("evaluation-staff:dossier-csv")


def make_staff(*, edit_sheets=False, label="canbo"):
    user = make_user(label)
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_dossier", content_type__app_label="evaluation"))
    if edit_sheets:
        user.user_permissions.add(Permission.objects.get(codename="add_criteriasheet", content_type__app_label="evaluation"))
    return user


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff())
    return client


def shown_ids(response) -> list[int]:
    return [row.pk for row in response.context["rows"]]


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


# --- Who may enter --------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = client.get(LIST)
    assert response.status_code == 302 and response.url.startswith("/shop/dashboard/login/")


@pytest.mark.parametrize("who", ["seller", "officer", "chair", "staff_without_permission", "permission_without_staff"])
def test_only_programme_staff_see_the_dashboard(client, world, who):
    dossier = world.submitted()
    if who == "staff_without_permission":
        user = make_user("nhanvien")
        user.is_staff = True
        user.save()
    elif who == "permission_without_staff":
        user = make_staff()
        user.is_staff = False
        user.save()
    else:
        user = {"seller": world.seller_user, "officer": world.officer, "chair": world.chair}[who]
    client.force_login(user)
    for url in (LIST, CSV, reverse("evaluation-staff:dossier-detail", args=[dossier.pk]), reverse("evaluation-staff:sheet-list")):
        assert client.get(url).status_code == 403, url


def test_programme_staff_and_superusers_see_every_dossier(client, world, django_user_model):
    dossier = world.submitted()
    client.force_login(make_staff())
    assert shown_ids(client.get(LIST)) == [dossier.pk]
    admin = django_user_model.objects.create_superuser(email="admin@example.vn", password="mat-khau-1")
    client.force_login(admin)
    assert client.get(reverse("evaluation-staff:dossier-detail", args=[dossier.pk])).status_code == 200


def test_an_unknown_dossier_is_a_404(staff_client, world):
    assert staff_client.get(reverse("evaluation-staff:dossier-detail", args=[999_999])).status_code == 404


# --- Counts and filters ---------------------------------------------------------------------------


@pytest.fixture
def spread(world, sheets, other_province_commune):
    """Dossiers in several states, groups, provinces and results."""
    world.draft()
    world.product = make_product(producer=world.seller.partner)
    submitted = world.submitted()
    world.product = make_product(producer=world.seller.partner)
    accepted = world.accepted()
    world.product = make_product(producer=world.seller.partner)
    four_star = world.scored([78, 78, 78, 78])
    world.product = make_product(producer=world.seller.partner)
    two_star = world.scored([40, 40, 40, 40])
    # A tea dossier (drinks) filed by a seller of another province.
    seller, user = make_seller(commune_code=other_province_commune.code)
    tea = services.dossier_create(
        seller=seller, product=make_product(producer=seller.partner, group="do-uong"), sheet=sheets["do-uong-che"], by=user
    )
    return {"submitted": submitted, "accepted": accepted, "four_star": four_star, "two_star": two_star, "tea": tea,
            "other_province": other_province_commune.province}  # fmt: skip


def test_dossiers_are_counted_by_state(staff_client, spread):
    response = staff_client.get(LIST)
    counts = response.context["counts"]
    assert counts["all"] == 6
    assert counts["by_status"][lifecycle.DRAFT] == 2
    assert counts["by_status"][lifecycle.SUBMITTED] == 1
    assert counts["by_status"][lifecycle.COMMUNE_CHECKED] == 1
    assert counts["by_status"][lifecycle.SCORED] == 2
    assert counts["by_status"][lifecycle.CERTIFIED] == 0
    page = response.content.decode()
    assert 'data-testid="count-scored">2<' in page

    response = staff_client.get(LIST, {"trang_thai": lifecycle.SCORED})
    assert sorted(shown_ids(response)) == sorted([spread["four_star"].pk, spread["two_star"].pk])
    # Each state's tab still counts under the other filters.
    assert response.context["counts"]["all"] == 6


def test_filters_by_province_group_and_star_result(staff_client, spread):
    response = staff_client.get(LIST, {"tinh": spread["other_province"].code})
    assert shown_ids(response) == [spread["tea"].pk]
    assert response.context["counts"]["all"] == 1

    assert shown_ids(staff_client.get(LIST, {"nhom": "do-uong"})) == [spread["tea"].pk]
    assert spread["tea"].pk not in shown_ids(staff_client.get(LIST, {"nhom": "thuc-pham"}))
    assert shown_ids(staff_client.get(LIST, {"sao": "4"})) == [spread["four_star"].pk]
    assert shown_ids(staff_client.get(LIST, {"sao": "2"})) == [spread["two_star"].pk]
    assert len(shown_ids(staff_client.get(LIST, {"sao": "none"}))) == 4
    assert shown_ids(staff_client.get(LIST, {"nhom": "thuc-pham", "sao": "4"})) == [spread["four_star"].pk]


def test_a_bad_filter_value_is_ignored_not_an_error(staff_client, spread):
    response = staff_client.get(LIST, {"tinh": "'; drop", "sao": "9", "trang_thai": "nope", "nhom": "x" * 500, "page": "abc"})
    assert response.status_code == 200
    assert len(shown_ids(response)) == 6


# --- Overdue steps --------------------------------------------------------------------------------


def later(days: float):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=days))


def overdue_list(client, days: float):
    """The overdue list as the staff see it `days` from now (signed in then: a session does not last weeks)."""
    with later(days):
        client.force_login(make_staff())
        return client.get(LIST, {"qua_han": "on"})


def test_a_commune_check_is_overdue_after_15_days_and_a_council_after_30(client, world):
    submitted = world.submitted()
    world.product = make_product(producer=world.seller.partner)
    accepted = world.accepted()

    response = overdue_list(client, 14)
    assert shown_ids(response) == [] and response.context["counts"]["overdue"] == 0

    response = overdue_list(client, 16)
    assert shown_ids(response) == [submitted.pk]
    assert 'data-testid="overdue"' in response.content.decode()

    # The council's clock runs from the commune's acceptance: opening a round does not restart it.
    with later(20):
        services.round_open(dossier=accepted, by=world.chair)
    assert shown_ids(overdue_list(client, 29)) == [submitted.pk]
    response = overdue_list(client, 31)
    assert sorted(shown_ids(response)) == sorted([submitted.pk, accepted.pk])
    assert response.context["counts"]["overdue"] == 2


def test_the_overdue_limits_are_settings(client, world, settings):
    world.submitted()
    settings.OCOP_COMMUNE_CHECK_DAYS = 3
    assert len(shown_ids(overdue_list(client, 4))) == 1
    assert len(shown_ids(overdue_list(client, 2))) == 0


# --- CSV ------------------------------------------------------------------------------------------


def test_the_csv_holds_exactly_the_filtered_list_in_the_same_order(staff_client, spread):
    query = {"nhom": "thuc-pham", "trang_thai": lifecycle.SCORED}
    screen = shown_ids(staff_client.get(LIST, query))
    response = staff_client.get(CSV, query)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:3] == ["Mã hồ sơ", "Sản phẩm", "Người bán"] and "Trạng thái" in rows[0]
    assert [int(row[0]) for row in rows[1:]] == screen and len(screen) == 2
    status_column = rows[0].index("Trạng thái")
    assert {row[status_column] for row in rows[1:]} == {str(Dossier.Status.SCORED.label)}

    everything = csv_rows(staff_client.get(CSV))
    assert [int(row[0]) for row in everything[1:]] == shown_ids(staff_client.get(LIST))


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(staff_client, world):
    world.product = make_product(producer=world.seller.partner, title="=HYPERLINK(\"http://x\")")
    world.draft()
    rows = csv_rows(staff_client.get(CSV))
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")"


# --- No N+1 ---------------------------------------------------------------------------------------


def test_the_list_and_the_csv_cost_the_same_queries_for_3_or_40_dossiers(staff_client, world, django_assert_max_num_queries):
    def add(count):
        for _ in range(count):
            product = make_product(producer=world.seller.partner)
            services.dossier_create(seller=world.seller, product=product, sheet=world.sheet, by=world.seller_user)

    add(3)
    with CaptureQueriesContext(connection) as few:
        staff_client.get(LIST)
        csv_rows(staff_client.get(CSV))
    add(37)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(LIST)
        rows = csv_rows(staff_client.get(CSV))
    assert len(shown_ids(response)) == 40 and len(rows) == 41


# --- One dossier ----------------------------------------------------------------------------------


def test_a_dossier_is_shown_read_only_with_its_audit_trail(staff_client, world):
    dossier = world.submitted()
    services.dossier_return(dossier=dossier, by=world.officer, reason="Thiếu phiếu kiểm nghiệm.")
    response = staff_client.get(reverse("evaluation-staff:dossier-detail", args=[dossier.pk]))
    page = response.content.decode()
    trail = [item["label"] for item in response.context["trail"]]
    # create, story, document, self-assessment, submit, return — oldest first, each with who and the change.
    assert len(trail) == 6 and trail[-1] == str(lifecycle.TRANSITIONS["return"].label)
    assert "Thiếu phiếu kiểm nghiệm." in page
    assert world.officer.email in page and world.seller_user.email in page
    assert response.context["trail"][-1]["changes"][0] == ("status", lifecycle.SUBMITTED, lifecycle.RETURNED)
    # Read-only: there is no way to post to it.
    assert staff_client.post(reverse("evaluation-staff:dossier-detail", args=[dossier.pk])).status_code == 405
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.RETURNED
