"""Fulfilment services: an order split into one part per seller, each confirmed, shipped or cancelled
by its seller; the buyer's order status follows the parts."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from ocop_catalog.text import nfc

from .models import Fulfilment, Payout, Seller, SellerRefund
from .shipping import shipping_charges_by_partner

Order = get_model("order", "Order")
Line = get_model("order", "Line")

# The buyer's order status, derived from its sellers' parts (Oscar stores it as text).
ORDER_AWAITING = "Awaiting confirmation"
ORDER_CONFIRMED = "Confirmed"
ORDER_PARTLY_SHIPPED = "Partly shipped"
ORDER_SHIPPED = "Shipped"
ORDER_DELIVERED = "Delivered"
ORDER_CANCELLED = "Cancelled"
ORDER_STATUS_LABELS = {
    ORDER_AWAITING: gettext_lazy("Awaiting confirmation"),
    ORDER_CONFIRMED: gettext_lazy("Confirmed"),
    ORDER_PARTLY_SHIPPED: gettext_lazy("Partly shipped"),
    ORDER_SHIPPED: gettext_lazy("Shipped"),
    ORDER_DELIVERED: gettext_lazy("Delivered"),
    ORDER_CANCELLED: gettext_lazy("Cancelled"),
}

S = Fulfilment.Status


def order_status_from_parts(statuses: list[str]) -> str:
    """The buyer-facing status of an order whose sellers' parts have `statuses`."""
    active = [status for status in statuses if status != S.CANCELLED]
    if not active:
        return ORDER_CANCELLED
    if all(status == S.DELIVERED for status in active):
        return ORDER_DELIVERED
    if all(status in (S.SHIPPED, S.DELIVERED) for status in active):
        return ORDER_SHIPPED
    if any(status in (S.SHIPPED, S.DELIVERED) for status in active):
        return ORDER_PARTLY_SHIPPED
    if all(status == S.CONFIRMED for status in active):
        return ORDER_CONFIRMED
    return ORDER_AWAITING


def order_status_refresh(*, order) -> str:
    status = order_status_from_parts(list(order.fulfilments.values_list("status", flat=True)))
    if order.status != status:
        Order.objects.filter(pk=order.pk).update(status=status)
        order.status = status
    return status


@transaction.atomic
def fulfilments_create(*, order) -> list[Fulfilment]:
    """Split a placed order into one part per seller, with its shipping charge and confirmation deadline.

    Idempotent: a second call finds the parts already there. Each seller is e-mailed once.
    """
    lines = list(order.lines.all())
    charges = shipping_charges_by_partner((line.partner_id, line.line_price_incl_tax) for line in lines if line.partner_id)
    deadline = order.date_placed + datetime.timedelta(hours=settings.SELLER_CONFIRMATION_HOURS)
    parts, created_ids = [], []
    for partner_id, charge in charges.items():
        part, created = Fulfilment.objects.get_or_create(
            order=order, partner_id=partner_id, defaults={"shipping_charge": charge, "confirm_by": deadline}
        )
        parts.append(part)
        if created:
            created_ids.append(part.pk)
    Line.objects.filter(order=order).update(status=S.AWAITING)
    order_status_refresh(order=order)
    from . import tasks

    for part_id in created_ids:
        transaction.on_commit(lambda part_id=part_id: tasks.send_new_order_email.delay(part_id))
    return parts


def _locked(fulfilment: Fulfilment) -> Fulfilment:
    return Fulfilment.objects.select_for_update().select_related("order").get(pk=fulfilment.pk)


def _move(part: Fulfilment, *, to: str, allowed_from: tuple[str, ...], **fields) -> Fulfilment:
    if part.status not in allowed_from:
        raise ValidationError(
            _("This order is %(status)s: it cannot be changed that way.") % {"status": part.get_status_display().lower()}
        )
    part.status = to
    for name, value in fields.items():
        setattr(part, name, value)
    part.save()
    Line.objects.filter(order_id=part.order_id, partner_id=part.partner_id).update(status=to)
    order_status_refresh(order=part.order)
    return part


def _part_lines(part: Fulfilment):
    return Line.objects.filter(order_id=part.order_id, partner_id=part.partner_id).select_related("stockrecord")


