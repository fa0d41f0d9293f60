"""Each indicator against a small world counted by hand: two communes of Thái Nguyên (one a pilot) and one of
Hà Nội; an expired certificate, one expiring soon, a suspended seller, a cancelled part, an auto-cancelled part, a
refund, an order outside the period and articles in and out of it."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page

from ocop_catalog.models import Commune, OcopCertificate
from ocop_catalog.services import CertificateData, ListingData, ProducerData, certificate_record, producer_save, product_listing_save
from programme import indicators
from programme.indicators import NATIONAL, PILOT, PRODUCER, PROVINCE, Period, Scope
from programme.models import ArticleArea, Pilot
from programme.services import pilot_save
from sellers import fulfilment
from sellers.models import Fulfilment, FulfilmentStatusChange
from sellers.services import SellerData, application_approve, application_submit, seller_suspend
from tests.factories.orders import place_order

Order = get_model("order", "Order")

THAI_NGUYEN, HA_NOI = "19", "01"
PILOT_COMMUNE, OTHER_COMMUNE, HANOI_COMMUNE = "05641", "01849", "00004"  # Vô Tranh, Phong Quang, Ba Đình


def _years_back(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


def _seller(name, commune, tax):
    data = SellerData(
        kind="cooperative", name=name, tax_code=tax, representative="Nguyễn Văn An", phone="0912345678",
        email=f"{tax}@example.vn", commune=Commune.objects.get(code=commune), bank_name="Agribank",
        bank_account_number="1234567890123", bank_account_holder=name,
    )  # fmt: skip
    return application_approve(application=application_submit(data=data))


def _product(seller, sku, price, *, stars=None, issued_on=None, expires_on=None, ocop_producer=None):
    product = product_listing_save(
        producer=seller.partner, ocop_producer=ocop_producer,
        listing=ListingData(sku=sku, title=f"Sản phẩm {sku}", description="", group_slug="thuc-pham", price_vnd=price, stock=50),
    )  # fmt: skip
    if stars:
        today = timezone.localdate()
        certificate_record(
            product=product, status=OcopCertificate.Status.VERIFIED,
            data=CertificateData(
                stars=stars, score={3: 60, 4: 80, 5: 95}[stars], number=f"{sku}/QĐ", issuer="UBND tỉnh",
                level="central" if stars == 5 else "province", issued_on=issued_on or today - datetime.timedelta(days=60),
                expires_on=expires_on,
            ),
        )  # fmt: skip
    return product


def _part(order, seller):
    return Fulfilment.objects.get(order=order, partner=seller.partner)


def _deliver(part, *, confirm_after_hours):
    fulfilment.fulfilment_confirm(fulfilment=part)
    Fulfilment.objects.filter(pk=part.pk).update(confirmed_at=part.created_at + datetime.timedelta(hours=confirm_after_hours))
    fulfilment.fulfilment_ship(fulfilment=Fulfilment.objects.get(pk=part.pk), carrier="VNPost", tracking_code="VN1")
    fulfilment.fulfilment_deliver(fulfilment=Fulfilment.objects.get(pk=part.pk))


def _article(title, *, days_ago=0, live=True):
    root = Page.get_first_root_node()
    page = root.add_child(instance=Page(title=title, slug=f"bai-{abs(hash(title)) % 10**8}", live=live))
    Page.objects.filter(pk=page.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=days_ago))
    return page


def build_world():
    """The hand-counted world; the expected figures are written beside the tests."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    today = timezone.localdate()
    s1 = _seller("HTX Vô Tranh", PILOT_COMMUNE, "4600000001")
    s2 = _seller("HTX Tức Tranh", OTHER_COMMUNE, "4600000002")
    s3 = _seller("HTX Bị đình chỉ", OTHER_COMMUNE, "4600000003")
    s4 = _seller("HTX Ba Đình", HANOI_COMMUNE, "0100000004")
    household = producer_save(
        partner=s1.partner,
        data=ProducerData(name="Hộ Nguyễn Văn Chè", kind="household", commune=Commune.objects.get(code=PILOT_COMMUNE)),
    )
    soon = today + datetime.timedelta(days=30)
    p1 = _product(s1, "P1", 100_000, stars=4)
    _product(s1, "P2", 50_000, stars=3, issued_on=_years_back(today, 4), expires_on=today - datetime.timedelta(days=10))
    p3 = _product(s1, "P3", 200_000, stars=5, issued_on=_years_back(soon, 3), expires_on=soon)
    p8 = _product(s1, "P8", 30_000, stars=3, issued_on=_years_back(today, 4), expires_on=today - datetime.timedelta(days=1),
                  ocop_producer=household)  # fmt: skip
    p4 = _product(s2, "P4", 40_000)
    p5 = _product(s2, "P5", 60_000, stars=3)
    _product(s3, "P6", 70_000, stars=4)
    p7 = _product(s4, "P7", 80_000, stars=4)
    seller_suspend(seller=s3, reason="Hồ sơ giả")
    pilot_save(pilot=Pilot(commune_id=PILOT_COMMUNE, kind="smart", starts_on=datetime.date(2023, 1, 1)))

    u1 = users.create_user(email="u1@example.vn", password="x")
    u2 = users.create_user(email="u2@example.vn", password="x")
    u3 = users.create_user(email="u3@example.vn", password="x")
    # O1 (COD): p1 delivered after 2 h; p4's part cancelled by its seller.
    o1 = place_order(items=[(p1, 2), (p4, 1)], user=u1)
    _deliver(_part(o1, s1), confirm_after_hours=2)
    fulfilment.fulfilment_cancel(fulfilment=_part(o1, s2), reason="Hết hàng")
    # O2 (VietQR, guest): p3 + p8 of one part, paid 1 h after placing, confirmed 5 h after placing, delivered, 50.000 ₫ refunded.
    o2 = place_order(items=[(p3, 1), (p8, 1)], email="guest@example.vn")
    part = _part(o2, s1)
    FulfilmentStatusChange.objects.create(
        fulfilment=part, transition="pay", old_status="awaiting_payment", new_status="awaiting",
        created_at=part.created_at + datetime.timedelta(hours=1),
    )  # fmt: skip
    _deliver(part, confirm_after_hours=5)
    fulfilment.refund_record(fulfilment=Fulfilment.objects.get(pk=part.pk), amount=Decimal(50_000), reason="Hộp móp")
    # O3 (card): p5, never confirmed, cancelled by the deadline job.
    o3 = place_order(items=[(p5, 1)], user=u1)
    fulfilment.fulfilments_cancel_overdue(now=timezone.now() + datetime.timedelta(days=2))
    # O4 (COD): p5 ×2 confirmed after 10 h, not delivered yet.
    o4 = place_order(items=[(p5, 2)], user=u2)
    part = _part(o4, s2)
    fulfilment.fulfilment_confirm(fulfilment=part)
    Fulfilment.objects.filter(pk=part.pk).update(confirmed_at=part.created_at + datetime.timedelta(hours=10))
    # O5 (COD, Hà Nội): p7 delivered after 1 h.
    o5 = place_order(items=[(p7, 1)], user=u3)
    _deliver(_part(o5, s4), confirm_after_hours=1)
    # O6: p1 delivered, placed 100 days ago (in the last 365 days, not the last 30).
    o6 = place_order(items=[(p1, 1)], user=u2)
    _deliver(_part(o6, s1), confirm_after_hours=3)
    Order.objects.filter(pk=o6.pk).update(date_placed=timezone.now() - datetime.timedelta(days=100))
    Order.objects.filter(pk__in=[o1.pk, o4.pk, o5.pk, o6.pk]).update(payment_method="cod")
    Order.objects.filter(pk=o2.pk).update(payment_method="vietqr")
    Order.objects.filter(pk=o3.pk).update(payment_method="card")

    thai_nguyen_news = _article("Tin Thái Nguyên")
    pilot_news = _article("Tin xã thí điểm")
    old_news = _article("Tin cũ", days_ago=100)
    draft = _article("Bản nháp", live=False)
    ArticleArea.objects.create(page=thai_nguyen_news, province_id=THAI_NGUYEN)
    ArticleArea.objects.create(page=pilot_news, province_id=THAI_NGUYEN, commune_id=PILOT_COMMUNE)
    ArticleArea.objects.create(page=old_news, province_id=THAI_NGUYEN, commune_id=OTHER_COMMUNE)
    ArticleArea.objects.create(page=draft, province_id=THAI_NGUYEN, commune_id=PILOT_COMMUNE)
    # The orders' figures are read from the sales facts: computed as the nightly task would (the world's orders
    # were moved in time and given payment methods behind the services' back).
    call_command("sales_facts_backfill", verbosity=0)
    return SimpleNamespace(s1=s1, s2=s2, s3=s3, s4=s4, household=household, orders=[o1, o2, o3, o4, o5, o6])


