"""Council members score on their own: none reads another's scores before submitting its own."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluation import services
from evaluation.selectors import dossier_audit_trail, round_scorecards_visible
from tests.evaluation.conftest import answers_for_total

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoring_round(world):
    return services.round_open(dossier=world.accepted(), by=world.chair)


def test_a_member_who_has_not_submitted_sees_only_its_own_scorecard(world, scoring_round):
    first, second = world.members[:2]
    services.scorecard_save(round=scoring_round, by=first, answers=answers_for_total(world.sheet, 81), submit=True)
    services.scorecard_save(round=scoring_round, by=second, answers=answers_for_total(world.sheet, 64))
    visible = list(round_scorecards_visible(round=scoring_round, user=second))
    assert [(card.member, card.total) for card in visible] == [(second, 64)]


def test_a_member_who_has_submitted_sees_every_submitted_scorecard(world, scoring_round):
    first, second, third = world.members
    services.scorecard_save(round=scoring_round, by=first, answers=answers_for_total(world.sheet, 81), submit=True)
    services.scorecard_save(round=scoring_round, by=third, answers=answers_for_total(world.sheet, 55))  # a draft
    services.scorecard_save(round=scoring_round, by=second, answers=answers_for_total(world.sheet, 64), submit=True)
    visible = {card.member: card.total for card in round_scorecards_visible(round=scoring_round, user=second)}
    assert visible == {first: 81, second: 64}


def test_the_chair_is_as_blind_as_any_member_until_it_submits(world, scoring_round):
    services.scorecard_save(round=scoring_round, by=world.members[0], answers=answers_for_total(world.sheet, 81), submit=True)
    assert list(round_scorecards_visible(round=scoring_round, user=world.chair)) == []


@pytest.mark.parametrize("who", ["seller_user", "officer", "central_chair"])
def test_nobody_off_the_council_reads_members_scores(world, scoring_round, who):
    services.scorecard_save(round=scoring_round, by=world.members[0], answers=answers_for_total(world.sheet, 81), submit=True)
    with pytest.raises(PermissionDenied):
        round_scorecards_visible(round=scoring_round, user=getattr(world, who))


def test_only_council_members_score_and_a_submitted_scorecard_is_final(world, scoring_round):
    with pytest.raises(PermissionDenied):
        services.scorecard_save(round=scoring_round, by=world.officer, answers=answers_for_total(world.sheet, 81))
    member = world.members[0]
    services.scorecard_save(round=scoring_round, by=member, answers=answers_for_total(world.sheet, 81), submit=True)
    with pytest.raises(ValidationError):
        services.scorecard_save(round=scoring_round, by=member, answers=answers_for_total(world.sheet, 30))


def test_a_scorecard_needs_every_criterion_before_it_is_submitted(world, scoring_round):
    answers = answers_for_total(world.sheet, 81)
    partial = dict(list(answers.items())[:5])
    with pytest.raises(ValidationError):
        services.scorecard_save(round=scoring_round, by=world.members[0], answers=partial, submit=True)


def test_an_answer_from_another_sheet_is_refused(world, scoring_round, sheets):
    other = answers_for_total(sheets["do-uong-che"], 50)
    with pytest.raises(ValidationError):
        services.scorecard_save(round=scoring_round, by=world.members[0], answers=other)


def test_the_audit_trail_does_not_reveal_a_members_total_before_the_round_closes(world, scoring_round):
    services.scorecard_save(round=scoring_round, by=world.members[0], answers=answers_for_total(world.sheet, 81), submit=True)
    entry = dossier_audit_trail(dossier=scoring_round.dossier).filter(action="scorecard_submitted").get()
    assert entry.actor == world.members[0]
    assert "81" not in str(entry.before) + str(entry.after) + entry.note
