"""Oscar's order, with the payment method the buyer chose and the status rules of sellers.lifecycle."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder

from sellers import lifecycle


class Order(AbstractOrder):
    # The buyer's status follows its sellers' parts: every move derivation can make, and no other.
    pipeline = lifecycle.ORDER_STATUS_PIPELINE

    # cod / vietqr / card (payments.methods), chosen at checkout; blank for orders made otherwise.
    payment_method = models.CharField(_("Payment method"), max_length=16, blank=True, db_index=True)

    class Meta(AbstractOrder.Meta):
        pass

    def available_statuses(self):
        """What staff may set on Oscar's dashboard: the moves that go through the sellers' parts
        (sellers.fulfilment.order_status_set_by_staff), not a free choice of text."""
        from sellers.fulfilment import order_statuses_for_staff

        return order_statuses_for_staff(order=self)


from oscar.apps.order.models import *  # noqa: E402,F403 — Oscar's other order models
