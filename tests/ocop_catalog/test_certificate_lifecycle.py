"""Expiry and reminders, with the clock moved: reminders 90 and 30 days before (each once), a dashboard banner,
and the stars leave the storefront and search the day after the last valid day."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from ocop_catalog import lifecycle, selectors, tasks
from ocop_catalog.models import CertificateNotice, OcopCertificate
from ocop_catalog.services import CertificateData, certificate_record
from tests.factories import make_product

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2024, 1, 15)
EXPIRES = datetime.date(2027, 1, 15)  # 36 months later: its last valid day


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Mật ong Bắc Kạn", email="htx-matong@example.vn")


@pytest.fixture
def certificate(seller):
    product = make_product(producer=seller.partner, title="Mật ong bạc hà", stars=None)
    return certificate_record(
        product=product,
        data=CertificateData(stars=4, score=78, number="15/QĐ-UBND", issuer="UBND tỉnh Thái Nguyên", level="province", issued_on=ISSUED),
        status=OcopCertificate.Status.VERIFIED,
    )


def days_before_expiry(days: int) -> datetime.date:
    return EXPIRES - datetime.timedelta(days=days)


def move_clock_to(monkeypatch, day: datetime.date) -> None:
    """Make 'today' (Vietnam time) `day` for every caller of timezone.localdate()."""
    real_localdate = timezone.localdate
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: day if value is None else real_localdate(value, timezone))


def test_reminders_go_90_then_30_days_before_expiry_each_once(certificate, seller):
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(91)) == 0

    assert lifecycle.certificate_reminders_send(today=days_before_expiry(90)) == 1
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(89)) == 0
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(31)) == 0
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(30)) == 1
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(1)) == 0

    assert [message.to for message in mail.outbox] == [[seller.email], [seller.email]]
    assert "90" in mail.outbox[0].subject and "15/QĐ-UBND" in mail.outbox[0].subject
    assert "30" in mail.outbox[1].subject
    assert "15/01/2027" in mail.outbox[1].body
    assert set(certificate.notices.values_list("kind", flat=True)) == {"expires_90", "expires_30"}


def test_a_certificate_found_late_gets_only_the_30_day_reminder(certificate):
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(20)) == 1
    assert lifecycle.certificate_reminders_send(today=days_before_expiry(19)) == 0

    assert list(certificate.notices.values_list("kind", flat=True)) == ["expires_30"]


def test_a_renewed_certificate_gets_no_reminder(certificate):
    renewal_issued = days_before_expiry(100)
    certificate_record(
        product=certificate.product,
        data=CertificateData(stars=4, score=80, number="99/QĐ-UBND", issuer="UBND tỉnh Thái Nguyên", level="province", issued_on=renewal_issued),
        status=OcopCertificate.Status.VERIFIED,
    )

    assert lifecycle.certificate_reminders_send(today=days_before_expiry(90)) == 0
    assert mail.outbox == []


def test_the_reminder_task_is_safe_to_run_twice(certificate, monkeypatch):
    move_clock_to(monkeypatch, days_before_expiry(30))

    assert tasks.send_certificate_reminders.apply().get() == 1
    assert tasks.send_certificate_reminders.apply().get() == 0
    assert CertificateNotice.objects.filter(certificate=certificate).count() == 1


def test_the_dashboard_shows_a_banner_for_certificates_expiring_within_90_days(certificate, seller, client, monkeypatch):
    client.force_login(seller.partner.users.get())

    move_clock_to(monkeypatch, days_before_expiry(91))
    assert "Mật ong bạc hà" not in client.get("/shop/seller/").content.decode()

    move_clock_to(monkeypatch, days_before_expiry(45))
    html = client.get("/shop/seller/").content.decode()
    assert "Mật ong bạc hà" in html and "15/01/2027" in html
    assert selectors.certificates_expiring_for(producer=seller.partner, today=days_before_expiry(45)) == [certificate]


def test_stars_leave_the_storefront_and_search_the_day_after_the_last_valid_day(certificate, client, monkeypatch):
    product = certificate.product
    move_clock_to(monkeypatch, EXPIRES)
    assert 'class="ocop-stars"' in client.get(product.get_absolute_url()).content.decode()
    assert 'class="ocop-stars"' in client.get("/shop/catalogue/", {"q": "mat ong"}).content.decode()
    assert client.get("/api/search/products/", {"q": "mat ong"}).json()["results"][0]["stars"] == 4  # cached now

    move_clock_to(monkeypatch, EXPIRES + datetime.timedelta(days=1))

    assert 'class="ocop-stars"' not in client.get(product.get_absolute_url()).content.decode()
    listing = client.get("/shop/catalogue/", {"q": "mat ong"}).content.decode()
    assert "Mật ong bạc hà" in listing and 'class="ocop-stars"' not in listing
    answer = client.get("/api/search/products/", {"q": "mat ong"}).json()
    assert answer["results"][0]["stars"] is None
    assert not any(item["value"] == 4 and item["count"] for item in answer["facets"]["stars"])
    assert client.get(f"/ocop/chung-nhan/{certificate.pk}/").content.decode().count("Hết hiệu lực") >= 1


def test_the_expiry_task_reindexes_and_tells_the_seller_once(certificate, seller):
    day_after = EXPIRES + datetime.timedelta(days=1)
    assert lifecycle.certificates_expire(today=EXPIRES) == []

    assert lifecycle.certificates_expire(today=day_after) == [certificate.product_id]
    assert lifecycle.certificates_expire(today=day_after) == []

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [seller.email]
    assert CertificateNotice.objects.filter(certificate=certificate, kind="expired").count() == 1
