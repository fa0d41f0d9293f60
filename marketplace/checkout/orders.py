"""What the buyer sees of a placed order: its sellers' parts, status and how to pay."""

import hmac
import logging
from collections import defaultdict

from django.conf import settings
from oscar.core.loading import get_model

from marketplace.deployment.client import client_address
from marketplace.deployment.limits import counted_within
from ocop_catalog.money import NotWholeDong
from ocop_catalog.phones import normalise_phone
from payments import methods
from payments.selectors import payment_summary
from payments.vietqr import qr_svg, transfer_note, vietqr_payload
from sellers.lifecycle import ORDER_STATUS_LABELS

logger = logging.getLogger(__name__)

Line = get_model("order", "Line")

LOOKUP_WINDOW_SECONDS = 15 * 60


def order_status_label(status: str) -> str:
    return str(ORDER_STATUS_LABELS.get(status, status))


def order_parts(order) -> list[dict]:
    """Each seller's part of the order with its lines, status and shipping (three queries)."""
    lines = defaultdict(list)
    for line in order.lines.order_by("pk"):
        lines[line.partner_id].append(line)
    return [
        {"part": part, "partner": part.partner, "lines": lines[part.partner_id]}
        for part in order.fulfilments.select_related("partner").order_by("partner__name")
    ]


def vietqr_for(order, *, amount) -> dict:
    payload = vietqr_payload(amount=amount, order_number=order.number)
    return {
        "svg": qr_svg(payload),
        "payload": payload,
        "amount": amount,
        "note": transfer_note(order.number),
        "bank_bin": settings.VIETQR_BANK_BIN,
        "account_number": settings.VIETQR_ACCOUNT_NUMBER,
        "account_name": settings.VIETQR_ACCOUNT_NAME,
    }


def order_display_context(order) -> dict:
    summary = payment_summary(order)
    context = {
        "order_status_label": order_status_label(order.status),
        "order_parts": order_parts(order),
        "payment": summary,
    }
    still_due = summary.amount_due - summary.amount_paid
    if summary.method == methods.VIETQR and still_due > 0 and methods.vietqr_configured():
        try:
            context["vietqr"] = vietqr_for(order, amount=still_due)
        except NotWholeDong:
            # Never reached through the checkout (placement refuses it); an order made otherwise gets words, not a 500.
            logger.error("Order %s: %s is not whole đồng, no VietQR code", order.number, still_due)
            context["payment_problem"] = True
    if summary.method == methods.CARD and still_due > 0 and methods.stripe_configured():
        context["card_payment_due"] = True
    return context


# The guest orders this browser session may open (checkout:order-lookup and the thank-you page add to it).
GUEST_ORDERS_SESSION_KEY = "guest_order_numbers"
GUEST_ORDERS_KEPT = 20


def guest_order_grant(request, order) -> None:
    """Let this browser session open the guest order `order` (customer:anon-order) — whether it was placed
    with an e-mail or a mobile number only."""
    numbers = [number for number in request.session.get(GUEST_ORDERS_SESSION_KEY, []) if number != order.number]
    request.session[GUEST_ORDERS_SESSION_KEY] = [*numbers, order.number][-GUEST_ORDERS_KEPT:]


def guest_order_granted(request, order_number: str) -> bool:
    return order_number in request.session.get(GUEST_ORDERS_SESSION_KEY, [])


def order_contact_matches(order, contact: str) -> bool:
    """Whether `contact` is the e-mail the order was placed with, or the mobile number it is delivered to
    (any spelling: "0912 345 678", "+84912345678"). Compared in constant time."""
    contact = (contact or "").strip()
    if not contact:
        return False
    if "@" in contact:
        stored, given = (order.email or "").lower(), contact.lower()
    else:
        address = order.shipping_address
        stored = normalise_phone(str(address.phone_number)) if address and address.phone_number else ""
        given = normalise_phone(contact)
    return bool(stored) and hmac.compare_digest(stored.encode(), given.encode())


def order_lookup_allowed(request, *, number: str) -> bool:
    """Counts a guest order look-up; False past ORDER_LOOKUP_ATTEMPTS from this client, or past
    ORDER_LOOKUP_ATTEMPTS_PER_NUMBER for this order number from anyone, in 15 minutes.

    Counted in the default cache, which debug off requires to be shared (deployment.E001), so every
    worker sees the same counts; the client is the address the trusted proxy saw (client_address)."""
    if not _lookup_counted(f"order-lookup:client:{client_address(request)}", settings.ORDER_LOOKUP_ATTEMPTS):
        return False
    if number.isdigit():  # anything else matches no order and needs no budget of its own
        return _lookup_counted(f"order-lookup:number:{number[:20]}", settings.ORDER_LOOKUP_ATTEMPTS_PER_NUMBER)
    return True


def _lookup_counted(key: str, limit: int) -> bool:
    return counted_within(key, limit=limit, window=LOOKUP_WINDOW_SECONDS)
