"""How an OCOP evaluation turns answers into a score and a star band: pure data and pure functions.

Decision 148/QĐ-TTg (24 Feb 2023) scores a product out of 100 in three parts, whatever its product set:
A product and community strength 40, B marketing capacity 25, C product quality 35 (DOMAIN.md). The
bands are ocop_catalog.rules.STAR_BANDS (5★ 90–100, 4★ 70–89, 3★ 50–69, 2★ 30–49, 1★ < 30).

Rounding rule (ours: the decision's annex as we could read it says the result is the council members'
average and gives no rounding rule — *unconfirmed*, kept in one function so it can change):
  - a scorecard's total is the sum of its chosen options' whole points, so it is a whole number;
  - a council round's result is the arithmetic mean of its submitted members' totals, kept exact to
    two decimals (ROUND_HALF_UP) for the record, and ROUNDED HALF-UP TO A WHOLE POINT for the result;
  - the star band is decided on that whole-point result, never on the unrounded mean.
So a mean of 49.5 is 50 (3★, certified), 69.5 is 70 (4★), 89.5 is 90 (5★: sent to the central level),
and 49.49 is 49 (2★). A whole-point result is also what a certificate records (OcopCertificate.score).
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from ocop_catalog.rules import CERTIFIED_STARS, STAR_BANDS, stars_for_score  # noqa: F401 — STAR_BANDS for callers

# Each part's maximum (Decision 148/QĐ-TTg, 2023; the old 1048 split was 35/25/40). A sheet whose best
# options do not add up to exactly these is refused on load.
PART_MAXIMA = {"A": 40, "B": 25, "C": 35}
TOTAL_MAXIMUM = sum(PART_MAXIMA.values())

# Results the province certifies itself, and the threshold sent to the central level for 5★.
PROVINCE_CERTIFIED_STARS = tuple(stars for stars in CERTIFIED_STARS if stars < 5)
CENTRAL_THRESHOLD = 90
CERTIFICATE_THRESHOLD = 50

_CENT = Decimal("0.01")
_WHOLE = Decimal(1)


def mean_of_totals(totals: Iterable[int]) -> Decimal:
    """The exact mean of members' totals, to two decimals (half-up). Raises ValueError without totals."""
    totals = [Decimal(total) for total in totals]
    if not totals:
        raise ValueError("A council result needs at least one submitted scorecard.")
    return (sum(totals) / len(totals)).quantize(_CENT, rounding=ROUND_HALF_UP)


def result_score(mean: Decimal) -> int:
    """The whole-point result of a mean: rounded half-up (49.5 → 50, 49.49 → 49)."""
    return int(Decimal(mean).quantize(_WHOLE, rounding=ROUND_HALF_UP))


def band(score: int) -> int:
    """The stars a whole-point score earns (ocop_catalog.rules.stars_for_score)."""
    return stars_for_score(score)


def outcome(score: int) -> str:
    """What follows a result: "central" (≥ 90, sent up for 5★), "province" (3★/4★, certified by the
    province) or "none" (< 50, evaluated without a certificate)."""
    if score >= CENTRAL_THRESHOLD:
        return "central"
    if score >= CERTIFICATE_THRESHOLD:
        return "province"
    return "none"
