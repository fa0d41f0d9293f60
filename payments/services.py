"""Payment services: each method's money recorded with Oscar's payment models (Source, Transaction,
PaymentEvent), so the Oscar dashboard shows it; each change checked against payments.lifecycle.

- Cash on delivery: placed unpaid; each seller records the cash of its part
  (sellers.fulfilment.fulfilment_record_cash), or staff record all parts at once here.
- VietQR transfer: placed unpaid, its parts waiting for the money; staff mark it paid after matching
  the transfer note, and the parts go to their sellers. Unpaid after VIETQR_PAYMENT_TIMEOUT_HOURS:
  cancelled, stock back.
- Card: a Stripe PaymentIntent per order; the signed webhook marks it paid (the parts go to their
  sellers) or records a failure; unpaid after CARD_PAYMENT_TIMEOUT_MINUTES: cancelled, stock back.
  Staff refund a seller's part: checked first, Stripe called with an idempotency key outside any
  transaction, its answer recorded in a transaction of its own, and the webhook records any refund
  that a failure between the two left out.

Payments, refunds and cancellations are e-mailed to the buyer once the change is committed
(payments.tasks, once per event).
"""

import datetime
import logging
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from ocop_catalog.money import NotWholeDong, whole_dong
from ocop_catalog.reference_cache import reference_cached
from sellers import fulfilment as fulfilment_services
from sellers.models import Fulfilment, SellerRefund

from . import lifecycle, methods, stripe_gateway, tasks
from .models import StripeEvent
from .selectors import order_amount_due, payment_summary
from .vietqr import transfer_note

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Transaction = get_model("payment", "Transaction")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")

TRANSFER_RECEIVED = "Transfer received"
CARD_PAID = "Paid by card"
CARD_FAILED = "Card payment failed"
REFUNDED = "Refunded"
FAILED = "Failed"


def source_type_for(method: str):
    code, name = methods.SOURCE_TYPES[method]
    # get_or_create: the first buyers of a method race to create its type (a savepoint and a second look),
    # and the AutoSlugField keeps the code it is given.
    def load():
        source_type, _created = SourceType.objects.get_or_create(code=code, defaults={"name": name})
        return source_type

    return reference_cached(f"payment-source-type:{code}", load)


def checkout_source(*, method: str, order_number: str):
    """The unsaved payment source of an order being placed (Oscar saves it with the order)."""
    if method not in methods.SOURCE_TYPES:
        raise ValueError(method)
    return Source(
        source_type=source_type_for(method),
        currency=settings.OSCAR_DEFAULT_CURRENCY,
        reference=transfer_note(order_number) if method == methods.VIETQR else "",
    )


def _payment_event(*, order, name: str, amount: Decimal, reference: str, lines=None):
    event_type, _created = PaymentEventType.objects.get_or_create(name=name)
    event = PaymentEvent.objects.create(order=order, amount=amount, reference=reference, event_type=event_type)
    for line in lines if lines is not None else order.lines.all():
        event.line_quantities.create(line=line, quantity=line.quantity)
    return event


def _notify_buyer_on_commit(task, payment_event) -> None:
    # robust: the payment stays recorded even if the e-mail cannot be queued (the task retries sending).
    transaction.on_commit(lambda: task.delay(payment_event.pk), robust=True)


def _locked_source(order, method: str):
    code = methods.SOURCE_TYPES[method][0]
    return Source.objects.select_for_update().filter(order=order, source_type__code=code).first()


def _state(order) -> str:
    return payment_summary(order).state


def _receive(*, source, order, amount: Decimal, reference: str, status: str, event_name: str, by=None):
    """Money in for the whole order: debit the source, record the event, tell the buyer, and send the
    parts that waited for it to their sellers."""
    lifecycle.move_check("receive", state=_state(order))
    whole_dong(amount)
    source.debit(amount, reference=reference, status=status)
    event = _payment_event(order=order, name=event_name, amount=amount, reference=reference)
    _notify_buyer_on_commit(tasks.send_payment_received_email, event)
    fulfilment_services.fulfilments_pay(order=order, by=by)
    return event


# --- Cash and transfer, recorded by people --------------------------------------------------


