"""The services that move an order: one part per seller, each moved only along
sellers.lifecycle.PART_TRANSITIONS; the buyer's order status follows the parts.

Every move goes through `_transition`: it locks the part, checks the move against the table,
changes it, records a FulfilmentStatusChange (and an OrderStatusChange when the buyer's status
follows), sends `part_transitioned` (payments listens: the buyer's e-mails), and schedules the
seller's e-mails after the commit. Nothing here sets a status with `.update()`.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from ocop_catalog.text import nfc

from . import lifecycle
from .lifecycle import (  # noqa: F401 — the order statuses, for the pages that show them
    ORDER_AWAITING,
    ORDER_AWAITING_PAYMENT,
    ORDER_CANCELLED,
    ORDER_CONFIRMED,
    ORDER_DELIVERED,
    ORDER_PARTLY_SHIPPED,
    ORDER_SHIPPED,
    ORDER_STATUS_LABELS,
    SELLER,
    STAFF,
    SYSTEM,
)
from .models import Fulfilment, FulfilmentStatusChange, SellerRefund
from .shipping import shipping_charges_by_partner
from .signals import part_transitioned

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderStatusChange = get_model("order", "OrderStatusChange")

S = Fulfilment.Status
# Orders whose parts wait for no payment before their sellers confirm them (payments.methods.COD,
# and orders made outside the checkout).
PAY_ON_DELIVERY_METHODS = frozenset({"", "cod"})


def order_status_from_parts(statuses) -> str:
    return lifecycle.order_status_from_parts(statuses)


def _order_status_record(*, order, status: str) -> None:
    """Set the buyer's order status and record the change as Oscar does (history row and signal)."""
    old = order.status
    if old == status:
        return
    order.status = status
    order.save(update_fields=["status"])
    OrderStatusChange.objects.create(order=order, old_status=old, new_status=status)
    order_status_changed.send(sender=Order, order=order, old_status=old, new_status=status)


def order_status_refresh(*, order) -> str:
    """Bring the buyer's order status in line with its parts (a move the pipeline allows)."""
    status = lifecycle.order_status_from_parts(list(order.fulfilments.values_list("status", flat=True)))
    if order.status != status and status not in order.pipeline.get(order.status, ()):
        raise ValidationError(_("This order cannot become %(status)s.") % {"status": status})
    _order_status_record(order=order, status=status)
    return status


def _seller_emails_on_commit(part_ids: list[int]) -> None:
    """E-mail each part's seller once the transaction commits. The parts of one order go in one message, which a
    worker turns into an e-mail task per part (each retried alone): queueing a task costs the buyer's request more
    than anything else in it but its queries (issue 16), and an order has a part per seller."""
    from . import tasks

    if not part_ids:
        return
    part_ids = list(part_ids)
    if len(part_ids) == 1:
        task, argument = tasks.send_new_order_email, part_ids[0]
    else:
        task, argument = tasks.send_new_order_emails, part_ids
    # robust: the parts keep their move even if the e-mails cannot be queued.
    transaction.on_commit(lambda: task.delay(argument), robust=True)