@transaction.atomic
def fulfilment_confirm(*, fulfilment: Fulfilment) -> Fulfilment:
    return _move(_locked(fulfilment), to=S.CONFIRMED, allowed_from=(S.AWAITING,), confirmed_at=timezone.now())


@transaction.atomic
def fulfilment_cancel(*, fulfilment: Fulfilment, reason: str, notify_buyer: bool = True) -> Fulfilment:
    """Cancel a seller's part and give its stock back — exactly once, whoever cancels first."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the order is cancelled.")})
    part = _move(
        _locked(fulfilment), to=S.CANCELLED, allowed_from=(S.AWAITING, S.CONFIRMED),
        cancelled_at=timezone.now(), cancel_reason=reason,
    )  # fmt: skip
    for line in _part_lines(part):
        if line.stockrecord is not None:
            line.stockrecord.cancel_allocation(line.quantity)
    if notify_buyer:
        from . import tasks

        # robust: the part stays cancelled even if the buyer's e-mail cannot be queued.
        transaction.on_commit(lambda: tasks.send_part_cancelled_email.delay(part.pk), robust=True)
    return part


@transaction.atomic
def fulfilment_ship(*, fulfilment: Fulfilment, carrier: str, tracking_code: str) -> Fulfilment:
    """Hand a confirmed part to the carrier: its allocated stock is consumed and the buyer is told."""
    carrier, tracking_code = nfc(carrier), nfc(tracking_code)
    if not carrier or not tracking_code:
        raise ValidationError(_("Give the carrier and the tracking code."))
    part = _move(
        _locked(fulfilment), to=S.SHIPPED, allowed_from=(S.CONFIRMED,),
        shipped_at=timezone.now(), carrier=carrier, tracking_code=tracking_code,
    )  # fmt: skip
    for line in _part_lines(part):
        if line.stockrecord is not None:
            line.stockrecord.consume_allocation(line.quantity)
    from . import tasks

    # robust: the part stays shipped even if the buyer's e-mail cannot be queued.
    transaction.on_commit(lambda: tasks.send_part_shipped_email.delay(part.pk), robust=True)
    return part


@transaction.atomic
def fulfilment_deliver(*, fulfilment: Fulfilment) -> Fulfilment:
    return _move(_locked(fulfilment), to=S.DELIVERED, allowed_from=(S.SHIPPED,), delivered_at=timezone.now())


def fulfilments_cancel_overdue(*, now: datetime.datetime | None = None) -> int:
    """Cancel and restock every part not confirmed by its deadline; the buyers are told. Returns how many."""
    now = now or timezone.now()
    overdue = list(Fulfilment.objects.filter(status=S.AWAITING, confirm_by__lt=now).values_list("pk", flat=True))
    cancelled = 0
    for part_id in overdue:
        try:
            fulfilment_cancel(
                fulfilment=Fulfilment(pk=part_id),
                reason=_("The seller did not confirm the order within %(hours)s hours.")
                % {"hours": settings.SELLER_CONFIRMATION_HOURS},
            )
            cancelled += 1
        except ValidationError:
            continue  # confirmed or cancelled meanwhile
    return cancelled


@transaction.atomic
def refund_record(*, fulfilment: Fulfilment, amount: Decimal, reason: str) -> SellerRefund:
    """Record money given back to the buyer for a seller's part (at most what the part cost)."""
    part = _locked(fulfilment)
    paid = part_total(part)
    already = part.refunds.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if amount <= 0 or already + amount > paid:
        raise ValidationError({"amount": _("A refund must be positive and no more than what the buyer paid.")})
    refund = SellerRefund(fulfilment=part, amount=amount, reason=nfc(reason))
    refund.full_clean()
    refund.save()
    return refund


# --- Cash on delivery -----------------------------------------------------------------------

# Oscar's payment SourceType code for cash on delivery (the checkout creates the order's source).
CASH_ON_DELIVERY = "cash-on-delivery"
CASH_RECEIVED = "Cash received"