@transaction.atomic
def order_record_transfer(*, order, reference: str = "", by=None) -> Decimal:
    """Staff matched a VietQR transfer to the order: it becomes paid (once). Returns the amount."""
    source = _locked_source(order, methods.VIETQR)
    if source is None:
        raise ValidationError(_("This order is not paid by bank transfer."))
    if not order.fulfilments.exclude(status=Fulfilment.Status.CANCELLED).exists():
        raise ValidationError(_("This order is cancelled: return the transfer to the buyer instead."))
    amount = order_amount_due(order) - source.amount_debited
    if amount <= 0:
        raise ValidationError(_("This order is already paid."))
    reference = reference.strip() or source.reference
    _receive(
        source=source, order=order, amount=amount, reference=reference, status="received", event_name=TRANSFER_RECEIVED, by=by
    )
    return amount


def order_record_cash(*, order) -> Decimal:
    """Staff record the cash of every shipped or delivered part not recorded yet. Returns the amount."""
    total = Decimal(0)
    with transaction.atomic():
        lifecycle.move_check("receive", state=_state(order))
        parts = order.fulfilments.filter(status__in=[Fulfilment.Status.SHIPPED, Fulfilment.Status.DELIVERED])
        for part in parts:
            state = fulfilment_services.part_cash(fulfilment=part)
            if state is None:
                raise ValidationError(_("This order is not paid cash on delivery."))
            if not state["recorded"]:
                total += fulfilment_services.fulfilment_record_cash(fulfilment=part)
    if not total:
        raise ValidationError(_("No shipped part of this order waits for its cash."))
    return total


# --- Cards (Stripe) ---------------------------------------------------------------------------


def card_payment_intent(*, order) -> dict:
    """The PaymentIntent the buyer confirms with Stripe.js: created once per order (idempotency key
    from the order number), its id kept as the payment source's reference, for what is due (the
    order less the parts sellers cancelled). Raises ValidationError when nothing can be paid."""
    source = Source.objects.filter(order=order, source_type__code=methods.SOURCE_TYPES[methods.CARD][0]).first()
    if source is None:
        raise ValidationError(_("This order is not paid by card."))
    due = order_amount_due(order)
    if due <= 0:
        raise ValidationError(_("Nothing is left to pay: the sellers cancelled this order."))
    if source.amount_debited >= due:
        raise ValidationError(_("This order is already paid."))
    try:
        whole_dong(due)
    except NotWholeDong as error:
        raise ValidationError(str(error)) from error
    if source.reference:
        intent = stripe_gateway.payment_intent_retrieve(source.reference)
        # A seller cancelled their part before the buyer paid: charge only what is still due.
        if intent["amount"] != stripe_gateway.stripe_amount(due) and intent["status"] in stripe_gateway.AMOUNT_EDITABLE_STATUSES:
            intent = stripe_gateway.payment_intent_update_amount(intent_id=intent["id"], amount=due)
    else:
        intent = stripe_gateway.payment_intent_create(order_number=order.number, amount=due)
        Source.objects.filter(pk=source.pk, reference="").update(reference=intent["id"])
    return {"id": intent["id"], "client_secret": intent["client_secret"], "status": intent["status"]}


def _card_source_for_intent(intent_id: str, *, order_number: str = ""):
    card = methods.SOURCE_TYPES[methods.CARD][0]
    sources = Source.objects.select_for_update().select_related("order")
    source = sources.filter(source_type__code=card, reference=intent_id).first()
    if source is None and order_number:
        source = sources.filter(source_type__code=card, order__number=order_number, reference="").first()
    if source is None:
        logger.warning("Stripe: no order for PaymentIntent %s", intent_id)
    return source


def _card_succeeded(intent) -> bool:
    source = _card_source_for_intent(intent["id"], order_number=(intent.get("metadata") or {}).get("order_number", ""))
    if source is None:
        return False
    if source.transactions.filter(txn_type=Transaction.DEBIT, reference=intent["id"]).exists():
        return False
    amount = Decimal(intent.get("amount_received") or intent["amount"])
    if not source.reference:
        source.reference = intent["id"]
    try:
        _receive(source=source, order=source.order, amount=amount, reference=intent["id"], status=intent["status"], event_name=CARD_PAID)
    except ValidationError:
        logger.error("Stripe: PaymentIntent %s paid order %s, which cannot take a payment now", intent["id"], source.order.number)
        return False
    return True