@transaction.atomic(savepoint=False)
def fulfilments_create(*, order, lines=None) -> list[Fulfilment]:
    """Split a placed order into one part per seller, with its shipping charge.

    Parts of an order paid in advance wait for the payment; the others wait for their seller, who
    is e-mailed once and must confirm by the deadline. Idempotent: a second call finds the parts.
    Part of the placing transaction (order_placed): the parts are written in one statement and their
    lines' status in another, whatever the number of sellers.

    `lines`: the order's lines as just written, when the caller wrote them (order_placed sends them): the
    order is then new, so it has no part yet, and its lines are not read back.
    """
    if lines is None:
        rows = list(order.lines.filter(partner__isnull=False).values_list("partner_id", "line_price_incl_tax", "status"))
        existing = {part.partner_id: part for part in Fulfilment.objects.filter(order=order)}
    else:
        rows = [(line.partner_id, line.line_price_incl_tax, line.status) for line in lines if line.partner_id]
        existing = {}
    charges = shipping_charges_by_partner([(partner_id, price) for partner_id, price, _status in rows])
    prepaid = order.payment_method not in PAY_ON_DELIVERY_METHODS
    status = S.AWAITING_PAYMENT if prepaid else S.AWAITING
    deadline = order.date_placed + datetime.timedelta(hours=settings.SELLER_CONFIRMATION_HOURS)
    new = [
        Fulfilment(order=order, partner_id=partner_id, shipping_charge=charge, confirm_by=deadline, status=status)
        for partner_id, charge in charges.items()
        if partner_id not in existing
    ]
    if new:
        Fulfilment.objects.bulk_create(new)
        moved = {part.partner_id for part in new}
        if any(partner_id in moved and line_status != status for partner_id, _price, line_status in rows):
            Line.objects.filter(order=order, partner_id__in=moved).update(status=status)
            for line in lines or ():
                if line.partner_id in moved:
                    line.status = status
        if not prepaid:
            _seller_emails_on_commit([part.pk for part in new])
    parts = [existing.get(partner_id) or next(part for part in new if part.partner_id == partner_id) for partner_id in charges]
    # The order's first status: creation, not a move, so it is set as Oscar sets its initial status.
    first = lifecycle.order_status_from_parts([part.status for part in parts])
    if order.status != first and not order.status_changes.exists():
        order.status = first
        order.save(update_fields=["status"])
    return parts


def _transition(part_id: int, name: str, *, actor: str, by=None, note: str = "", check=None, **fields) -> Fulfilment:
    """Lock the part, check the move `name` for `actor`, change and record it. Must run in a transaction.

    `check(part)` may refuse with a ValidationError once the part is locked (a deadline re-read, say).
    """
    part = Fulfilment.objects.select_for_update().select_related("order").get(pk=part_id)
    try:
        transition = lifecycle.transition_check(name, status=part.status, actor=actor)
    except lifecycle.TransitionNotAllowed:
        raise ValidationError(_("This order is %(status)s: it cannot be changed that way.") % {"status": part.get_status_display().lower()}) from None
    if check is not None:
        check(part)
    old = part.status
    part.status = transition.target
    for field, value in fields.items():
        setattr(part, field, value)
    part.save()
    FulfilmentStatusChange.objects.create(
        fulfilment=part, transition=name, old_status=old, new_status=part.status,
        changed_by=by if by is not None and by.is_authenticated else None, note=note,
    )  # fmt: skip
    # Oscar's pages show a line's status: a copy of its part's, never changed on its own.
    Line.objects.filter(order_id=part.order_id, partner_id=part.partner_id).update(status=part.status)
    if old in lifecycle.STOCK_HELD and part.status == S.CANCELLED:
        for line in _part_lines(part):
            if line.stockrecord is not None:
                line.stockrecord.cancel_allocation(line.quantity)
    order_status_refresh(order=part.order)
    part_transitioned.send(sender=Fulfilment, part=part, transition=name, old_status=old, new_status=part.status)
    return part


def _part_lines(part: Fulfilment):
    return Line.objects.filter(order_id=part.order_id, partner_id=part.partner_id).select_related("stockrecord")


def _clean_text(value: str, *, field: str, max_length: int) -> str:
    value = nfc(value or "")
    if any(ord(char) < 32 and char not in "\t\n" for char in value) or "\x7f" in value:
        raise ValidationError({field: _("Remove the control characters from this text.")})
    if len(value) > max_length:
        raise ValidationError({field: _("At most %(max)s characters.") % {"max": max_length}})
    return value


@transaction.atomic
def fulfilments_pay(*, order, by=None) -> list[Fulfilment]:
    """The order's payment arrived: its parts waiting for it go to their sellers, whose confirmation
    deadline starts now (each seller is e-mailed). Returns the parts moved."""
    deadline = timezone.now() + datetime.timedelta(hours=settings.SELLER_CONFIRMATION_HOURS)
    moved = []
    for part_id in order.fulfilments.filter(status=S.AWAITING_PAYMENT).order_by("pk").values_list("pk", flat=True):
        actor = STAFF if by is not None else SYSTEM
        moved.append(_transition(part_id, "pay", actor=actor, by=by, confirm_by=deadline))
    _seller_emails_on_commit([part.pk for part in moved])
    return moved


