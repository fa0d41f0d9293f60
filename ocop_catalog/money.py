"""VND amounts: whole đồng as Decimal, shown the Vietnamese way (120.000 ₫).

VND has no minor unit, so every amount the shop stores, shows or charges is an integral Decimal.

Discounts are rounded DOWN to the đồng (Oscar's OSCAR_OFFER_ROUNDING_FUNCTION points here): the buyer
never gets less than the offer promises by more than one đồng, and totals stay whole.
"""

from decimal import ROUND_DOWN, Decimal

from babel.numbers import format_currency
from django.conf import settings
from django.utils.translation import gettext as _


def format_vnd(amount) -> str:
    """`Decimal(120000)` → "120.000 ₫" (non-breaking space before the sign), whatever the UI language."""
    options = dict(settings.OSCAR_CURRENCY_FORMAT["VND"])
    locale = options.pop("locale")
    return format_currency(Decimal(amount), "VND", locale=locale, **options)


class NotWholeDong(ValueError):
    """An amount with a fraction of a đồng reached a place that needs whole đồng."""

    def __init__(self, amount):
        super().__init__(_("The amount %(amount)s is not a whole number of đồng.") % {"amount": amount})
        self.amount = amount


def is_whole_dong(amount) -> bool:
    return Decimal(amount) == Decimal(amount).to_integral_value()


def whole_dong(amount) -> int:
    """`amount` as an integer number of đồng; raises NotWholeDong if it has a fraction."""
    if not is_whole_dong(amount):
        raise NotWholeDong(amount)
    return int(amount)


def round_discount(amount, currency=None) -> Decimal:
    """Oscar's offer rounding: discounts in whole đồng, rounded down."""
    return Decimal(amount).quantize(Decimal(1), rounding=ROUND_DOWN)