def _card_failed(intent) -> bool:
    source = _card_source_for_intent(intent["id"], order_number=(intent.get("metadata") or {}).get("order_number", ""))
    if source is None:
        return False
    error = intent.get("last_payment_error") or {}
    reason = (error.get("message") or error.get("code") or "")[:128]
    Transaction.objects.create(source=source, txn_type=FAILED, amount=Decimal(intent["amount"]), reference=intent["id"], status=reason)
    _payment_event(order=source.order, name=CARD_FAILED, amount=Decimal(intent["amount"]), reference=intent["id"], lines=[])
    return True


def _card_refund_seen(refund) -> bool:
    """Reconcile a refund Stripe reports (refund.created / refund.updated, or one of a charge's refunds)."""
    if refund.get("status") not in ("succeeded", "pending"):
        return False
    metadata = refund.get("metadata") or {}
    source = _card_source_for_intent(refund.get("payment_intent") or "", order_number=metadata.get("order_number", ""))
    if source is None:
        return False
    part = Fulfilment.objects.filter(order=source.order, pk=metadata.get("part_id") or 0).first()
    if part is None:
        logger.error("Stripe: refund %s of order %s names no seller's part: record it by hand", refund["id"], source.order.number)
        return False
    return _card_refund_record(source=source, part=part, refund=refund, reason=metadata.get("reason", ""))


def _charge_refunded(charge) -> bool:
    refunds = (charge.get("refunds") or {}).get("data") or []
    return any(_card_refund_seen(refund) for refund in refunds)


EVENT_HANDLERS = {
    "payment_intent.succeeded": _card_succeeded,
    "payment_intent.payment_failed": _card_failed,
    "refund.created": _card_refund_seen,
    "refund.updated": _card_refund_seen,
    "charge.refunded": _charge_refunded,
}


def stripe_event_valid(event) -> bool:
    """Whether a verified event has the shape Stripe documents (id, type, data.object)."""
    return (
        isinstance(event, dict)
        and isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(event.get("data"), dict)
        and isinstance(event["data"].get("object"), dict)
    )


@transaction.atomic
def stripe_event_handle(*, event) -> bool:
    """Apply one verified Stripe event, once per event id: the id is stored in the same transaction
    as the change, so a replay (or a concurrent duplicate) changes nothing. True if state changed."""
    if not stripe_event_valid(event):
        raise ValidationError(_("Not a Stripe event."))
    _seen, created = StripeEvent.objects.get_or_create(event_id=event["id"], defaults={"type": event["type"][:100]})
    if not created:
        return False
    handler = EVENT_HANDLERS.get(event["type"])
    if handler is None:
        return False
    return handler(event["data"]["object"])


def _card_refund_key(*, order, part: Fulfilment) -> str:
    # The n-th refund of a part: a request retried after a failure asks Stripe with the same key and
    # gets the same refund back, never a second one.
    number = part.refunds.count() + 1
    return f"ocop-order-{order.number}-part-{part.pk}-refund-{number}"


def _card_refund_record(*, source, part: Fulfilment, refund, reason: str) -> bool:
    """Record a refund Stripe made, once (its id is unique in the one refund ledger). Runs in a
    transaction of its own when called outside one."""
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=source.pk)
        if SellerRefund.objects.filter(reference=refund["id"]).exists():
            return False
        amount = Decimal(refund["amount"])
        source.refund(amount, reference=refund["id"], status=f"part-{part.pk}")
        fulfilment_services.refund_record(
            fulfilment=part, amount=amount, reason=reason or _("Refunded to the card"), reference=refund["id"]
        )
        event = _payment_event(
            order=source.order, name=REFUNDED, amount=amount, reference=refund["id"],
            lines=list(source.order.lines.filter(partner_id=part.partner_id)),
        )  # fmt: skip
        _notify_buyer_on_commit(tasks.send_refund_email, event)
    return True