@transaction.atomic
def fulfilment_confirm(*, fulfilment: Fulfilment, by=None, actor: str = SELLER) -> Fulfilment:
    """The seller accepts its part (only once it is paid, when paid in advance)."""
    return _transition(fulfilment.pk, "confirm", actor=actor, by=by, confirmed_at=timezone.now())


@transaction.atomic
def fulfilment_cancel(*, fulfilment: Fulfilment, reason: str, by=None, actor: str = SELLER) -> Fulfilment:
    """Cancel a seller's part and give its stock back — exactly once, whoever cancels first."""
    reason = _clean_text(reason, field="reason", max_length=500)
    if not reason:
        raise ValidationError({"reason": _("Say why the order is cancelled.")})
    return _transition(fulfilment.pk, "cancel", actor=actor, by=by, note=reason, cancelled_at=timezone.now(), cancel_reason=reason)


@transaction.atomic
def fulfilment_ship(*, fulfilment: Fulfilment, carrier: str, tracking_code: str, by=None) -> Fulfilment:
    """Hand a confirmed part to the carrier: its allocated stock is consumed and the buyer is told."""
    carrier = _clean_text(carrier, field="carrier", max_length=100)
    tracking_code = _clean_text(tracking_code, field="tracking_code", max_length=100)
    if not carrier or not tracking_code:
        raise ValidationError(_("Give the carrier and the tracking code."))
    part = _transition(fulfilment.pk, "ship", actor=SELLER, by=by, shipped_at=timezone.now(), carrier=carrier, tracking_code=tracking_code)
    for line in _part_lines(part):
        if line.stockrecord is not None:
            line.stockrecord.consume_allocation(line.quantity)
    return part


@transaction.atomic
def fulfilment_deliver(*, fulfilment: Fulfilment, by=None, actor: str = SELLER) -> Fulfilment:
    return _transition(fulfilment.pk, "deliver", actor=actor, by=by, delivered_at=timezone.now())


def fulfilments_cancel_overdue(*, now: datetime.datetime | None = None) -> int:
    """Cancel and restock every part its seller did not confirm by the deadline; the buyers are told.

    Only a part still awaiting confirmation lapses, and that is re-read under the part's lock: a
    seller's confirmation in the same second wins. Returns how many parts were cancelled.
    """
    now = now or timezone.now()
    reason = _("The seller did not confirm the order within %(hours)s hours.") % {"hours": settings.SELLER_CONFIRMATION_HOURS}

    def still_overdue(part):
        if part.confirm_by >= now:
            raise ValidationError(_("Not overdue."))

    cancelled = 0
    for part_id in Fulfilment.objects.filter(status=S.AWAITING, confirm_by__lt=now).values_list("pk", flat=True):
        try:
            with transaction.atomic():
                _transition(
                    part_id, "expire", actor=SYSTEM, note=reason, check=still_overdue,
                    cancelled_at=timezone.now(), cancel_reason=reason,
                )  # fmt: skip
            cancelled += 1
        except ValidationError:
            continue  # confirmed, cancelled or paid meanwhile
    return cancelled


@transaction.atomic
def fulfilments_expire_unpaid(*, order, reason: str) -> list[Fulfilment]:
    """The payment did not arrive in time: every part still waiting for it is cancelled, its stock
    given back, the buyer told. Parts already paid or moved on are left alone."""
    cancelled = []
    for part_id in order.fulfilments.filter(status=S.AWAITING_PAYMENT).order_by("pk").values_list("pk", flat=True):
        try:
            with transaction.atomic():
                cancelled.append(_transition(part_id, "expire_unpaid", actor=SYSTEM, note=reason, cancelled_at=timezone.now(), cancel_reason=reason))
        except ValidationError:
            continue
    return cancelled


# --- Staff on Oscar's order dashboard -----------------------------------------------------------