@pytest.fixture(scope="module")
def world(localities, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        assert Commune.objects.get(code=OTHER_COMMUNE).province_id == THAI_NGUYEN
        yield build_world()
        transaction.set_rollback(True)


LAST_30 = Period.last_days(30)
pytestmark = pytest.mark.django_db


def test_producers_selling_online_leave_out_suspended_sellers_and_producers_without_a_valid_certificate(world):
    rows = indicators.figures(scope=Scope(level=PROVINCE), period=LAST_30)
    thai_nguyen, ha_noi = rows[THAI_NGUYEN], rows[HA_NOI]
    # s1, s2 and the suspended s3 hold valid certificates; the household's only certificate has expired.
    assert (thai_nguyen.producers, thai_nguyen.producers_online, thai_nguyen.online_share) == (3, 2, 66.7)
    assert (ha_noi.producers, ha_noi.producers_online, ha_noi.online_share) == (1, 1, 100.0)


def test_products_on_sale_by_valid_stars_and_certificates_expiring(world):
    rows = indicators.figures(scope=Scope(level=indicators.COMMUNE, province=THAI_NGUYEN), period=LAST_30)
    pilot, other = rows[PILOT_COMMUNE], rows[OTHER_COMMUNE]
    # Pilot commune: p1 4★, p3 5★ (expiring in 30 days, still valid), p2 and p8 expired → no valid star.
    assert (pilot.products, pilot.products_5, pilot.products_4, pilot.products_3, pilot.products_none) == (4, 1, 1, 0, 2)
    assert pilot.certificates_expiring == 1
    # Other commune: p4 none, p5 3★; the suspended seller's p6 is not on sale.
    assert (other.products, other.products_5, other.products_4, other.products_3, other.products_none) == (2, 0, 0, 1, 1)
    assert other.certificates_expiring == 0


def test_orders_revenue_buyers_and_payment_shares_leave_out_cancelled_parts_and_refunds(world):
    rows = indicators.figures(scope=Scope(level=PROVINCE), period=LAST_30)
    thai_nguyen = rows[THAI_NGUYEN]
    # O1, O2, O4 (O3's only part auto-cancelled; O6 is older); O1's cancelled p4 part does not count.
    assert thai_nguyen.orders == 3
    # O1 p1 200.000 + O2 (230.000 − 50.000 refunded) = 380.000; O4 is not delivered yet.
    assert thai_nguyen.revenue == Decimal(380_000)
    assert thai_nguyen.buyers == 3  # u1, the guest, u2
    assert (thai_nguyen.cod_share, thai_nguyen.vietqr_share, thai_nguyen.card_share) == (66.7, 33.3, 0.0)
    assert rows[HA_NOI].orders == 1 and rows[HA_NOI].revenue == Decimal(80_000)


def test_confirmation_time_counts_from_payment_and_auto_cancelled_parts(world):
    rows = indicators.figures(scope=Scope(level=indicators.COMMUNE, province=THAI_NGUYEN), period=LAST_30)
    # Pilot commune: O1 2 h, O2 5 h − 1 h waiting for the payment = 4 h → median 3 h.
    assert rows[PILOT_COMMUNE].median_confirm_hours == 3.0
    assert rows[OTHER_COMMUNE].median_confirm_hours == 10.0
    assert (rows[PILOT_COMMUNE].auto_cancelled, rows[OTHER_COMMUNE].auto_cancelled) == (0, 1)
    province = indicators.figures(scope=Scope(level=PROVINCE, province=THAI_NGUYEN), period=LAST_30)[THAI_NGUYEN]
    assert province.median_confirm_hours == 4.0  # 2, 4, 10


def test_articles_count_live_ones_published_in_the_period_for_their_commune_and_province(world):
    communes = indicators.figures(scope=Scope(level=indicators.COMMUNE, province=THAI_NGUYEN), period=LAST_30)
    assert communes[PILOT_COMMUNE].articles == 1
    assert communes.get(OTHER_COMMUNE).articles == 0  # its article is 100 days old
    assert indicators.figures(scope=Scope(level=PROVINCE), period=LAST_30)[THAI_NGUYEN].articles == 2
    assert indicators.figures(scope=Scope(level=PROVINCE), period=Period.last_days(365))[THAI_NGUYEN].articles == 3


def test_national_figures_and_a_longer_period(world):
    national = indicators.figures(scope=Scope(level=NATIONAL), period=LAST_30)["VN"]
    assert (national.producers, national.producers_online, national.orders, national.buyers) == (4, 3, 4, 4)
    assert national.revenue == Decimal(460_000)
    year = indicators.figures(scope=Scope(level=NATIONAL), period=Period.last_days(365))["VN"]
    assert (year.orders, year.revenue) == (5, Decimal(560_000))


def test_pilot_communes_against_the_other_communes_of_their_province(world):
    rows = indicators.figures(scope=Scope(level=PILOT, province=THAI_NGUYEN), period=LAST_30)
    assert (rows[True].producers, rows[True].orders, rows[True].revenue) == (1, 2, Decimal(380_000))
    assert (rows[False].producers, rows[False].orders, rows[False].revenue) == (2, 1, Decimal(0))
    counts = indicators.commune_counts_by_pilot(province=THAI_NGUYEN)
    assert counts[True] == 1 and counts[False] == Commune.objects.filter(province_id=THAI_NGUYEN).count() - 1


def test_producers_of_a_commune(world):
    rows = indicators.figures(scope=Scope(level=PRODUCER, commune=PILOT_COMMUNE), period=LAST_30)
    seller_itself = world.s1.partner.ocop_producers.get(is_seller_itself=True)
    assert (rows[seller_itself.pk].producers, rows[seller_itself.pk].products, rows[seller_itself.pk].orders) == (1, 3, 2)
    assert (rows[world.household.pk].producers, rows[world.household.pk].products) == (0, 1)


def test_monthly_sales_has_every_month_and_the_older_order(world):
    months = indicators.monthly_sales(scope=Scope(level=NATIONAL, province=THAI_NGUYEN))
    assert len(months) == 12
    assert months[-1]["month"] == timezone.localdate().replace(day=1)
    assert sum(m["orders"] for m in months) == 4 and sum(m["revenue"] for m in months) == Decimal(480_000)


def test_a_fixed_number_of_queries_whatever_the_number_of_areas(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        indicators.figures(scope=Scope(level=indicators.COMMUNE), period=LAST_30)


@pytest.mark.parametrize("province", [None, THAI_NGUYEN])
def test_groupings_added_up_from_communes_are_those_read_directly(world, province, django_assert_max_num_queries):
    memo: dict = {}
    levels = (indicators.COMMUNE, PROVINCE, NATIONAL, PILOT)
    with django_assert_max_num_queries(8 + 3 * 4):  # the additive figures are read once, by commune
        added_up = [indicators.figures(scope=Scope(level=level, province=province), period=LAST_30, memo=memo) for level in levels]
    for level, figures in zip(levels, added_up, strict=True):
        assert figures == indicators.figures(scope=Scope(level=level, province=province), period=LAST_30), level