def card_refund(*, order, fulfilment: Fulfilment, amount: Decimal, reason: str):
    """Give card money back for one seller's part, through Stripe, and record it.

    1. Check, under the locks, that the amount can be refunded (card paid, whole đồng, within what
       the part cost less its refunds of any kind) — nothing is sent to Stripe otherwise.
    2. Ask Stripe, outside any transaction, with an idempotency key for this refund.
    3. Record Stripe's answer in a transaction of its own (once per refund id); if that fails, the
       webhook's refund event records it later.
    Call it outside a transaction (the view that calls it is non-atomic), or a rollback around it
    would undo step 3 after Stripe refunded.
    """
    reason = reason.strip()
    with transaction.atomic():
        source = _locked_source(order, methods.CARD)
        if source is None or not source.amount_debited:
            raise ValidationError(_("This order has no card payment to refund."))
        lifecycle.move_check("refund", state=_state(order))
        part = Fulfilment.objects.select_for_update().get(pk=fulfilment.pk, order=order)
        refundable = min(fulfilment_services.part_refundable(part), source.amount_available_for_refund)
        if amount != amount.to_integral_value() or amount <= 0 or amount > refundable:
            raise ValidationError(
                {"amount": _("Refund between 1 ₫ and %(max)s for this part.") % {"max": currency(refundable, "VND")}}
            )
        key = _card_refund_key(order=order, part=part)
        intent_id = source.reference
    refund = stripe_gateway.refund_create(
        intent_id=intent_id, amount=amount, idempotency_key=key, order_number=order.number,
        metadata={"part_id": str(part.pk), "reason": reason[:450]},
    )  # fmt: skip
    _card_refund_record(source=source, part=part, refund=refund, reason=reason)
    return refund


# --- Orders not paid in time --------------------------------------------------------------------


def _unpaid_cutoffs(now: datetime.datetime) -> dict[str, datetime.datetime]:
    return {
        methods.CARD: now - datetime.timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES),
        methods.VIETQR: now - datetime.timedelta(hours=settings.VIETQR_PAYMENT_TIMEOUT_HOURS),
    }


def _unpaid_reason(method: str) -> str:
    if method == methods.CARD:
        return _("The card payment was not completed within %(minutes)s minutes.") % {
            "minutes": settings.CARD_PAYMENT_TIMEOUT_MINUTES
        }
    return _("The bank transfer did not arrive within %(hours)s hours.") % {"hours": settings.VIETQR_PAYMENT_TIMEOUT_HOURS}


def orders_cancel_unpaid(*, now: datetime.datetime | None = None) -> int:
    """Cancel the parts of card and VietQR orders still waiting for their payment past the method's
    deadline, giving their stock back (the parts move once: sellers.lifecycle). A card's
    PaymentIntent is cancelled first, so it cannot be charged for a cancelled order; if Stripe
    refuses (paid meanwhile, or unreachable), the order waits for the next run. Returns how many
    orders were cancelled."""
    now = now or timezone.now()
    cancelled = 0
    for method, cutoff in _unpaid_cutoffs(now).items():
        orders = Order.objects.filter(
            payment_method=method, date_placed__lt=cutoff, fulfilments__status=Fulfilment.Status.AWAITING_PAYMENT
        ).distinct()
        for order in orders:
            source = Source.objects.filter(order=order).first()
            if source is not None and source.amount_debited:
                continue
            if method == methods.CARD and source is not None and source.reference:
                try:
                    stripe_gateway.payment_intent_cancel(intent_id=source.reference, order_number=order.number)
                except stripe_gateway.StripeError:
                    logger.warning("Stripe: PaymentIntent %s of order %s not cancelled", source.reference, order.number)
                    continue
            with transaction.atomic():
                # The payment may have arrived since the read: re-read it under the source's lock.
                source = Source.objects.select_for_update().filter(pk=source.pk).first() if source else None
                if source is not None and source.amount_debited:
                    continue
                lifecycle.move_check("void", state=_state(order))
                if fulfilment_services.fulfilments_expire_unpaid(order=order, reason=_unpaid_reason(method)):
                    cancelled += 1
    return cancelled
