"""A certificate issued from a result: the product's stars change at once, the certificate carries the
number the issuer typed, its issuing body, its level, and expires 36 months later."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from evaluation import lifecycle, services
from ocop_catalog.models import OcopCertificate
from ocop_catalog.rules import add_months

pytestmark = pytest.mark.django_db


def test_the_province_certifies_a_4_star_result_and_the_product_shows_4_stars(world):
    assert world.product.ocop_stars is None
    dossier = services.dossier_certify(dossier=world.scored([78, 80, 79, 80]), by=world.chair, number="  12/QĐ-UBND ")
    certificate = dossier.certificate
    assert (certificate.stars, certificate.score, certificate.number) == (4, 79, "12/QĐ-UBND")
    assert certificate.issuer == "UBND tỉnh thử"
    assert certificate.level == OcopCertificate.Level.PROVINCE
    assert certificate.status == OcopCertificate.Status.VERIFIED
    assert certificate.issued_on == timezone.localdate()
    assert certificate.expires_on == add_months(certificate.issued_on, 36)
    world.product.refresh_from_db()
    assert type(world.product).objects.get(pk=world.product.pk).ocop_stars == 4


def test_a_certificate_on_a_given_day_expires_36_months_later(world):
    dossier = services.dossier_certify(
        dossier=world.scored([60, 60, 60, 60]), by=world.chair, number="3/QĐ", issued_on=datetime.date(2025, 8, 31)
    )
    assert (dossier.certificate.stars, dossier.certificate.expires_on) == (3, datetime.date(2028, 8, 31))


def test_a_certificate_needs_a_number(world):
    dossier = world.scored([75, 75, 75, 75])
    with pytest.raises(ValidationError):
        services.dossier_certify(dossier=dossier, by=world.chair, number="  ")
    assert not OcopCertificate.objects.exists()
    assert type(dossier).objects.get(pk=dossier.pk).status == lifecycle.SCORED


def test_the_central_level_recognises_5_stars(world):
    dossier = services.dossier_send_to_central(dossier=world.scored([92, 93, 92, 93]), by=world.chair)
    dossier = services.dossier_recognise(dossier=dossier, by=world.central_chair, number="99/QĐ-BNNMT")
    certificate = dossier.certificate
    assert (certificate.stars, certificate.score, certificate.level) == (5, 93, OcopCertificate.Level.CENTRAL)
    assert certificate.issuer == "Bộ Nông nghiệp và Môi trường"
    assert type(world.product).objects.get(pk=world.product.pk).ocop_stars == 5


def test_a_4_star_result_returned_by_the_central_level_is_certified_by_the_province(world):
    dossier = services.dossier_send_to_central(dossier=world.scored([90, 90, 90, 90]), by=world.chair)
    with pytest.raises(ValidationError):
        services.dossier_return_four_star(dossier=dossier, by=world.central_chair, score=91, reason="Chưa đạt")
    dossier = services.dossier_return_four_star(dossier=dossier, by=world.central_chair, score=86, reason="Chưa đạt")
    assert (dossier.status, dossier.result_score, dossier.result_stars) == (lifecycle.SCORED, 86, 4)
    dossier = services.dossier_certify(dossier=dossier, by=world.chair, number="14/QĐ-UBND")
    assert (dossier.certificate.stars, dossier.certificate.level) == (4, OcopCertificate.Level.PROVINCE)


def test_no_certificate_below_50(world):
    dossier = services.dossier_conclude(dossier=world.scored([45, 45, 45, 45]), by=world.chair)
    assert dossier.status == lifecycle.EVALUATED and dossier.certificate is None
    assert not OcopCertificate.objects.exists()


def test_issuing_puts_the_stars_on_the_products_search_document(world):
    from search.models import ProductSearchDocument

    assert ProductSearchDocument.objects.get(pk=world.product.pk).stars is None
    services.dossier_certify(dossier=world.scored([75, 75, 75, 75]), by=world.chair, number="01/QĐ-UBND")
    assert ProductSearchDocument.objects.get(pk=world.product.pk).stars == 4
