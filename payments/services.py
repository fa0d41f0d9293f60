"""Payment services: each method's money recorded with Oscar's payment models (Source, Transaction,
PaymentEvent), so the Oscar dashboard shows it.

- Cash on delivery: placed unpaid; each seller records the cash of its part (sellers.fulfilment), or
  staff record all parts at once.
- VietQR transfer: placed unpaid; staff mark it paid after matching the transfer note.
- Card: a Stripe PaymentIntent per order; the signed webhook marks it paid or records a failure;
  staff refund a seller's part from the dashboard.

A card payment, a transfer and a refund are e-mailed to the buyer once the change is committed
(payments.tasks, once per payment event).
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

from sellers import fulfilment as fulfilment_services
from sellers.models import Fulfilment

from . import methods, stripe_gateway, tasks
from .models import StripeEvent
from .selectors import order_amount_due, part_card_refunded
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
    source_type = SourceType.objects.filter(code=code).first()
    if source_type is None:
        source_type = SourceType(name=name)
        source_type.code = code  # AutoSlugField keeps a code it is given
        source_type.save()
    return source_type


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


# --- Cash and transfer, recorded by people --------------------------------------------------


@transaction.atomic
def order_record_transfer(*, order, reference: str = "") -> Decimal:
    """Staff matched a VietQR transfer to the order: it becomes paid (once). Returns the amount."""
    source = _locked_source(order, methods.VIETQR)
    if source is None:
        raise ValidationError(_("This order is not paid by bank transfer."))
    amount = order_amount_due(order) - source.amount_debited
    if amount <= 0:
        raise ValidationError(_("This order is already paid."))
    reference = reference.strip() or source.reference
    source.debit(amount, reference=reference, status="received")
    event = _payment_event(order=order, name=TRANSFER_RECEIVED, amount=amount, reference=reference)
    _notify_buyer_on_commit(tasks.send_payment_received_email, event)
    return amount


def order_record_cash(*, order) -> Decimal:
    """Staff record the cash of every shipped or delivered part not recorded yet. Returns the amount."""
    total = Decimal(0)
    with transaction.atomic():
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
    order less the parts sellers cancelled)."""
    source = Source.objects.filter(order=order, source_type__code=methods.SOURCE_TYPES[methods.CARD][0]).first()
    if source is None:
        raise ValidationError(_("This order is not paid by card."))
    due = order_amount_due(order)
    if due <= 0:
        raise ValidationError(_("Nothing is left to pay: the sellers cancelled this order."))
    if source.amount_debited >= due:
        raise ValidationError(_("This order is already paid."))
    if source.reference:
        intent = stripe_gateway.payment_intent_retrieve(source.reference)
        # A seller cancelled their part before the buyer paid: charge only what is still due.
        if intent["amount"] != stripe_gateway.stripe_amount(due) and intent["status"] in stripe_gateway.AMOUNT_EDITABLE_STATUSES:
            intent = stripe_gateway.payment_intent_update_amount(intent_id=intent["id"], amount=due)
    else:
        intent = stripe_gateway.payment_intent_create(order_number=order.number, amount=due)
        Source.objects.filter(pk=source.pk, reference="").update(reference=intent["id"])
    return {"id": intent["id"], "client_secret": intent["client_secret"], "status": intent["status"]}


def _card_source_for_intent(intent):
    card = methods.SOURCE_TYPES[methods.CARD][0]
    sources = Source.objects.select_for_update().select_related("order")
    source = sources.filter(source_type__code=card, reference=intent["id"]).first()
    if source is None:
        number = (intent.get("metadata") or {}).get("order_number")
        source = sources.filter(source_type__code=card, order__number=number, reference="").first() if number else None
    if source is None:
        logger.warning("Stripe: no order for PaymentIntent %s", intent["id"])
    return source


def _card_succeeded(intent) -> bool:
    source = _card_source_for_intent(intent)
    if source is None:
        return False
    if source.transactions.filter(txn_type=Transaction.DEBIT, reference=intent["id"]).exists():
        return False
    amount = Decimal(intent.get("amount_received") or intent["amount"])
    if not source.reference:
        source.reference = intent["id"]
    source.debit(amount, reference=intent["id"], status=intent["status"])
    event = _payment_event(order=source.order, name=CARD_PAID, amount=amount, reference=intent["id"])
    _notify_buyer_on_commit(tasks.send_payment_received_email, event)
    return True


