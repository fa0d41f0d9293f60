"""Oscar's order utilities, forked for one change: a checkout may defer the stock allocation of the order it
creates, so that it allocates every line at once as the last writes of its transaction
(marketplace.checkout.placement.stock_allocate). A row lock on a stock record then lasts from that UPDATE to
the commit, not through the whole order creation: buyers of the same product in a livestream sale no longer
queue behind each other's order creation (issue 16).

Everything else is Oscar's (OrderNumberGenerator, OrderDispatcher, …), re-exported for its class loader.
"""

import contextlib
import contextvars

from oscar.apps.order import utils as oscar_utils
from oscar.apps.order.utils import *  # noqa: F403 — Oscar's other order utilities

_allocation_deferred = contextvars.ContextVar("order_allocation_deferred", default=False)


@contextlib.contextmanager
def allocation_deferred():
    """Within this block OrderCreator allocates no stock: the caller must allocate before it commits."""
    token = _allocation_deferred.set(True)
    try:
        yield
    finally:
        _allocation_deferred.reset(token)


class OrderCreator(oscar_utils.OrderCreator):
    def update_stock_records(self, line):
        if _allocation_deferred.get():
            return  # allocated with the other lines by the caller, after the order is written
        super().update_stock_records(line)
