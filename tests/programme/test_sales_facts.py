"""The sales facts behind the dashboard's flow indicators (programme.sales_facts), on the hand-counted world of
test_indicators: a refresh is idempotent; an order placed, a part's move and a refund mark their day and show after
the refresh task; buyers and orders are counted once across days and areas; the backfill command."""

import datetime
import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone
from oscar.core.loading import get_model

from programme import indicators, sales_facts, tasks
from programme.indicators import NATIONAL, PROVINCE, Period, Scope
from programme.models import SalesBuyer, SalesDay, SalesDirtyDay, SalesFactsRefresh
from programme.sales_facts import FACT_MODELS
from programme.sql import buyer_key
from sellers import fulfilment
from sellers.models import Fulfilment
from tests.factories.orders import place_order
from tests.programme.test_indicators import HA_NOI, OTHER_COMMUNE, PILOT_COMMUNE, THAI_NGUYEN, world  # noqa: F401

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db
LAST_30 = Period.last_days(30)


def _product(sku: str):
    return Product.objects.get(stockrecords__partner_sku=sku)


def _facts() -> list[list]:
    """Every fact table's rows, in a stable order."""
    tables = []
    for model in FACT_MODELS:
        names = [field.attname for field in model._meta.concrete_fields if field.name != "id"]
        tables.append(sorted(model.objects.values_list(*names), key=repr))
    return tables


def _province(code: str = THAI_NGUYEN, period: Period = LAST_30):
    return indicators.figures(scope=Scope(level=PROVINCE), period=period)[code]


def test_a_refresh_is_idempotent(world):  # noqa: F811
    before = _facts()
    assert all(before)  # sales, buyers, confirmations and the order shared by two producers of one commune (O2)
    today = timezone.localdate()
    sales_facts.refresh(days=sales_facts.last_days(120))
    sales_facts.refresh(days=[today, today - datetime.timedelta(days=100)], batch_days=1)
    assert _facts() == before
    assert _province().orders == 3 and _province().revenue == Decimal(380_000)