def _card_failed(intent) -> bool:
    source = _card_source_for_intent(intent)
    if source is None:
        return False
    error = intent.get("last_payment_error") or {}
    reason = (error.get("message") or error.get("code") or "")[:128]
    source._create_transaction(FAILED, Decimal(intent["amount"]), reference=intent["id"], status=reason)
    _payment_event(order=source.order, name=CARD_FAILED, amount=Decimal(intent["amount"]), reference=intent["id"], lines=[])
    return True


EVENT_HANDLERS = {
    "payment_intent.succeeded": _card_succeeded,
    "payment_intent.payment_failed": _card_failed,
}


@transaction.atomic
def stripe_event_handle(*, event) -> bool:
    """Apply one verified Stripe event, once per event id: the id is stored in the same transaction
    as the change, so a replay (or a concurrent duplicate) changes nothing. True if state changed."""
    _seen, created = StripeEvent.objects.get_or_create(event_id=event["id"], defaults={"type": event["type"][:100]})
    if not created:
        return False
    handler = EVENT_HANDLERS.get(event["type"])
    if handler is None:
        return False
    return handler(event["data"]["object"])


@transaction.atomic
def card_refund(*, order, fulfilment: Fulfilment, amount: Decimal, reason: str):
    """Give card money back for one seller's part, through Stripe, and record it.

    A refund on a live part is also the seller's refund (sellers.fulfilment.refund_record: it
    reduces what the seller is owed); on a cancelled part the seller was never owed the money.
    """
    source = _locked_source(order, methods.CARD)
    if source is None or not source.amount_debited:
        raise ValidationError(_("This order has no card payment to refund."))
    part = Fulfilment.objects.select_for_update().get(pk=fulfilment.pk, order=order)
    refundable = min(fulfilment_services.part_total(part) - part_card_refunded(source, part), source.amount_available_for_refund)
    if amount != amount.to_integral_value() or amount <= 0 or amount > refundable:
        raise ValidationError(
            {"amount": _("Refund between 1 ₫ and %(max)s for this part.") % {"max": currency(refundable, "VND")}}
        )
    number = source.transactions.filter(txn_type=Transaction.REFUND, status=f"part-{part.pk}").count() + 1
    refund = stripe_gateway.refund_create(
        intent_id=source.reference,
        amount=amount,
        idempotency_key=f"ocop-order-{order.number}-part-{part.pk}-refund-{number}",
        order_number=order.number,
    )
    source.refund(amount, reference=refund["id"], status=f"part-{part.pk}")
    event = _payment_event(
        order=order, name=REFUNDED, amount=amount, reference=refund["id"], lines=list(order.lines.filter(partner_id=part.partner_id))
    )
    _notify_buyer_on_commit(tasks.send_refund_email, event)
    if part.status != Fulfilment.Status.CANCELLED:
        fulfilment_services.refund_record(fulfilment=part, amount=amount, reason=reason)
    return refund


def card_orders_cancel_unpaid(*, now: datetime.datetime | None = None) -> int:
    """Cancel card orders still unpaid after CARD_PAYMENT_TIMEOUT_MINUTES and give their stock back
    (once: sellers.fulfilment cancels a part only once). The PaymentIntent is cancelled first, so a
    card cannot be charged for a cancelled order. Returns how many orders were cancelled."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES)
    unpaid = Source.objects.filter(
        source_type__code=methods.SOURCE_TYPES[methods.CARD][0], amount_debited=0, order__date_placed__lt=cutoff
    ).exclude(order__status=fulfilment_services.ORDER_CANCELLED).select_related("order")
    cancelled = 0
    for source in unpaid:
        if source.reference:
            try:
                stripe_gateway.payment_intent_cancel(intent_id=source.reference, order_number=source.order.number)
            except stripe_gateway.StripeError:
                logger.warning("Stripe: PaymentIntent %s of order %s not cancelled", source.reference, source.order.number)
                continue  # paid meanwhile, or Stripe unreachable: try again next time
        # One transaction per order: the buyer's e-mails go once all its parts are cancelled.
        with transaction.atomic():
            for part in source.order.fulfilments.exclude(status=Fulfilment.Status.CANCELLED):
                try:
                    fulfilment_services.fulfilment_cancel(
                        fulfilment=part, reason=_("The card payment was not completed within %(minutes)s minutes.")
                        % {"minutes": settings.CARD_PAYMENT_TIMEOUT_MINUTES},
                    )
                except ValidationError:
                    continue  # shipped or cancelled meanwhile
        cancelled += 1
    return cancelled