def part_total(part: Fulfilment) -> Decimal:
    """What the buyer pays for a seller's part: its lines and its shipping charge (whole đồng)."""
    return sum((line.line_price_incl_tax for line in _part_lines(part)), Decimal(0)) + part.shipping_charge


def _cash_source(order_id, *, lock=False):
    Source = get_model("payment", "Source")
    sources = Source.objects.select_for_update() if lock else Source.objects
    return sources.filter(order_id=order_id, source_type__code=CASH_ON_DELIVERY).first()


def _cash_reference(part: Fulfilment) -> str:
    return f"part-{part.pk}"


def part_cash(*, fulfilment: Fulfilment) -> dict | None:
    """For a cash-on-delivery order, the cash its seller collects for this part and whether it is
    recorded; None when the order is paid another way."""
    source = _cash_source(fulfilment.order_id)
    if source is None:
        return None
    recorded = source.transactions.filter(txn_type="Debit", reference=_cash_reference(fulfilment)).exists()
    return {"amount": part_total(fulfilment), "recorded": recorded}


@transaction.atomic
def fulfilment_record_cash(*, fulfilment: Fulfilment) -> Decimal:
    """Record the cash collected on delivery for a seller's part, once; returns the amount.

    The order's Oscar payment source is debited and a payment event covers the part's lines, so
    the dashboard shows it; the order is paid when every part still on it is.
    """
    part = _locked(fulfilment)
    if part.status not in (S.SHIPPED, S.DELIVERED):
        raise ValidationError(_("Record the cash once the order is on its way or delivered."))
    source = _cash_source(part.order_id, lock=True)
    if source is None:
        raise ValidationError(_("This order is not paid cash on delivery."))
    if source.transactions.filter(txn_type="Debit", reference=_cash_reference(part)).exists():
        raise ValidationError(_("The cash for this order is already recorded."))
    amount = part_total(part)
    source.debit(amount, reference=_cash_reference(part), status="received")
    PaymentEventType = get_model("order", "PaymentEventType")
    PaymentEvent = get_model("order", "PaymentEvent")
    event_type, _created = PaymentEventType.objects.get_or_create(name=CASH_RECEIVED)
    event = PaymentEvent.objects.create(order=part.order, amount=amount, reference=_cash_reference(part), event_type=event_type)
    for line in _part_lines(part):
        event.line_quantities.create(line=line, quantity=line.quantity)
    return amount


# --- Statements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """What a seller earned in one month: delivered sales less commission and refunds."""

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
    def amount_owed(self) -> Decimal:
        return self.gross_sales + self.shipping - self.commission - self.refunds


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    following = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return start, timezone.make_aware(datetime.datetime(following.year, following.month, 1))


def commission_rate_for(seller: Seller) -> Decimal:
    return seller.commission_rate if seller.commission_rate is not None else settings.SELLER_COMMISSION_RATE


def statement_for(*, seller: Seller, month: datetime.date) -> Statement:
    """The seller's statement for `month` (Vietnam time): parts delivered and refunds made in it."""
    start, end = month_bounds(month)
    parts = Fulfilment.objects.filter(partner_id=seller.partner_id, status=S.DELIVERED, delivered_at__gte=start, delivered_at__lt=end)
    lines = Line.objects.filter(partner_id=seller.partner_id, order__fulfilments__in=parts).distinct()
    gross = lines.aggregate(total=Sum("line_price_incl_tax"))["total"] or Decimal(0)
    shipping = parts.aggregate(total=Sum("shipping_charge"))["total"] or Decimal(0)
    refunds = (
        SellerRefund.objects.filter(fulfilment__partner_id=seller.partner_id, created_at__gte=start, created_at__lt=end)
        .aggregate(total=Sum("amount"))["total"]
        or Decimal(0)
    )
    rate = commission_rate_for(seller)
    return Statement(
        seller=seller,
        month=datetime.date(month.year, month.month, 1),
        delivered_parts=parts.count(),
        delivered_lines=lines.count(),
        gross_sales=gross,
        shipping=shipping,
        commission_rate=rate,
        commission=(gross * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP),
        refunds=refunds,
        payout=Payout.objects.filter(seller=seller, month=datetime.date(month.year, month.month, 1)).first(),
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
