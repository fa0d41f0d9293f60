"""Revocation (thu hồi): a reason, a date and who; the stars leave the product page, search and the API at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import Commune, OcopCertificate
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"), name="HTX Chè Tân Cương")
    return make_product(producer=producer, title="Chè búp Tân Cương", group="do-uong", stars=4)


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(email="ocop-office@example.vn", password="x")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def _revoke(product, staff, **overrides):
    values = {"reason": "Sản phẩm không đạt chỉ tiêu an toàn thực phẩm khi hậu kiểm.", "revoked_on": timezone.localdate(), "by": staff}
    values.update(overrides)
    return certificate_revoke(certificate=product.ocop_certificate, **values)


def _stars_in_search_api(client, title_query):
    data = client.get("/api/search/products/", {"q": title_query}).json()
    hits = [hit for hit in data["results"] if hit["title"] == "Chè búp Tân Cương"]
    facet_four = next((item["count"] for item in data["facets"]["stars"] if item["value"] == 4), 0)
    return hits[0]["stars"], facet_four


def test_revoking_records_reason_date_and_who(product, staff):
    today = timezone.localdate()

    certificate = _revoke(product, staff, revoked_on=today)

    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.REVOKED
    assert (certificate.revoked_on, certificate.revoked_by) == (today, staff)
    assert certificate.revoked_reason.startswith("Sản phẩm không đạt")
    assert not certificate.is_valid


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": "   "}, "reason"),
        ({"revoked_on": timezone.localdate() + datetime.timedelta(days=1)}, "revoked_on"),
        ({"revoked_on": datetime.date(2000, 1, 1)}, "revoked_on"),
    ],
)
def test_revocation_needs_a_reason_and_a_date_not_in_the_future_nor_before_issue(product, staff, overrides, field):
    with pytest.raises(ValidationError) as error:
        _revoke(product, staff, **overrides)

    assert field in error.value.message_dict
    assert OcopCertificate.objects.get(product=product).status == OcopCertificate.Status.VERIFIED


def test_a_revoked_certificate_cannot_be_revoked_again(product, staff):
    certificate = product.ocop_certificate
    _revoke(product, staff)

    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, reason="lại", revoked_on=timezone.localdate(), by=staff)
    assert "status" in error.value.message_dict


def test_revocation_takes_the_stars_off_the_product_page_search_and_api_in_the_next_request(client, product, staff):
    page = client.get(product.get_absolute_url()).content.decode()
    listing = client.get("/shop/catalogue/", {"q": "che bup"}).content.decode()
    assert 'class="ocop-stars"' in page and 'class="ocop-stars"' in listing
    assert _stars_in_search_api(client, "che bup") == (4, 1)  # answer and cards now cached

    _revoke(product, staff)

    page = client.get(product.get_absolute_url()).content.decode()
    listing = client.get("/shop/catalogue/", {"q": "che bup"}).content.decode()
    assert 'class="ocop-stars"' not in page
    assert "Chè búp Tân Cương" in listing and 'class="ocop-stars"' not in listing
    assert _stars_in_search_api(client, "che bup") == (None, 0)
    four_star_filter = client.get("/api/search/products/", {"stars_min": 4}).json()
    assert four_star_filter["count"] == 0


def test_revocation_shows_on_the_public_verify_page_with_reason_and_date(client, product, staff):
    certificate = _revoke(product, staff, revoked_on=timezone.localdate())

    html = client.get(f"/ocop/chung-nhan/{certificate.pk}/").content.decode()

    assert "Đã bị thu hồi" in html
    assert "không đạt chỉ tiêu an toàn thực phẩm" in html
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    assert "ocop-office@example.vn" not in html  # who revoked is not public


def test_staff_revoke_a_certificate_from_the_staff_certificate_page(admin_client, product):
    certificate = product.ocop_certificate
    listing = admin_client.get("/shop/dashboard/sellers/certificates/", {"so": certificate.number}).content.decode()
    assert f"/shop/dashboard/sellers/certificates/{certificate.pk}/revoke/" in listing

    response = admin_client.post(
        f"/shop/dashboard/sellers/certificates/{certificate.pk}/revoke/",
        {"reason": "Giả mạo hồ sơ", "revoked_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.REVOKED and certificate.revoked_reason == "Giả mạo hồ sơ"


def test_staff_revoke_form_refuses_a_blank_reason_and_get(admin_client, product):
    certificate = product.ocop_certificate
    url = f"/shop/dashboard/sellers/certificates/{certificate.pk}/revoke/"

    assert admin_client.get(url).status_code == 405
    admin_client.post(url, {"reason": "", "revoked_on": timezone.localdate().isoformat()})

    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.VERIFIED


def test_shoppers_cannot_revoke(client, product):
    certificate = product.ocop_certificate

    response = client.post(f"/shop/dashboard/sellers/certificates/{certificate.pk}/revoke/", {"reason": "x"})

    assert response.status_code == 302 and "login" in response["Location"]
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.VERIFIED


def test_recording_a_revoked_certificate_again_does_not_undo_the_revocation(product, staff):
    from ocop_catalog.services import CertificateData, certificate_record

    certificate = _revoke(product, staff)

    with pytest.raises(ValidationError) as error:
        certificate_record(
            product=product,
            data=CertificateData(stars=certificate.stars, score=certificate.score, number=certificate.number,
                                 issuer=certificate.issuer, level=certificate.level, issued_on=certificate.issued_on),
        )  # fmt: skip
    assert "number" in error.value.message_dict
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.REVOKED
