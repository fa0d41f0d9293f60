"""The life of a class registration, declared once. The services in training.classes.services lock the
class row, check the move here, change the registration and schedule its e-mails after the commit.

    (new) ──confirm──▶ confirmed ──cancel──▶ cancelled
    (new) ──wait────▶ waiting ──promote──▶ confirmed
                         └────cancel──▶ cancelled
"""

from django.utils.translation import gettext_lazy as _

CONFIRMED = "confirmed"
WAITING = "waiting"
CANCELLED = "cancelled"
STATUSES = {
    CONFIRMED: _("Confirmed"),
    WAITING: _("On the waiting list"),
    CANCELLED: _("Cancelled"),
}
# Statuses that hold a place or a turn in the queue: one per phone number and class.
ACTIVE = (CONFIRMED, WAITING)

# name: (sources, target); "" is a registration not yet stored.
TRANSITIONS = {
    "confirm": ({""}, CONFIRMED),
    "wait": ({""}, WAITING),
    "promote": ({WAITING}, CONFIRMED),
    "cancel": ({CONFIRMED, WAITING}, CANCELLED),
}


class TransitionRefused(Exception):
    pass


def target_of(transition: str, source: str) -> str:
    """The status `transition` leads to from `source`; TransitionRefused if it is not allowed."""
    sources, target = TRANSITIONS[transition]
    if source not in sources:
        raise TransitionRefused(f"{transition} is not allowed from {source or 'new'}")
    return target
