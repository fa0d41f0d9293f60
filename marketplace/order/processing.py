"""Oscar's order event handler: a status chosen on the dashboard moves the sellers' parts."""

from django.core.exceptions import ValidationError
from oscar.apps.order import processing
from oscar.apps.payment.exceptions import PaymentError

from sellers.fulfilment import order_status_set_by_staff


class OrderStatusRefused(PaymentError):
    """Oscar's dashboard shows a PaymentError's message instead of failing the request."""


class EventHandler(processing.EventHandler):
    def handle_order_status_change(self, order, new_status, note_msg=None):
        try:
            order_status_set_by_staff(order=order, status=new_status, by=self.user, note=note_msg or "")
        except ValidationError as error:
            raise OrderStatusRefused(" ".join(error.messages)) from error
