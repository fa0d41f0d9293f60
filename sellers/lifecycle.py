"""The life of an order, declared once: a seller's part moves only along PART_TRANSITIONS, and the
buyer's order status is derived from its parts (ORDER_STATUS_PIPELINE lists every move that
derivation can make, for Oscar's order model and its status history).

Pure data and pure functions: imported by the order model (marketplace.order) and by the services
that change state (sellers.fulfilment), which lock a part, check the move here, change it, record it
and schedule its e-mails after the commit.

    awaiting_payment ──pay──▶ awaiting ──confirm──▶ confirmed ──ship──▶ shipped ──deliver──▶ delivered
          │                      │                      │
          ├─expire_unpaid──▶     ├─expire──▶            │
          └─cancel─────────▶ cancelled ◀─cancel─────────┘

A part of an order paid in advance (card, VietQR) waits for the payment before its seller may
confirm it; its confirmation deadline starts when the money arrives. Cash-on-delivery parts start
at "awaiting" (confirmation).
"""

from dataclasses import dataclass
from itertools import combinations_with_replacement

from django.utils.translation import gettext_lazy as _

# A seller's part (sellers.models.Fulfilment.status).
AWAITING_PAYMENT = "awaiting_payment"
AWAITING = "awaiting"
CONFIRMED = "confirmed"
SHIPPED = "shipped"
DELIVERED = "delivered"
CANCELLED = "cancelled"
PART_STATUSES = {
    AWAITING_PAYMENT: _("Awaiting payment"),
    AWAITING: _("Awaiting confirmation"),
    CONFIRMED: _("Confirmed"),
    SHIPPED: _("Shipped"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
}

# Who may ask for a move (the services check it): the seller of the part, programme staff, or the system
# (payments arriving, deadline jobs).
SELLER, STAFF, SYSTEM = "seller", "staff", "system"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    actors: frozenset[str]
    label: str


def _t(name, sources, target, actors, label) -> Transition:
    return Transition(name, frozenset(sources), target, frozenset(actors), label)


PART_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        _t("pay", {AWAITING_PAYMENT}, AWAITING, {SYSTEM, STAFF}, _("Payment received")),
        _t("confirm", {AWAITING}, CONFIRMED, {SELLER, STAFF}, _("Confirmed")),
        _t("cancel", {AWAITING_PAYMENT, AWAITING, CONFIRMED}, CANCELLED, {SELLER, STAFF}, _("Cancelled")),
        # Deadline jobs: only a part still waiting, re-checked under the lock, may lapse.
        _t("expire", {AWAITING}, CANCELLED, {SYSTEM}, _("Not confirmed in time")),
        _t("expire_unpaid", {AWAITING_PAYMENT}, CANCELLED, {SYSTEM}, _("Not paid in time")),
        _t("ship", {CONFIRMED}, SHIPPED, {SELLER}, _("Shipped")),
        _t("deliver", {SHIPPED}, DELIVERED, {SELLER, STAFF}, _("Delivered")),
    )
}

# Parts whose allocated stock is still held (a cancel gives it back; shipping consumes it).
STOCK_HELD = frozenset({AWAITING_PAYMENT, AWAITING, CONFIRMED})


class TransitionNotAllowed(Exception):
    def __init__(self, transition: Transition, status: str):
        super().__init__(f"{transition.name} from {status}")
        self.transition = transition
        self.status = status


def transition_check(name: str, *, status: str, actor: str) -> Transition:
    """The transition `name` if `actor` may make it from `status`; raises TransitionNotAllowed."""
    transition = PART_TRANSITIONS[name]
    if status not in transition.sources or actor not in transition.actors:
        raise TransitionNotAllowed(transition, status)
    return transition


def transitions_from(status: str, *, actor: str) -> list[str]:
    """The moves `actor` may make on a part in `status` (what the dashboards offer)."""
    return [t.name for t in PART_TRANSITIONS.values() if status in t.sources and actor in t.actors]


# --- The buyer's order: derived from its parts (Oscar keeps it as text on the order) -----------

ORDER_AWAITING_PAYMENT = "Awaiting payment"
ORDER_AWAITING = "Awaiting confirmation"
ORDER_CONFIRMED = "Confirmed"
ORDER_PARTLY_SHIPPED = "Partly shipped"
ORDER_SHIPPED = "Shipped"
ORDER_DELIVERED = "Delivered"
ORDER_CANCELLED = "Cancelled"
ORDER_STATUS_LABELS = {
    ORDER_AWAITING_PAYMENT: _("Awaiting payment"),
    ORDER_AWAITING: _("Awaiting confirmation"),
    ORDER_CONFIRMED: _("Confirmed"),
    ORDER_PARTLY_SHIPPED: _("Partly shipped"),
    ORDER_SHIPPED: _("Shipped"),
    ORDER_DELIVERED: _("Delivered"),
    ORDER_CANCELLED: _("Cancelled"),
}


def order_status_from_parts(statuses) -> str:
    """The buyer-facing status of an order whose sellers' parts have `statuses`."""
    active = [status for status in statuses if status != CANCELLED]
    if not active:
        return ORDER_CANCELLED
    if all(status == DELIVERED for status in active):
        return ORDER_DELIVERED
    if all(status in (SHIPPED, DELIVERED) for status in active):
        return ORDER_SHIPPED
    if any(status in (SHIPPED, DELIVERED) for status in active):
        return ORDER_PARTLY_SHIPPED
    if all(status == CONFIRMED for status in active):
        return ORDER_CONFIRMED
    if any(status == AWAITING_PAYMENT for status in active):
        return ORDER_AWAITING_PAYMENT
    return ORDER_AWAITING


def _derived_pipeline(max_parts: int = 4) -> dict[str, list[str]]:
    """Every order-status move that one part transition can cause, for orders of up to `max_parts`
    parts: the table Oscar's order model validates status changes against."""
    moves: dict[str, set[str]] = {status: set() for status in ORDER_STATUS_LABELS}
    for size in range(1, max_parts + 1):
        for parts in combinations_with_replacement(list(PART_STATUSES), size):
            before = order_status_from_parts(parts)
            for index, status in enumerate(parts):
                for transition in PART_TRANSITIONS.values():
                    if status in transition.sources:
                        after = order_status_from_parts(parts[:index] + (transition.target,) + parts[index + 1 :])
                        if after != before:
                            moves[before].add(after)
    order = list(ORDER_STATUS_LABELS)
    return {status: sorted(targets, key=order.index) for status, targets in moves.items()}


ORDER_STATUS_PIPELINE: dict[str, list[str]] = _derived_pipeline()
