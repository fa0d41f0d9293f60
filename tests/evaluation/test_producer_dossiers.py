"""Dossiers and certificates belong to the producer (issue 12.0): a cooperative files for a member's product on
its behalf; the member's commune checks it and the certificate is the member's."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from evaluation import services
from ocop_catalog.models import Commune, Producer
from ocop_catalog.services import ProducerData, producer_save
from tests.evaluation.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_product(world):
    """The world's seller lists a product a member household of another commune of the same province makes."""
    other = Commune.objects.filter(province_id=world.commune.province_id).exclude(code=world.commune.code).order_by("code").first()
    member = producer_save(partner=world.seller.partner, data=ProducerData(name="Hộ Đỗ Văn Gốm", kind=Producer.Kind.HOUSEHOLD, commune=other))
    world.product.ocop_producer = member
    world.product.save()
    return member


def test_a_members_dossier_is_the_members_and_is_checked_at_its_commune(world, member_product):
    dossier = world.draft()

    assert dossier.producer == member_product
    assert dossier.commune == member_product.commune  # not the selling cooperative's
    submitted = services.dossier_submit(dossier=dossier, by=world.seller_user)
    own_commune_officer = world.officer
    with pytest.raises(PermissionDenied):  # the seller's commune has no say on another commune's producer
        services.dossier_accept(dossier=submitted, by=own_commune_officer)
    member_officer = make_user("xa-thanh-vien")
    services.commune_officer_add(user=member_officer, commune=member_product.commune)
    assert services.dossier_accept(dossier=submitted, by=member_officer).status == "commune_checked"


def test_the_certificate_issued_is_held_by_the_member(world, member_product):
    member_officer = make_user("xa-thanh-vien")
    services.commune_officer_add(user=member_officer, commune=member_product.commune)
    dossier = services.dossier_accept(dossier=services.dossier_submit(dossier=world.draft(total=75), by=world.seller_user), by=member_officer)
    scoring_round = services.round_open(dossier=dossier, by=world.chair)
    from tests.evaluation.conftest import answers_for_total

    for user in [world.chair, *world.members]:
        services.scorecard_save(round=scoring_round, by=user, answers=answers_for_total(world.sheet, 75), submit=True)
    dossier = services.round_close(round=scoring_round, by=world.chair)
    dossier = services.dossier_certify(dossier=dossier, by=world.chair, number="77/QĐ-UBND", issued_on=datetime.date.today())

    assert dossier.certificate.holder == member_product
    assert list(member_product.certificates.values_list("number", flat=True)) == ["77/QĐ-UBND"]
