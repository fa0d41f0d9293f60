"""The Stripe adapter: the only place that talks to Stripe or converts money to its format.

VND is a zero-decimal currency for Stripe: 150.000 ₫ is `amount=150000, currency=vnd` — never ×100.
"""

from decimal import Decimal

import stripe
from django.conf import settings

from ocop_catalog.money import whole_dong

CURRENCY = "vnd"


def stripe_amount(amount: Decimal) -> int:
    """Whole đồng as Stripe's integer amount (zero-decimal: the same number); raises
    ocop_catalog.money.NotWholeDong (a ValueError) for a fraction of a đồng."""
    return whole_dong(amount)


def client() -> stripe.StripeClient:
    # The base address is a setting so tests point the library at a local server.
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=0,
    )


def payment_intent_create(*, order_number: str, amount: Decimal) -> stripe.PaymentIntent:
    """A card PaymentIntent for the order; the idempotency key makes a retry return the same one."""
    return client().v1.payment_intents.create(
        params={
            "amount": stripe_amount(amount),
            "currency": CURRENCY,
            "payment_method_types": ["card"],
            "description": f"Chợ OCOP {order_number}",
            "metadata": {"order_number": order_number},
        },
        options={"idempotency_key": f"ocop-order-{order_number}-intent"},
    )


# A PaymentIntent's amount can change only before the buyer confirms it.
AMOUNT_EDITABLE_STATUSES = frozenset({"requires_payment_method", "requires_confirmation", "requires_action"})


def payment_intent_update_amount(*, intent_id: str, amount: Decimal) -> stripe.PaymentIntent:
    return client().v1.payment_intents.update(intent_id, params={"amount": stripe_amount(amount)})


def payment_intent_retrieve(intent_id: str) -> stripe.PaymentIntent:
    return client().v1.payment_intents.retrieve(intent_id)


def payment_intent_cancel(*, intent_id: str, order_number: str) -> stripe.PaymentIntent:
    return client().v1.payment_intents.cancel(
        intent_id,
        params={"cancellation_reason": "abandoned"},
        options={"idempotency_key": f"ocop-order-{order_number}-cancel"},
    )


def refund_create(
    *, intent_id: str, amount: Decimal, idempotency_key: str, order_number: str, metadata: dict | None = None
) -> stripe.Refund:
    return client().v1.refunds.create(
        params={
            "payment_intent": intent_id,
            "amount": stripe_amount(amount),
            "metadata": {"order_number": order_number, **(metadata or {})},
        },
        options={"idempotency_key": idempotency_key},
    )


def webhook_event(*, payload: bytes, signature: str) -> dict:
    """The verified event of a webhook call, as plain dicts; raises stripe.SignatureVerificationError
    (or ValueError) if the signature is forged or stale, or the body is not JSON."""
    return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET).to_dict()


StripeError = stripe.StripeError
SignatureVerificationError = stripe.SignatureVerificationError
