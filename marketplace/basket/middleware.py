"""Oscar's basket middleware, with two changes:

- a signed-in buyer's baskets are merged in a transaction of their own. Oscar merges them on the first request after
  a sign-in, whichever page that is, counting on the request's transaction; the checkout's details and review pages,
  the basket additions and the placement run without one (their writes are the session's, or in transactions of
  their own), and a merge is several writes;
- a guest's basket is read by a query written once per process and prepared on PostgreSQL (issue 16): every request
  of a guest with a basket reads it, and the ORM compiling `Basket.objects.get(pk=…, owner=None, status=OPEN)` cost
  more than the database took to answer it."""

import functools

from django.core.signing import BadSignature, Signer
from django.db import router, transaction
from oscar.apps.basket import middleware
from oscar.core.loading import get_model

from ocop_catalog import prepared


class BasketMiddleware(middleware.BasketMiddleware):
    def merge_baskets(self, master, slave):
        with transaction.atomic():
            super().merge_baskets(master, slave)

    def get_cookie_basket(self, cookie_key, request, manager):
        """Oscar's: the open basket of no one that the cookie names, if any; a cookie naming none is deleted."""
        if cookie_key not in request.COOKIES:
            return None
        Basket = get_model("basket", "Basket")
        try:
            basket_id = int(Signer().unsign(request.COOKIES[cookie_key]))
        except (BadSignature, ValueError):
            basket = None
        else:
            alias = router.db_for_read(Basket)
            select = _guest_basket_query(alias)
            rows = prepared.fetch(alias, select.sql, [basket_id, Basket.OPEN])
            basket = prepared.instances(select, rows, alias)[0][0] if rows else None
        if basket is None:
            request.cookies_to_delete.append(cookie_key)
        return basket


@functools.cache
def _guest_basket_query(alias: str):
    """The open basket of no one with a given id (parameters: the id, the open status), written once per process and
    prepared on PostgreSQL (ocop_catalog.prepared)."""
    return prepared.joined_select(alias, get_model("basket", "Basket"), where="{root.id} = %s AND {root.owner} IS NULL AND {root.status} = %s")
