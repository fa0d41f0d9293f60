import datetime

import pytest

from ocop_catalog.rules import add_months, stars_for_score


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (0, 1), (29, 1),
        (30, 2), (49, 2),
        (50, 3), (69, 3),
        (70, 4), (89, 4),
        (90, 5), (100, 5),
    ],
)  # fmt: skip
def test_score_earns_the_star_band_at_every_boundary(score, stars):
    assert stars_for_score(score) == stars


@pytest.mark.parametrize("score", [-1, 101])
def test_score_outside_0_to_100_is_refused(score):
    with pytest.raises(ValueError):
        stars_for_score(score)


def test_thirty_six_months_after_a_leap_day_is_the_last_day_of_february():
    assert add_months(datetime.date(2024, 2, 29), 36) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2023, 6, 15), 36) == datetime.date(2026, 6, 15)