def test_a_new_order_shows_after_the_refresh_task_which_always_takes_today(world, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        place_order(items=[(_product("P1"), 1)], email="new-buyer@example.vn")
    assert not SalesDirtyDay.objects.exists()  # placing an order writes no mark: today is always recomputed
    assert _province().orders == 3  # not yet: the facts are as of the last refresh
    assert tasks.sales_facts_refresh_dirty() == 2  # today and yesterday
    thai_nguyen = _province()
    assert (thai_nguyen.orders, thai_nguyen.buyers) == (4, 4)


def test_a_change_to_an_older_order_marks_its_day_for_the_refresh_task(world, django_capture_on_commit_callbacks):  # noqa: F811
    order = place_order(items=[(_product("P7"), 1)], email="older@example.vn")
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    Order.objects.filter(pk=order.pk).update(date_placed=ten_days_ago)
    sales_facts.refresh(days=[sales_facts.day_of(ten_days_ago)])
    assert _province(HA_NOI).orders == 2
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_cancel(fulfilment=Fulfilment.objects.get(order=order), reason="Hết hàng")
    assert list(SalesDirtyDay.objects.values_list("day", flat=True)) == [sales_facts.day_of(ten_days_ago)]
    assert tasks.sales_facts_refresh_dirty() == 3
    assert _province(HA_NOI).orders == 1
    assert not SalesDirtyDay.objects.exists()


def test_a_part_delivered_shows_its_revenue_after_the_refresh_task(world, django_capture_on_commit_callbacks):  # noqa: F811
    o4 = world.orders[3]
    part = Fulfilment.objects.get(order=o4, partner=world.s2.partner)  # p5 × 2 confirmed, 120.000 ₫, not delivered
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_ship(fulfilment=part, carrier="VNPost", tracking_code="VN2")
        fulfilment.fulfilment_deliver(fulfilment=Fulfilment.objects.get(pk=part.pk))
    assert _province().revenue == Decimal(380_000)
    tasks.sales_facts_refresh_dirty()
    assert _province().revenue == Decimal(500_000)


def test_a_part_cancelled_leaves_the_orders_after_the_refresh_task(world, django_capture_on_commit_callbacks):  # noqa: F811
    o4 = world.orders[3]
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_cancel(fulfilment=Fulfilment.objects.get(order=o4), reason="Hết hàng", actor="staff")
    tasks.sales_facts_refresh_dirty()
    thai_nguyen = _province()
    assert (thai_nguyen.orders, thai_nguyen.buyers, thai_nguyen.cod_share) == (2, 2, 50.0)  # O1 and O2 are left


def test_a_refund_shows_after_the_refresh_task(world, django_capture_on_commit_callbacks):  # noqa: F811
    o1, o6 = world.orders[0], world.orders[5]
    with django_capture_on_commit_callbacks(execute=True):
        # O1: p1 × 2, 200.000 ₫, delivered today; O6: p1, 100.000 ₫, delivered, placed 100 days ago.
        fulfilment.refund_record(fulfilment=Fulfilment.objects.get(order=o1, partner=world.s1.partner), amount=Decimal(20_000), reason="Giao thiếu")
        fulfilment.refund_record(fulfilment=Fulfilment.objects.get(order=o6), amount=Decimal(30_000), reason="Hộp móp")
    assert list(SalesDirtyDay.objects.values_list("day", flat=True)) == [sales_facts.day_of(Order.objects.get(pk=o6.pk).date_placed)]
    tasks.sales_facts_refresh_dirty()
    assert _province().revenue == Decimal(360_000)
    assert _province(period=Period.last_days(365)).revenue == Decimal(360_000 + 70_000)


def test_a_day_runs_from_midnight_to_midnight_vietnam_time(world):  # noqa: F811
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    local = timezone.get_current_timezone()
    early, late = (place_order(items=[(_product("P7"), 1)], email=f"{name}@example.vn") for name in ("early", "late"))
    for order, at in ((early, datetime.time(0, 30)), (late, datetime.time(23, 30))):
        Order.objects.filter(pk=order.pk).update(date_placed=datetime.datetime.combine(yesterday, at, tzinfo=local))
    SalesDay.objects.all().delete()
    sales_facts.refresh(days=[yesterday])
    assert set(SalesDay.objects.values_list("day", flat=True)) == {yesterday}
    assert sum(SalesDay.objects.values_list("orders", flat=True)) == 2


def test_a_buyer_ordering_on_several_days_counts_once_in_the_period(world):  # noqa: F811
    customer = get_model("users", "User").objects.create_user(email="khach-quen@example.vn", password="x")
    earlier = place_order(items=[(_product("P7"), 1)], user=customer)
    place_order(items=[(_product("P7"), 1)], user=customer)
    Order.objects.filter(pk=earlier.pk).update(date_placed=timezone.now() - datetime.timedelta(days=5))
    sales_facts.refresh(days=sales_facts.last_days(10))
    ha_noi = _province(HA_NOI)
    assert (ha_noi.orders, ha_noi.buyers) == (3, 2)  # O5's u3 and the customer, on two days
    assert SalesBuyer.objects.filter(buyer=buyer_key(str(customer.pk))).count() == 2  # the same number in SQL and Python


def test_an_order_from_two_communes_counts_once_in_the_province_and_the_nation(world):  # noqa: F811
    order = place_order(items=[(_product("P1"), 1), (_product("P5"), 1)], user=world.orders[0].user)
    Order.objects.filter(pk=order.pk).update(payment_method="card")
    sales_facts.refresh(days=[timezone.localdate()])
    communes = indicators.figures(scope=Scope(level=indicators.COMMUNE, province=THAI_NGUYEN), period=LAST_30)
    assert (communes[PILOT_COMMUNE].orders, communes[OTHER_COMMUNE].orders) == (3, 2)
    thai_nguyen = _province()
    assert (thai_nguyen.orders, thai_nguyen.buyers) == (4, 3)
    assert (thai_nguyen.cod_share, thai_nguyen.vietqr_share, thai_nguyen.card_share) == (50.0, 25.0, 25.0)
    national = indicators.figures(scope=Scope(level=NATIONAL), period=LAST_30)["VN"]
    assert national.orders == 5
    pilots = indicators.figures(scope=Scope(level=indicators.PILOT, province=THAI_NGUYEN), period=LAST_30)
    assert (pilots[True].orders, pilots[False].orders) == (3, 2)
    months = indicators.monthly_sales(scope=Scope(level=NATIONAL, province=THAI_NGUYEN))
    assert sum(m["orders"] for m in months) == 5


def test_the_backfill_command_fills_history_with_progress(world):  # noqa: F811
    before = _facts()
    for model in FACT_MODELS:
        model.objects.all().delete()
    out = io.StringIO()
    call_command("sales_facts_backfill", "--batch-days", "30", stdout=out)
    text = out.getvalue()
    assert "[1/4]" in text and "[4/4]" in text and "101 days recomputed in 4 batches" in text  # O6 is 100 days old
    assert _facts() == before
    assert SalesFactsRefresh.objects.first().reason == "backfill"
    assert sales_facts.as_of() == SalesFactsRefresh.objects.first().started_at
    year = indicators.figures(scope=Scope(level=NATIONAL), period=Period.last_days(365))["VN"]
    assert (year.orders, year.revenue) == (5, Decimal(560_000))
    call_command("sales_facts_backfill", "--days", "3", stdout=io.StringIO())
    assert _facts() == before
    with pytest.raises(CommandError):
        call_command("sales_facts_backfill", "--days", "3", "--since", "2026-01-01")


def test_the_refresh_tasks_are_scheduled():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["programme-sales-facts-dirty"]["task"] == "programme.tasks.sales_facts_refresh_dirty"
    assert schedule["programme-sales-facts-dirty"]["schedule"] == settings.PROGRAMME_FACTS_REFRESH_SECONDS == 300
    assert schedule["programme-sales-facts-nightly"]["task"] == "programme.tasks.sales_facts_refresh_nightly"
    assert settings.PROGRAMME_FACTS_NIGHTLY_DAYS == 400


def test_the_dashboard_says_when_the_sales_facts_were_refreshed(world, client):  # noqa: F811
    from django.contrib.auth import get_user_model

    from programme.models import ProgrammeStaff

    user = get_user_model().objects.create_user(email="staff-facts@example.vn", password="x")
    ProgrammeStaff.objects.create(user=user)
    client.force_login(user)
    html = client.get(f"/chuong-trinh/tinh/{THAI_NGUYEN}/").content.decode()
    as_of = timezone.localtime(sales_facts.as_of()).strftime("%H:%M %d/%m/%Y")
    assert f"số liệu bán hàng cập nhật đến {as_of}" in html
