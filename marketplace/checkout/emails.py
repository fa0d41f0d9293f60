"""The order confirmation e-mail, sent through Oscar's ORDER_PLACED communication (once per order).

The buyer's later e-mails about the order (payment, shipping, cancellation, refund) are in notifications.py.
"""

import logging

from django.conf import settings
from django.utils import translation
from oscar.core.loading import get_class, get_model

from payments.notifications import order_status_path

from .orders import order_display_context

Order = get_model("order", "Order")
CommunicationEventType = get_model("communication", "CommunicationEventType")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

logger = logging.getLogger(__name__)


def order_confirmation_send(*, order_id: int) -> bool:
    """E-mail the buyer the order and how to pay; False if it was already sent."""
    order = Order.objects.select_related("user", "shipping_address").get(pk=order_id)
    if not order.email:
        # A guest may buy with a mobile number only (issue 14.7): the thank-you page is the confirmation.
        logger.info("Order %s has no e-mail address: no confirmation e-mail", order.number)
        return False
    # The event type must exist for Oscar to record the sending (file templates give the text).
    CommunicationEventType.objects.get_or_create(
        code=OrderDispatcher.ORDER_PLACED_EVENT_CODE, defaults={"name": "Order placed"}
    )
    if order.communication_events.filter(event_type__code=OrderDispatcher.ORDER_PLACED_EVENT_CODE).exists():
        return False
    path = order_status_path(order)
    context = {
        "user": order.user,
        "order": order,
        "lines": order.lines.all(),
        "status_path": path,
        "status_url": f"{settings.SITE_URL}{path}",
        "site_url": settings.SITE_URL,
        **order_display_context(order),
    }
    with translation.override(settings.LANGUAGE_CODE):
        OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
    return True
