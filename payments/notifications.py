"""The buyer's order e-mails after the confirmation (marketplace.checkout.emails): a payment
received, a seller's part shipped or cancelled, a refund.

They live here, beside the payment state they report, so that both payments and the sellers' part
moves reach them without a cycle: sellers.fulfilment sends `part_transitioned`, payments.receivers
schedules the e-mail.

Each goes to the order's address (the guest's, or the signed-in buyer's) through Oscar's order
dispatcher, so the dashboard lists it among the order's e-mails, rendered from
templates/oscar/communication/emails/commtype_<code>_* in settings.LANGUAGE_CODE. Each is sent once per
event: a payments.BuyerNotification row is inserted in the same transaction as the sending, so a task
run twice, a replayed webhook or two workers at once send one e-mail; a failed sending leaves no row,
and the Celery task (payments.tasks) tries again.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from sellers.fulfilment import part_cash
from sellers.models import Fulfilment

from . import methods
from .models import BuyerNotification
from .selectors import part_money_back, payment_summary

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

logger = logging.getLogger(__name__)

# Oscar communication event codes: the templates are commtype_<code in lower case>_{subject,body}.*
PAYMENT_RECEIVED = "ORDER_PAYMENT_RECEIVED"
PART_SHIPPED = "ORDER_PART_SHIPPED"
PART_CANCELLED = "ORDER_PART_CANCELLED"
REFUND_ISSUED = "ORDER_REFUND_ISSUED"
EVENT_NAMES = {
    PAYMENT_RECEIVED: "Order payment received",
    PART_SHIPPED: "Seller's part of an order shipped",
    PART_CANCELLED: "Seller's part of an order cancelled",
    REFUND_ISSUED: "Order refund issued",
}

Kind = BuyerNotification.Kind
S = Fulfilment.Status


def order_status_path(order) -> str:
    """The buyer's page of the order: under "Account" for a signed-in buyer, a signed link for a guest."""
    if order.user_id:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()})


def order_status_url(order) -> str:
    return f"{settings.SITE_URL}{order_status_path(order)}"


def _send_once(*, order, kind: str, object_id: int, event_code: str, context: dict) -> bool:
    """Send the `event_code` e-mail to the buyer unless one of `kind` about `object_id` was sent."""
    email = order.email
    if not email:
        logger.warning("Order %s has no e-mail address: no %s e-mail", order.number, event_code)
        return False
    # The event type must exist for Oscar to record the sending (file templates give the text).
    CommunicationEventType.objects.get_or_create(code=event_code, defaults={"name": EVENT_NAMES[event_code]})
    context = {
        "order": order,
        "user": order.user,
        "status_url": order_status_url(order),
        "site_url": settings.SITE_URL,
        **context,
    }
    with transaction.atomic():
        _notice, created = BuyerNotification.objects.get_or_create(
            kind=kind, object_id=object_id, defaults={"order": order, "email": email}
        )
        if not created:
            return False
        dispatcher = OrderDispatcher(logger=logger)
        with translation.override(settings.LANGUAGE_CODE):
            messages = dispatcher.dispatcher.get_messages(event_code, context)
        # An SMTP error propagates: the row above is rolled back and the task retries.
        dispatcher.dispatch_order_messages(order, messages, event_code)
    return True


def _part_lines(part: Fulfilment) -> list:
    return list(part.order.lines.filter(partner_id=part.partner_id).order_by("pk"))


def _parts_left(part: Fulfilment):
    """The order's other parts that are still going on."""
    return part.order.fulfilments.exclude(pk=part.pk).exclude(status=S.CANCELLED)


def payment_received_send(*, payment_event_id: int) -> bool:
    """E-mail the buyer that a card payment or a bank transfer (a payment event) arrived: the amount,
    how it was paid and what is still due. False if it was already sent."""
    event = PaymentEvent.objects.select_related("order__user").get(pk=payment_event_id)
    summary = payment_summary(event.order)
    context = {
        "amount": event.amount,
        "method_label": methods.LABELS.get(summary.method, ""),  # lazy: translated when rendered
        "still_due": max(summary.amount_due - summary.amount_paid, 0),
    }
    return _send_once(
        order=event.order, kind=Kind.PAYMENT_RECEIVED, object_id=event.pk, event_code=PAYMENT_RECEIVED, context=context
    )


def part_shipped_send(*, fulfilment_id: int) -> bool:
    """E-mail the buyer that one seller shipped its part: that seller, its items, the carrier and
    tracking code, and (cash on delivery) the cash to hand the courier. False if already sent."""
    part = Fulfilment.objects.select_related("order__user", "partner").get(pk=fulfilment_id)
    cash = part_cash(fulfilment=part)
    to_come = _parts_left(part).filter(status__in=[S.AWAITING, S.CONFIRMED]).select_related("partner")
    context = {
        "part": part,
        "seller": part.partner.name,
        "lines": _part_lines(part),
        "cash_due": cash["amount"] if cash and not cash["recorded"] else None,
        "sellers_to_come": sorted(other.partner.name for other in to_come),
    }
    return _send_once(order=part.order, kind=Kind.PART_SHIPPED, object_id=part.pk, event_code=PART_SHIPPED, context=context)


def part_cancelled_send(*, fulfilment_id: int) -> bool:
    """E-mail the buyer that a seller's part was cancelled (by the seller, staff, or a deadline): that
    seller, its items, the reason, and the money: a refund follows if it was paid by card (or the
    transfer is returned), else nothing is charged for it. False if already sent."""
    part = Fulfilment.objects.select_related("order__user", "partner").get(pk=fulfilment_id)
    method, money_back = part_money_back(part)
    context = {
        "part": part,
        "seller": part.partner.name,
        "lines": _part_lines(part),
        "reason": part.cancel_reason,
        "money_back": money_back,
        "paid_by_card": method == methods.CARD and money_back > 0,
        "paid_by_transfer": method == methods.VIETQR and money_back > 0,
        "order_goes_on": _parts_left(part).exists(),
    }
    return _send_once(order=part.order, kind=Kind.PART_CANCELLED, object_id=part.pk, event_code=PART_CANCELLED, context=context)


def refund_issued_send(*, payment_event_id: int) -> bool:
    """E-mail the buyer that money went back to the card (a refund payment event): the amount, and the
    seller and items it is for. False if already sent."""
    event = PaymentEvent.objects.select_related("order__user").get(pk=payment_event_id)
    lines = list(event.lines.order_by("pk"))
    part = (
        Fulfilment.objects.select_related("partner").filter(order=event.order, partner_id=lines[0].partner_id).first()
        if lines
        else None
    )
    context = {
        "amount": event.amount,
        "seller": part.partner.name if part else "",
        "lines": lines,
        "reference": event.reference,
    }
    return _send_once(order=event.order, kind=Kind.REFUND_ISSUED, object_id=event.pk, event_code=REFUND_ISSUED, context=context)
