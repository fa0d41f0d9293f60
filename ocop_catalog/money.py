"""VND amounts: whole đồng as Decimal, shown the Vietnamese way (120.000 ₫)."""

from decimal import Decimal

from babel.numbers import format_currency
from django.conf import settings


def format_vnd(amount) -> str:
    """`Decimal(120000)` → "120.000 ₫" (non-breaking space before the sign), whatever the UI language."""
    options = dict(settings.OSCAR_CURRENCY_FORMAT["VND"])
    locale = options.pop("locale")
    return format_currency(Decimal(amount), "VND", locale=locale, **options)
