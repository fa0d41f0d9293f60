"""Reads of payment state, from Oscar's payment models."""

from dataclasses import dataclass
from decimal import Decimal

from oscar.core.loading import get_model

from sellers.fulfilment import part_refunded, part_total
from sellers.models import Fulfilment

from . import lifecycle, methods

Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")


def order_source(order):
    """The order's payment source (one per order: the method the buyer chose), or None."""
    return Source.objects.filter(order=order).select_related("source_type").order_by("pk").first()


def order_amount_due(order) -> Decimal:
    """What the buyer owes: the order total less the parts sellers cancelled (whole đồng)."""
    cancelled = order.fulfilments.filter(status=Fulfilment.Status.CANCELLED)
    return order.total_incl_tax - sum((part_total(part) for part in cancelled), Decimal(0))


@dataclass(frozen=True)
class PaymentSummary:
    method: str | None
    label: str
    amount_due: Decimal
    amount_paid: Decimal
    amount_refunded: Decimal
    reference: str
    state: str = lifecycle.UNPAID

    @property
    def state_label(self) -> str:
        return str(lifecycle.LABELS[self.state])

    @property
    def is_paid(self) -> bool:
        return self.amount_due > 0 and self.amount_paid >= self.amount_due

    @property
    def is_unpaid(self) -> bool:
        return self.amount_paid == 0


def payment_summary(order) -> PaymentSummary:
    """How the order is paid and how much of what is due has arrived."""
    source = order_source(order)
    method = methods.method_of_source_type(source.source_type.code) if source else None
    due = order_amount_due(order)
    paid = source.amount_debited if source else Decimal(0)
    refunded = source.amount_refunded if source else Decimal(0)
    cancelled = not order.fulfilments.exclude(status=Fulfilment.Status.CANCELLED).exists()
    return PaymentSummary(
        method=method,
        label=str(methods.LABELS[method]) if method else "",
        amount_due=due,
        amount_paid=paid,
        amount_refunded=refunded,
        reference=source.reference if source else "",
        state=lifecycle.payment_state(due=due, paid=paid, refunded=refunded, cancelled=cancelled),
    )


def part_money_back(part: Fulfilment) -> tuple[str | None, Decimal]:
    """The method and amount the buyer paid in advance (card or transfer) for a seller's part and has
    not been given back yet; (method, 0) when nothing was paid in advance (cash, or not paid yet)."""
    source = order_source(part.order)
    method = methods.method_of_source_type(source.source_type.code) if source else None
    if source is None or method == methods.COD or not source.amount_debited:
        return method, Decimal(0)
    owed = part_total(part) - part_refunded(part)
    return method, max(min(owed, source.amount_available_for_refund), Decimal(0))
