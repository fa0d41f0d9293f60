"""The dossier workflow of evaluation.lifecycle: each move made by the role it names, refused (nothing
changed) for every other role and from every other state."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from evaluation import lifecycle, services
from evaluation.models import Dossier
from tests.evaluation.conftest import answers_for_total, make_seller, make_user
from tests.factories import make_product

pytestmark = pytest.mark.django_db

ROLE_USERS = ("seller_user", "officer", "chair", "member", "central_chair", "outsider")


def user_of(world, role):
    if role == "member":
        return world.members[0]
    if role == "outsider":
        return world.outsider
    return getattr(world, role)


@pytest.fixture
def world(world, other_province_commune):
    """The world, plus an outsider holding every role but for another commune, province and seller."""
    _other_seller, outsider = make_seller(commune_code=other_province_commune.code)
    services.commune_officer_add(user=outsider, commune=other_province_commune)
    council = services.council_create(name="Hội đồng tỉnh khác", issuing_body="UBND tỉnh khác",
                                      province=other_province_commune.province)  # fmt: skip
    services.council_member_add(council=council, user=outsider, is_chair=True)
    world.outsider = outsider
    return world


# Each move: (how to bring a dossier to its source state, how to make it, the role allowed, the state reached).
MOVES = {
    "submit": (lambda w: w.draft(), lambda w, d, u: services.dossier_submit(dossier=d, by=u), "seller_user",
               lifecycle.SUBMITTED),
    "accept": (lambda w: w.submitted(), lambda w, d, u: services.dossier_accept(dossier=d, by=u), "officer",
               lifecycle.COMMUNE_CHECKED),
    "return": (lambda w: w.submitted(), lambda w, d, u: services.dossier_return(dossier=d, by=u, reason="Thiếu giấy tờ"),
               "officer", lifecycle.RETURNED),
    "open_round": (lambda w: w.accepted(), lambda w, d, u: services.round_open(dossier=d, by=u), "chair",
                   lifecycle.COUNCIL_SCORING),
    "certify": (lambda w: w.scored([75, 75, 75, 75]),
                lambda w, d, u: services.dossier_certify(dossier=d, by=u, number="01/QĐ-UBND"), "chair",
                lifecycle.CERTIFIED),
    "send_to_central": (lambda w: w.scored([95, 95, 95, 95]),
                        lambda w, d, u: services.dossier_send_to_central(dossier=d, by=u), "chair",
                        lifecycle.SENT_TO_CENTRAL),
    "conclude": (lambda w: w.scored([40, 40, 40, 40]), lambda w, d, u: services.dossier_conclude(dossier=d, by=u),
                 "chair", lifecycle.EVALUATED),
    "recognise": (lambda w: services.dossier_send_to_central(dossier=w.scored([95, 95, 95, 95]), by=w.chair),
                  lambda w, d, u: services.dossier_recognise(dossier=d, by=u, number="05/QĐ-BNNMT"),
                  "central_chair", lifecycle.CERTIFIED),
    "return_four_star": (lambda w: services.dossier_send_to_central(dossier=w.scored([95, 95, 95, 95]), by=w.chair),
                         lambda w, d, u: services.dossier_return_four_star(dossier=d, by=u, score=88,
                                                                           reason="Chưa đạt tiêu chí xuất khẩu"),
                         "central_chair", lifecycle.SCORED),
}  # fmt: skip


@pytest.mark.parametrize("name", MOVES)
def test_each_move_is_made_by_its_role(world, name):
    prepare, make, role, target = MOVES[name]
    dossier = prepare(world)
    make(world, dossier, user_of(world, role))
    assert Dossier.objects.get(pk=dossier.pk).status == target


@pytest.mark.parametrize(
    ("name", "role"),
    [(name, role) for name, (_p, _m, allowed, _t) in MOVES.items() for role in ROLE_USERS if role != allowed],
)
def test_each_move_is_refused_to_every_other_role_and_changes_nothing(world, name, role):
    prepare, make, _allowed, _target = MOVES[name]
    dossier = prepare(world)
    before = Dossier.objects.get(pk=dossier.pk)
    entries = before.audit_entries.count()
    with pytest.raises((PermissionDenied, ValidationError)):
        make(world, dossier, user_of(world, role))
    after = Dossier.objects.get(pk=dossier.pk)
    assert (after.status, after.certificate_id, after.result_score) == (before.status, before.certificate_id, before.result_score)
    assert after.audit_entries.count() == entries


def test_the_declared_roles_match_the_tested_ones():
    # A move added to the table without a test above fails here.
    assert set(MOVES) | {"close_round"} == set(lifecycle.TRANSITIONS)


@pytest.mark.parametrize(
    ("name", "status"),
    [("accept", lifecycle.DRAFT), ("submit", lifecycle.SUBMITTED), ("open_round", lifecycle.SUBMITTED)],
)
def test_a_move_from_the_wrong_state_is_refused(world, name, status):
    _prepare, make, role, _target = MOVES[name]
    dossier = world.draft() if status == lifecycle.DRAFT else world.submitted()
    with pytest.raises(ValidationError):
        make(world, dossier, user_of(world, role))
    assert Dossier.objects.get(pk=dossier.pk).status == status


@pytest.mark.parametrize(
    ("name", "totals"),
    [("certify", [95, 95, 95, 95]), ("certify", [40, 40, 40, 40]), ("send_to_central", [75, 75, 75, 75]),
     ("conclude", [75, 75, 75, 75])],
)  # fmt: skip
def test_the_step_after_scoring_must_agree_with_the_result(world, name, totals):
    _prepare, make, role, _target = MOVES[name]
    dossier = world.scored(totals)
    with pytest.raises(ValidationError):
        make(world, dossier, user_of(world, role))
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.SCORED


def test_returning_needs_a_reason_the_seller_reads(world, django_capture_on_commit_callbacks):
    dossier = world.submitted()
    with pytest.raises(ValidationError):
        services.dossier_return(dossier=dossier, by=world.officer, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_return(dossier=dossier, by=world.officer, reason="Thiếu phiếu kiểm nghiệm")
    dossier.refresh_from_db()
    assert dossier.return_reason == "Thiếu phiếu kiểm nghiệm"
    assert any("Thiếu phiếu kiểm nghiệm" in message.body and world.seller_user.email in message.to for message in mail.outbox)


def test_a_returned_dossier_can_be_changed_and_submitted_again(world):
    dossier = services.dossier_return(dossier=world.submitted(), by=world.officer, reason="Bổ sung câu chuyện")
    services.dossier_story_set(dossier=dossier, by=world.seller_user, product_story="Câu chuyện đầy đủ hơn.")
    dossier = services.dossier_submit(dossier=dossier, by=world.seller_user)
    assert dossier.status == lifecycle.SUBMITTED and dossier.return_reason == ""


def test_a_submitted_dossier_can_no_longer_be_edited(world):
    dossier = world.submitted()
    with pytest.raises(ValidationError):
        services.dossier_story_set(dossier=dossier, by=world.seller_user, product_story="Sửa sau khi nộp")
    with pytest.raises(ValidationError):
        services.self_assessment_save(dossier=dossier, by=world.seller_user, answers=answers_for_total(world.sheet, 10))


def test_an_incomplete_dossier_cannot_be_submitted(world):
    dossier = services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user)
    with pytest.raises(ValidationError) as error:
        services.dossier_submit(dossier=dossier, by=world.seller_user)
    assert len(error.value.messages) == 3  # story, self-assessment, documents
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.DRAFT


def test_submitting_tells_the_communes_officers(world, django_capture_on_commit_callbacks):
    dossier = world.draft()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_submit(dossier=dossier, by=world.seller_user)
    assert any(world.officer.email in message.to for message in mail.outbox)


def test_a_seller_cannot_file_for_another_sellers_product(world):
    other_seller, other_user = make_seller()
    with pytest.raises(PermissionDenied):
        services.dossier_create(seller=other_seller, product=world.product, sheet=world.sheet, by=other_user)
    with pytest.raises(PermissionDenied):
        services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=other_user)
    assert not Dossier.objects.exists()


def test_a_product_has_one_dossier_in_progress(world):
    world.draft()
    with pytest.raises(ValidationError):
        services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user)
    other = make_product(producer=world.seller.partner)
    assert services.dossier_create(seller=world.seller, product=other, sheet=world.sheet, by=world.seller_user)


def test_a_round_is_closed_by_its_chair_only_with_enough_scorecards(world, settings):
    dossier = world.accepted()
    scoring_round = services.round_open(dossier=dossier, by=world.chair)
    for user in world.members[:2]:
        services.scorecard_save(round=scoring_round, by=user, answers=answers_for_total(world.sheet, 60), submit=True)
    with pytest.raises(ValidationError):
        services.round_close(round=scoring_round, by=world.chair)
    services.scorecard_save(round=scoring_round, by=world.members[2], answers=answers_for_total(world.sheet, 60), submit=True)
    for user in (world.members[0], world.officer, world.central_chair, world.seller_user):
        with pytest.raises(PermissionDenied):
            services.round_close(round=scoring_round, by=user)
    assert services.round_close(round=scoring_round, by=world.chair).status == lifecycle.SCORED


def test_a_round_is_opened_by_the_chair_of_the_dossiers_province_only(world):
    dossier = world.accepted()
    with pytest.raises(PermissionDenied):
        services.round_open(dossier=dossier, by=world.outsider)
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.COMMUNE_CHECKED
    assert not dossier.rounds.exists()


def test_renewal_is_prefilled_from_the_last_dossier(world):
    first = world.scored([75, 75, 75, 75])
    first = services.dossier_certify(dossier=first, by=world.chair, number="01/QĐ-UBND")
    renewal = services.dossier_create(
        seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user, renewal=True
    )
    from evaluation.selectors import scorecard_choices, self_assessment

    assert renewal.kind == Dossier.Kind.RENEWAL and renewal.renews == first
    assert renewal.product_story == first.product_story
    assert scorecard_choices(scorecard=self_assessment(dossier=renewal)) == scorecard_choices(
        scorecard=self_assessment(dossier=first)
    )


def test_a_suspended_seller_cannot_file(world):
    from sellers.services import seller_suspend

    seller_suspend(seller=world.seller, reason="Kiểm tra")
    with pytest.raises(PermissionDenied):
        services.dossier_create(seller=world.seller, product=world.product, sheet=world.sheet, by=world.seller_user)


def test_an_officer_of_another_commune_in_the_same_province_cannot_accept(world):
    from ocop_catalog.models import Commune

    neighbour = Commune.objects.filter(province=world.commune.province).exclude(pk=world.commune.pk).first()
    officer = make_user("xakhac")
    services.commune_officer_add(user=officer, commune=neighbour)
    dossier = world.submitted()
    with pytest.raises(PermissionDenied):
        services.dossier_accept(dossier=dossier, by=officer)
