"""Who may read which dossiers: its seller, its commune's officers, its province council's members, and
the central council once it is sent up — nobody else."""

import pytest

from evaluation import services
from evaluation.selectors import commune_dossiers, dossiers_visible_to, member_rounds
from tests.evaluation.conftest import make_seller, make_user

pytestmark = pytest.mark.django_db


def test_each_role_reads_the_dossiers_of_its_own_scope(world, other_province_commune):
    dossier = world.accepted()
    stranger_seller, stranger = make_seller(commune_code=other_province_commune.code)
    other_officer = make_user("xakhac")
    services.commune_officer_add(user=other_officer, commune=other_province_commune)
    for user in (world.seller_user, world.officer, world.chair, world.members[0]):
        assert list(dossiers_visible_to(user=user)) == [dossier]
    for user in (stranger, other_officer, world.central_chair):
        assert list(dossiers_visible_to(user=user)) == []
    assert list(commune_dossiers(user=world.officer, status="commune_checked")) == [dossier]
    assert list(commune_dossiers(user=other_officer)) == []


def test_the_central_council_reads_a_dossier_once_it_is_sent_up_and_after(world):
    dossier = services.dossier_send_to_central(dossier=world.scored([95, 95, 95, 95]), by=world.chair)
    assert list(dossiers_visible_to(user=world.central_chair)) == [dossier]
    services.dossier_recognise(dossier=dossier, by=world.central_chair, number="9/QĐ-BNNMT")
    assert list(dossiers_visible_to(user=world.central_chair)) == [dossier]


def test_members_see_their_councils_rounds_only(world, other_province_commune):
    scoring_round = services.round_open(dossier=world.accepted(), by=world.chair)
    assert list(member_rounds(user=world.members[1])) == [scoring_round]
    assert list(member_rounds(user=world.central_chair)) == []
