"""Anyone can verify a certificate: its page, a look-up by number (several issuers may share one), the JSON API."""

import datetime

import pytest
from django.utils import timezone

from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import Commune, OcopCertificate
from ocop_catalog.services import CertificateData, certificate_record
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"), name="HTX Nước mắm Cát Hải")


def _certificate(product, *, number="12/QĐ-UBND", issuer="UBND tỉnh Thái Nguyên", issued_on=None, status=OcopCertificate.Status.VERIFIED):
    return certificate_record(
        product=product,
        data=CertificateData(stars=4, score=82, number=number, issuer=issuer, level="province",
                             issued_on=issued_on or timezone.localdate() - datetime.timedelta(days=10)),
        status=status,
    )  # fmt: skip


@pytest.fixture
def certificate(producer):
    return _certificate(make_product(producer=producer, title="Nước mắm cốt Cát Hải"))


def test_the_verify_page_shows_product_producer_place_stars_score_issuer_dates_and_valid(client, certificate):
    commune = Commune.objects.select_related("province").get(code="00004")

    response = client.get(f"/ocop/chung-nhan/{certificate.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Nước mắm cốt Cát Hải", "HTX Nước mắm Cát Hải", commune.name, commune.province.name, "4★", "82 / 100",
                 "UBND tỉnh Thái Nguyên", "12/QĐ-UBND", certificate.issued_on.strftime("%d/%m/%Y"),
                 certificate.expires_on.strftime("%d/%m/%Y"), "Còn hiệu lực"):  # fmt: skip
        assert text in html, text
    assert "<style" not in html and "<script>" not in html  # CSP: static CSS only


def test_the_verify_page_shows_no_personal_data(client, make_seller):
    seller = make_seller(name="HTX Chè", email="chu-nhiem@example.vn", phone="0912345678")
    certificate = _certificate(make_product(producer=seller.partner, title="Chè xanh"))

    html = client.get(f"/ocop/chung-nhan/{certificate.pk}/").content.decode()

    assert "Chè xanh" in html
    for private in ("chu-nhiem@example.vn", "0912345678", "0912 345 678", "Nguyễn Văn An", seller.tax_code):
        assert private not in html


def test_a_pending_or_rejected_certificate_has_no_public_page(client, producer):
    for status in (OcopCertificate.Status.PENDING, OcopCertificate.Status.REJECTED):
        certificate = _certificate(make_product(producer=producer), number=f"x-{status}", status=status)
        assert client.get(f"/ocop/chung-nhan/{certificate.pk}/").status_code == 404
    assert client.get("/ocop/chung-nhan/999999/").status_code == 404


def test_lookup_by_number_lists_every_issuer_sharing_it(client, producer, certificate):
    other = _certificate(make_product(producer=producer, title="Mắm tôm"), issuer="UBND tỉnh Hải Phòng")

    html = client.get("/ocop/chung-nhan/", {"so": " 12/QĐ-UBND "}).content.decode()

    assert "UBND tỉnh Thái Nguyên" in html and "UBND tỉnh Hải Phòng" in html
    assert f"/ocop/chung-nhan/{certificate.pk}/" in html and f"/ocop/chung-nhan/{other.pk}/" in html


def test_lookup_of_an_unknown_number_says_so(client, certificate):
    response = client.get("/ocop/chung-nhan/", {"so": "không-có"})

    assert response.status_code == 200
    assert "Không tìm thấy" in response.content.decode()


def test_the_api_returns_the_same_record_as_json(client, certificate, settings):
    settings.SITE_URL = "https://cho-ocop.example"
    response = client.get("/api/ocop/certificates/", {"number": "12/QĐ-UBND"})

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    record = data["results"][0]
    assert record["status"] == "valid" and record["stars"] == 4 and record["score"] == 82
    assert record["product"]["title"] == "Nước mắm cốt Cát Hải" and record["producer"] == "HTX Nước mắm Cát Hải"
    assert record["issuer"] == "UBND tỉnh Thái Nguyên"
    assert record["issued_on"] == certificate.issued_on.isoformat() and record["expires_on"] == certificate.expires_on.isoformat()
    assert record["revoked_on"] is None
    assert record["verify_url"] == f"https://cho-ocop.example/ocop/chung-nhan/{certificate.pk}/"


def test_the_api_says_revoked_with_reason_and_date(client, certificate, admin_user):
    certificate_revoke(certificate=certificate, reason="Hồ sơ giả mạo", revoked_on=timezone.localdate(), by=admin_user)

    record = client.get("/api/ocop/certificates/", {"number": "12/QĐ-UBND"}).json()["results"][0]

    assert record["status"] == "revoked" and record["status_label"] == "Đã bị thu hồi"
    assert record["revoked_reason"] == "Hồ sơ giả mạo" and record["revoked_on"] == timezone.localdate().isoformat()


@pytest.mark.parametrize("params", [{}, {"number": ""}, {"number": "   "}, {"number": "x" * 101}, {"number": "12\x00"}])
def test_the_api_answers_400_json_for_a_missing_or_bad_number(client, localities, params):
    response = client.get("/api/ocop/certificates/", params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json" and "error" in response.json()


def test_the_api_answers_404_json_when_no_certificate_has_the_number(client, certificate):
    response = client.get("/api/ocop/certificates/", {"number": "không-có"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json" and "error" in response.json()


def test_the_demo_catalogue_holds_a_revoked_certificate_its_page_explains(client, demo_catalogue):
    html = client.get("/ocop/chung-nhan/", {"so": "1033/QĐ-UBND"}).content.decode()

    assert "Đã bị thu hồi" in html and "Hậu kiểm năm 2023" in html and "15/06/2023" in html
