import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ocop_catalog import services
from ocop_catalog.models import Commune, OcopCertificate
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"))
    return make_product(producer=producer)


def certificate_data(**overrides):
    values = {
        "stars": 4, "score": 82, "number": "12/QĐ-UBND", "issuer": "UBND tỉnh Thái Nguyên", "level": "province",
        "issued_on": datetime.date(2025, 3, 10),
    }  # fmt: skip
    values.update(overrides)
    return services.CertificateData(**values)


def test_expiry_defaults_to_issue_date_plus_36_months(product):
    certificate = services.certificate_record(product=product, data=certificate_data())
    assert certificate.expires_on == datetime.date(2028, 3, 10)


@pytest.mark.parametrize(("stars", "score"), [(4, 90), (4, 69), (3, 70), (5, 89), (1, 30)])
def test_stars_that_disagree_with_the_score_are_refused(product, stars, score):
    level = "central" if stars == 5 else "province"
    with pytest.raises(ValidationError) as error:
        services.certificate_record(product=product, data=certificate_data(stars=stars, score=score, level=level))
    assert "stars" in error.value.message_dict
    assert not OcopCertificate.objects.filter(product=product).exists()


def test_database_refuses_stars_that_disagree_with_the_score_even_without_validation(product):
    with pytest.raises(IntegrityError), transaction.atomic():
        OcopCertificate.objects.create(
            product=product, stars=5, score=75, issuer="x", level="central",
            issued_on=datetime.date(2025, 1, 1), expires_on=datetime.date(2028, 1, 1),
        )  # fmt: skip


def test_five_stars_must_be_recognised_at_the_central_level(product):
    with pytest.raises(ValidationError) as error:
        services.certificate_record(product=product, data=certificate_data(stars=5, score=93, level="province"))
    assert "level" in error.value.message_dict


def test_a_valid_verified_certificate_shows_the_star_badge(product):
    today = timezone.localdate()
    services.certificate_record(
        product=product,
        data=certificate_data(issued_on=today - datetime.timedelta(days=100)),
        status=OcopCertificate.Status.VERIFIED,
    )
    assert product.ocop_stars == 4


def test_a_certificate_awaiting_verification_shows_no_stars(product):
    services.certificate_record(product=product, data=certificate_data(issued_on=timezone.localdate()))
    assert product.ocop_stars is None


def test_an_expired_certificate_shows_no_stars_but_is_still_the_current_one(product):
    issued = timezone.localdate() - datetime.timedelta(days=37 * 31)
    services.certificate_record(
        product=product, data=certificate_data(issued_on=issued), status=OcopCertificate.Status.VERIFIED
    )
    assert product.ocop_certificate.is_expired
    assert product.ocop_stars is None


def test_certificate_is_valid_through_its_last_day_and_not_after():
    certificate = OcopCertificate(
        stars=3, score=55, status=OcopCertificate.Status.VERIFIED,
        issued_on=datetime.date(2023, 5, 1), expires_on=datetime.date(2026, 5, 1),
    )  # fmt: skip
    assert certificate.is_valid_on(datetime.date(2026, 5, 1))
    assert not certificate.is_valid_on(datetime.date(2026, 5, 2))
    assert not certificate.is_valid_on(datetime.date(2023, 4, 30))


def test_renewal_makes_the_newest_verified_certificate_current(product):
    today = timezone.localdate()
    services.certificate_record(
        product=product,
        data=certificate_data(number="old", issued_on=today - datetime.timedelta(days=40 * 31)),
        status=OcopCertificate.Status.VERIFIED,
    )
    assert product.ocop_stars is None
    services.certificate_record(
        product=product,
        data=certificate_data(number="new", stars=5, score=91, level="central", issued_on=today),
        status=OcopCertificate.Status.VERIFIED,
    )
    assert product.ocop_certificate.number == "new"
    assert product.ocop_stars == 5
