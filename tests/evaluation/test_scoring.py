"""Scores and star bands: a self-assessment's total and band, and a council's result as the mean of
its members' totals, rounded half-up to a whole point before the band is read (evaluation.scoring)."""

from decimal import Decimal

import pytest

from evaluation import lifecycle, scoring, services
from evaluation.selectors import scorecard_part_totals, scorecard_total
from tests.evaluation.conftest import answers_for_total

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("totals", "mean", "score", "stars"),
    [
        ([49, 50], Decimal("49.50"), 50, 3),
        ([69, 70], Decimal("69.50"), 70, 4),
        ([89, 90], Decimal("89.50"), 90, 5),
        ([49, 49, 50], Decimal("49.33"), 49, 2),
        ([69, 69, 70], Decimal("69.33"), 69, 3),
        ([89, 89, 90], Decimal("89.33"), 89, 4),
        ([29, 30], Decimal("29.50"), 30, 2),
        ([100, 100, 100], Decimal("100.00"), 100, 5),
    ],
)
def test_a_mean_is_rounded_half_up_to_a_whole_point_before_its_band_is_read(totals, mean, score, stars):
    assert scoring.mean_of_totals(totals) == mean
    assert scoring.result_score(mean) == score
    assert scoring.band(score) == stars


def test_a_mean_just_under_the_half_rounds_down():
    # 2 × 49 + 50 + 50 ... / 4 members: 49.49 cannot happen with four whole totals, but the rule holds for any mean.
    assert scoring.result_score(Decimal("49.49")) == 49
    assert scoring.result_score(Decimal("89.49")) == 89


def test_no_result_without_a_scorecard():
    with pytest.raises(ValueError):
        scoring.mean_of_totals([])


@pytest.mark.parametrize(("score", "outcome"), [(100, "central"), (90, "central"), (89, "province"), (50, "province"),
                                                (49, "none"), (0, "none")])  # fmt: skip
def test_what_follows_a_result(score, outcome):
    assert scoring.outcome(score) == outcome


@pytest.mark.parametrize(("total", "stars"), [(29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5)])
def test_the_self_assessment_shows_its_total_and_band(world, total, stars):
    dossier = world.draft(total=total)
    scorecard = services.self_assessment_save(dossier=dossier, by=world.seller_user, answers=answers_for_total(world.sheet, total))
    assert scorecard_total(scorecard=scorecard) == total
    assert scoring.band(scorecard_total(scorecard=scorecard)) == stars
    assert sum(scorecard_part_totals(scorecard=scorecard).values()) == total


def test_a_full_self_assessment_reaches_100_split_40_25_35(world):
    dossier = world.draft(total=100)
    from evaluation.selectors import self_assessment

    assert scorecard_part_totals(scorecard=self_assessment(dossier=dossier)) == {"A": 40, "B": 25, "C": 35}


@pytest.mark.parametrize(
    ("totals", "score", "stars", "next_step"),
    [
        ([49, 50, 49, 50], 50, 3, "certify"),
        ([49, 49, 50, 49], 49, 2, "conclude"),
        ([69, 70, 69, 70], 70, 4, "certify"),
        ([69, 69, 70, 69], 69, 3, "certify"),
        ([89, 90, 89, 90], 90, 5, "send_to_central"),
        ([89, 89, 90, 89], 89, 4, "certify"),
    ],
    ids=["49.5", "49.25", "69.5", "69.25", "89.5", "89.25"],
)
def test_a_council_round_closes_on_the_rounded_mean_of_its_members_totals(world, totals, score, stars, next_step):
    dossier = world.scored(totals)
    assert dossier.status == lifecycle.SCORED
    assert dossier.result_mean == Decimal(sum(totals)) / len(totals)
    assert (dossier.result_score, dossier.result_stars) == (score, stars)
    assert lifecycle.transitions_from(dossier.status, roles={lifecycle.PROVINCE_CHAIR}) == [
        "certify", "send_to_central", "conclude",
    ]  # fmt: skip
    outcome_of = {"certify": "province", "send_to_central": "central", "conclude": "none"}
    assert scoring.outcome(dossier.result_score) == outcome_of[next_step]


def test_a_draft_scorecard_does_not_count_in_the_result(world):
    dossier = world.accepted()
    scoring_round = services.round_open(dossier=dossier, by=world.chair)
    for user in [world.chair, *world.members[:2]]:
        services.scorecard_save(round=scoring_round, by=user, answers=answers_for_total(world.sheet, 80), submit=True)
    services.scorecard_save(round=scoring_round, by=world.members[2], answers=answers_for_total(world.sheet, 20))
    dossier = services.round_close(round=scoring_round, by=world.chair)
    assert dossier.result_score == 80
