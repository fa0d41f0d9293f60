"""Oscar's basket middleware, with two changes:

- a signed-in buyer's baskets are merged in a transaction of their own. Oscar merges them on the first request after
  a sign-in, whichever page that is, counting on the request's transaction; the checkout's details and review pages,
  the basket additions and the placement run without one (their writes are the session's, or in transactions of
  their own), and a merge is several writes;
- a guest's basket is read by a query written once per process (issue 16): every request of a guest with a basket
  reads it, and the ORM compiling `Basket.objects.get(pk=…, owner=None, status=OPEN)` cost more than the database
  took to answer it."""

import functools

from django.core.signing import BadSignature, Signer
from django.db import connections, router, transaction
from oscar.apps.basket import middleware
from oscar.core.loading import get_model


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
            basket = next(iter(Basket.objects.raw(_guest_basket_sql(alias), [basket_id, Basket.OPEN]).using(alias)), None)
        if basket is None:
            request.cookies_to_delete.append(cookie_key)
        return basket


@functools.cache
def _guest_basket_sql(alias: str) -> str:
    """Every column of the open basket of no one with a given id (parameters: the id, the open status)."""
    Basket = get_model("basket", "Basket")
    quote, meta = connections[alias].ops.quote_name, Basket._meta
    columns = ", ".join(f"{quote(meta.db_table)}.{quote(field.column)}" for field in meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s "
        f"AND {quote(meta.get_field('owner').column)} IS NULL AND {quote(meta.get_field('status').column)} = %s"
    )
