"""Shipping is charged per seller: each seller ships its own part of an order."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings


def shipping_charge_for_part(*, subtotal: Decimal) -> Decimal:
    """A flat fee for one seller's part, free from a threshold (both settings, whole đồng)."""
    if subtotal >= settings.SHIPPING_FREE_FROM_VND:
        return Decimal(0)
    return Decimal(settings.SHIPPING_FEE_PER_SELLER_VND)


def shipping_charges_by_partner(lines: Iterable[tuple[int, Decimal]]) -> dict[int, Decimal]:
    """(partner id, line total) pairs → the shipping charge of each partner's part."""
    subtotals: dict[int, Decimal] = defaultdict(Decimal)
    for partner_id, line_total in lines:
        subtotals[partner_id] += line_total
    return {partner_id: shipping_charge_for_part(subtotal=subtotal) for partner_id, subtotal in subtotals.items()}
