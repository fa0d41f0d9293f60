"""OCOP programme rules as plain data and pure functions (Decision 148/QĐ-TTg, 2023)."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Inclusive score ranges of each star rating, out of 100 points.
STAR_BANDS = {
    5: (90, 100),
    4: (70, 89),
    3: (50, 69),
    2: (30, 49),
    1: (0, 29),
}

# Only these ratings earn a certificate; 1★ and 2★ are evaluation results without one.
CERTIFIED_STARS = (3, 4, 5)


def stars_for_score(score: int) -> int:
    """The star rating a total score earns; raises ValueError outside 0–100."""
    if not 0 <= score <= 100:
        raise ValueError(f"An OCOP score is between 0 and 100, not {score}.")
    for stars, (low, high) in STAR_BANDS.items():
        if low <= score <= high:
            return stars
    raise AssertionError("STAR_BANDS must cover 0–100")  # pragma: no cover


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (29 Feb + 12 months → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ProductGroup:
    slug: str
    name: str  # Vietnamese, as in the decision; stored as the category's name
    label: str  # translatable label for the UI


# The six OCOP product groups, each a root of Oscar's category tree.
PRODUCT_GROUPS = (
    ProductGroup("thuc-pham", "Thực phẩm", _("Food")),
    ProductGroup("do-uong", "Đồ uống", _("Drinks")),
    ProductGroup("thao-duoc", "Thảo dược", _("Medicinal herbs")),
    ProductGroup("thu-cong-my-nghe", "Thủ công mỹ nghệ", _("Handicrafts")),
    ProductGroup("sinh-vat-canh", "Sinh vật cảnh", _("Ornamentals")),
    ProductGroup("dich-vu-du-lich", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", _("Community and eco-tourism")),
)
PRODUCT_GROUPS_BY_SLUG = {group.slug: group for group in PRODUCT_GROUPS}
