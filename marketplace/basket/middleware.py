"""Oscar's basket middleware, with one change: a signed-in buyer's baskets are merged in a transaction of their own.

Oscar merges them on the first request after a sign-in, whichever page that is, counting on the request's
transaction; the checkout's details and review pages, the basket additions and the placement run without one
(their writes are the session's, or in transactions of their own), and a merge is several writes."""

from django.db import transaction
from oscar.apps.basket import middleware


class BasketMiddleware(middleware.BasketMiddleware):
    def merge_baskets(self, master, slave):
        with transaction.atomic():
            super().merge_baskets(master, slave)