def order_statuses_for_staff(*, order) -> list[str]:
    """The order statuses staff may choose on the dashboard now: each is carried out on the parts."""
    statuses = list(order.fulfilments.exclude(status=S.CANCELLED).values_list("status", flat=True))
    choices = []
    if statuses and all(status in (S.AWAITING, S.CONFIRMED) for status in statuses) and S.AWAITING in statuses:
        choices.append(ORDER_CONFIRMED)
    if statuses and all(status in lifecycle.PART_TRANSITIONS["cancel"].sources for status in statuses):
        choices.append(ORDER_CANCELLED)
    return choices


@transaction.atomic
def order_status_set_by_staff(*, order, status: str, by=None, note: str = "") -> str:
    """Staff chose `status` for the whole order: every part moves through its own transition
    (cancelled parts give their stock back and the buyer is told), so order and parts agree."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if status not in order_statuses_for_staff(order=order):
        raise ValidationError(_("This order cannot be set to “%(status)s” from here.") % {"status": status})
    parts = list(order.fulfilments.exclude(status=S.CANCELLED).order_by("pk"))
    if status == ORDER_CANCELLED:
        reason = note or _("Cancelled by the marketplace staff.")
        for part in parts:
            fulfilment_cancel(fulfilment=part, reason=reason, by=by, actor=STAFF)
    elif status == ORDER_CONFIRMED:
        for part in parts:
            if part.status == S.AWAITING:
                fulfilment_confirm(fulfilment=part, by=by, actor=STAFF)
    order.refresh_from_db(fields=["status"])
    return order.status


def part_history(*, fulfilment: Fulfilment) -> list[FulfilmentStatusChange]:
    """Every move of the part, oldest first, with who made it."""
    return list(fulfilment.status_changes.select_related("changed_by"))


# --- Refunds: one ledger ------------------------------------------------------------------------


def part_total(part: Fulfilment) -> Decimal:
    """What the buyer pays for a seller's part: its lines and its shipping charge (whole đồng)."""
    return sum((line.line_price_incl_tax for line in _part_lines(part)), Decimal(0)) + part.shipping_charge


def part_refunded(part: Fulfilment) -> Decimal:
    return part.refunds.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def part_refundable(part: Fulfilment) -> Decimal:
    """What can still be given back for the part."""
    return max(part_total(part) - part_refunded(part), Decimal(0))


def refund_check(*, fulfilment: Fulfilment, amount: Decimal) -> None:
    """Raise a ValidationError unless `amount` whole đồng can be refunded on the part now."""
    if amount != amount.to_integral_value() or amount <= 0 or amount > part_refundable(fulfilment):
        raise ValidationError({"amount": _("A refund must be whole đồng, positive and no more than what the buyer paid.")})


@transaction.atomic
def refund_record(*, fulfilment: Fulfilment, amount: Decimal, reason: str, reference: str = "") -> SellerRefund:
    """Record money given back to the buyer for a seller's part (at most what the part cost).

    With a provider `reference` (a Stripe refund id) it is recorded once: a second call returns the
    first record.
    """
    part = Fulfilment.objects.select_for_update().get(pk=fulfilment.pk)
    if reference:
        existing = SellerRefund.objects.filter(reference=reference).first()
        if existing is not None:
            return existing
    refund_check(fulfilment=part, amount=amount)
    refund = SellerRefund(fulfilment=part, amount=amount, reason=nfc(reason), reference=reference)
    refund.full_clean()
    refund.save()
    return refund


# --- Cash on delivery ---------------------------------------------------------------------------

# Oscar's payment SourceType code for cash on delivery (the checkout creates the order's source).
CASH_ON_DELIVERY = "cash-on-delivery"
CASH_RECEIVED = "Cash received"


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

    The seller (its dashboard) and staff (payments.services.order_record_cash) both record cash
    here. The order's Oscar payment source is debited and a payment event covers the part's lines,
    so the dashboard shows it; the order is paid when every part still on it is.
    """
    part = Fulfilment.objects.select_for_update().get(pk=fulfilment.pk)
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
