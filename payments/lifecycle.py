"""The life of an order's payment, declared once.

A payment's state is read from Oscar's payment source of the order (what is due, paid and refunded)
and the order's parts; it changes only through the moves below, each a service in payments.services
that checks it here first:

    unpaid ──receive──▶ partly_paid ──receive──▶ paid ──refund──▶ partly_refunded ──refund──▶ refunded
      │                     │                                          ▲
      └──void (the unpaid deadline passed)──▶ void      partly_paid ──refund──┘

Cash on delivery is received part by part (each seller's cash); a card or a VietQR transfer at once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

UNPAID = "unpaid"
PARTLY_PAID = "partly_paid"
PAID = "paid"
PARTLY_REFUNDED = "partly_refunded"
REFUNDED = "refunded"
VOID = "void"
LABELS = {
    UNPAID: gettext_lazy("Not paid"),
    PARTLY_PAID: gettext_lazy("Partly paid"),
    PAID: gettext_lazy("Paid"),
    PARTLY_REFUNDED: gettext_lazy("Partly refunded"),
    REFUNDED: gettext_lazy("Refunded"),
    VOID: gettext_lazy("Cancelled before payment"),
}


@dataclass(frozen=True)
class Move:
    name: str
    sources: frozenset[str]


MOVES = {
    "receive": Move("receive", frozenset({UNPAID, PARTLY_PAID})),
    "refund": Move("refund", frozenset({PARTLY_PAID, PAID, PARTLY_REFUNDED})),
    "void": Move("void", frozenset({UNPAID})),
}


def payment_state(*, due: Decimal, paid: Decimal, refunded: Decimal, cancelled: bool) -> str:
    """The state of a payment of which `paid` of `due` arrived and `refunded` went back;
    `cancelled` when every part of the order is cancelled."""
    if paid <= 0:
        return VOID if cancelled else UNPAID
    if refunded >= paid:
        return REFUNDED
    if refunded > 0:
        return PARTLY_REFUNDED
    if paid < due:
        return PARTLY_PAID
    return PAID


def move_check(name: str, *, state: str) -> None:
    """Raise a ValidationError, in words for staff, unless the move `name` may happen in `state`."""
    if state not in MOVES[name].sources:
        messages = {
            "receive": _("This order is already paid."),
            "refund": _("This order has no payment to refund."),
            "void": _("This order is paid: it cannot be cancelled for want of payment."),
        }
        raise ValidationError(messages[name])
