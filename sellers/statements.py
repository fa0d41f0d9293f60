"""A seller's monthly statement and the payouts that settle it.

The rule, as Vietnamese marketplaces practise it: the marketplace's commission is charged on
delivered sales net of refunds. A month's statement counts the parts delivered in it (goods and
shipping) and the refunds on delivered parts that took effect in it — made in that month, or made
before the part's delivery and so taking effect on delivery. A refund after a closed month comes
off the month it is made in, with the commission on it given back: the statement can owe the
marketplace (a negative amount) until later sales cover it.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ocop_catalog.text import nfc

from .models import Fulfilment, Payout, Seller, SellerRefund

Line = get_model("order", "Line")
S = Fulfilment.Status


@dataclass(frozen=True)
class Statement:
    """What a seller earned in one month: delivered sales less refunds and the commission on the rest."""

    seller: Seller
    month: datetime.date
    delivered_parts: int
    delivered_lines: int
    gross_sales: Decimal
    shipping: Decimal
    commission_rate: Decimal
    commission: Decimal
    refunds: Decimal
    payout: Payout | None

    @property
    def commission_percent(self) -> str:
        return f"{(self.commission_rate * 100).normalize():f}%"

    @property
    def net_sales(self) -> Decimal:
        """The commission's base: delivered goods less the refunds of the month."""
        return self.gross_sales - self.refunds

    @property
    def amount_owed(self) -> Decimal:
        return self.gross_sales + self.shipping - self.refunds - self.commission


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    following = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return start, timezone.make_aware(datetime.datetime(following.year, following.month, 1))


def commission_rate_for(seller: Seller) -> Decimal:
    return seller.commission_rate if seller.commission_rate is not None else settings.SELLER_COMMISSION_RATE


def statement_for(*, seller: Seller, month: datetime.date) -> Statement:
    """The seller's statement for `month` (Vietnam time), by the rule in this module's docstring."""
    start, end = month_bounds(month)
    parts = Fulfilment.objects.filter(partner_id=seller.partner_id, status=S.DELIVERED, delivered_at__gte=start, delivered_at__lt=end)
    lines = Line.objects.filter(partner_id=seller.partner_id, order__fulfilments__in=parts).distinct()
    gross = lines.aggregate(total=Sum("line_price_incl_tax"))["total"] or Decimal(0)
    shipping = parts.aggregate(total=Sum("shipping_charge"))["total"] or Decimal(0)
    refunds = (
        SellerRefund.objects.filter(fulfilment__partner_id=seller.partner_id, fulfilment__status=S.DELIVERED)
        .filter(
            Q(created_at__gte=start, created_at__lt=end) & Q(created_at__gte=F("fulfilment__delivered_at"))
            | Q(fulfilment__delivered_at__gte=start, fulfilment__delivered_at__lt=end, created_at__lt=F("fulfilment__delivered_at"))
        )
        .aggregate(total=Sum("amount"))["total"]
        or Decimal(0)
    )
    # Whole đồng, as VND has no minor unit (the order tables keep two decimal places).
    gross, shipping, refunds = (amount.quantize(Decimal(1)) for amount in (gross, shipping, refunds))
    rate = commission_rate_for(seller)
    first = datetime.date(month.year, month.month, 1)
    return Statement(
        seller=seller,
        month=first,
        delivered_parts=parts.count(),
        delivered_lines=lines.count(),
        gross_sales=gross,
        shipping=shipping,
        commission_rate=rate,
        commission=((gross - refunds) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP),
        refunds=refunds,
        payout=Payout.objects.filter(seller=seller, month=first).first(),
    )


def payout_record(*, seller: Seller, month: datetime.date, amount: Decimal, reference: str, recorded_by=None) -> Payout:
    """Staff record the transfer that settles a month's statement (once per seller and month)."""
    month = datetime.date(month.year, month.month, 1)
    if Payout.objects.filter(seller=seller, month=month).exists():
        raise ValidationError(_("A payout is already recorded for this month."))
    payout = Payout(seller=seller, month=month, amount=amount, reference=nfc(reference), recorded_by=recorded_by)
    payout.full_clean()
    payout.save()
    return payout
