"""Oscar's analytics counters, made safe inside a request transaction.

Oscar's receivers handle the race of two first-time inserts by catching the IntegrityError, but
without a savepoint: inside ATOMIC_REQUESTS (our setting) the caught error leaves the whole
transaction broken, so a buyer's "add to basket" or order fails with a 500 when someone else adds
the same product for the first time at the same moment. `install()` disconnects Oscar's receivers
(public functions of oscar.apps.analytics.receivers) and connects the same counting with the
insert in a savepoint.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.apps.analytics import receivers as oscar_receivers
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")


def update_counter(model, field_name, filter_kwargs, increment=1):
    record = model.objects.filter(**filter_kwargs)
    if record.update(**{field_name: F(field_name) + increment}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**{**filter_kwargs, field_name: increment})
    except IntegrityError:  # the other request created it first
        record.update(**{field_name: F(field_name) + increment})


# A product's page views are counted in the cache and written every VIEWS_PER_WRITE views: a product shown in
# a livestream is viewed by hundreds at once, and a write per view would queue them all on its counter row.
VIEWS_PER_WRITE = 10


def _counted_in_cache(key: str) -> int:
    """Add one to the cache's counter `key`: its new value. Each increment gives one number, so exactly one of the
    requests counting at once meets each multiple of a batch's size. If the counter was evicted it starts again
    (what it held is lost: less than a batch). The counter exists but for the first count and after an eviction:
    incremented first (with Redis, two round trips), created only when missing."""
    try:
        return cache.incr(key)
    except ValueError:  # missing: this is the first count, or the counter was evicted
        pass
    if cache.add(key, 1, None):
        return 1
    try:
        return cache.incr(key)  # another request created it meanwhile
    except ValueError:  # and it was evicted again
        cache.set(key, 1, None)
        return 1


def product_view_count(sender, product, user, **kwargs):
    if kwargs.get("raw", False):
        return
    seen = _counted_in_cache(f"analytics:views:{product.pk}")
    if seen % VIEWS_PER_WRITE == 0:  # exactly one view writes each batch
        transaction.on_commit(lambda: update_counter(ProductRecord, "num_views", {"product_id": product.pk}, VIEWS_PER_WRITE))
    if user and user.is_authenticated:
        update_counter(UserRecord, "num_product_views", {"user": user})
        UserProductView.objects.create(product=product, user=user)


# A product's additions to baskets are counted in the cache, as its views are, and written every ADDITIONS_PER_WRITE
# additions; a signed-in buyer's own counter is written for each of theirs.
ADDITIONS_PER_WRITE = 10


def basket_addition_count(sender, product, user, **kwargs):
    """Written by a worker after the addition commits, as orders are: in a livestream every buyer adds the same
    product, and each would otherwise wait for the one before to release its counter's row (issue 16). The worker
    is asked once every ADDITIONS_PER_WRITE additions of a product, and for each addition of a signed-in buyer: a
    task sent costs the buyer's request more than counting in the cache."""
    if kwargs.get("raw", False):
        return
    from .tasks import count_basket_addition

    product_id, user_id = product.pk, user.pk if user and user.is_authenticated else None
    added = _counted_in_cache(f"analytics:additions:{product_id}")
    product_additions = ADDITIONS_PER_WRITE if added % ADDITIONS_PER_WRITE == 0 else 0
    if product_additions or user_id is not None:
        transaction.on_commit(lambda: count_basket_addition.delay(product_id, user_id, product_additions), robust=True)


def addition_count(*, product_id: int, user_id: int | None = None, product_additions: int = 1) -> None:
    """Add `product_additions` additions to the basket to the product's counter and, if signed in, one to its
    buyer's (count_basket_addition's work)."""
    if product_additions:
        update_counter(ProductRecord, "num_basket_additions", {"product_id": product_id}, product_additions)
    if user_id is not None:
        update_counter(UserRecord, "num_basket_additions", {"user_id": user_id})


def order_placed_count(sender, order, user, **kwargs):
    """Counted by a worker after the order commits: many buyers of one product would otherwise hold its counter
    row locked until their orders commit, one after another, and the buyer would wait for counters (issue 16).
    A counter is no reason to refuse or slow an order."""
    if kwargs.get("raw", False):
        return
    from .tasks import count_order_placed

    order_id = order.pk
    transaction.on_commit(lambda: count_order_placed.delay(order_id), robust=True)


def _sales_bands_moved(product_ids) -> None:
    """Products whose search rows hold another sales band (search.ranking) than their units sold now give are
    indexed again: most orders move none. Compared after the counters were added to, so two workers counting
    the same product at once cannot both miss its crossing."""
    from search.models import ProductSearchDocument
    from search.ranking import sales_band
    from search.services import search_products_changed

    rows = ProductSearchDocument.objects.filter(product_id__in=product_ids).values_list("product_id", "sales_band", "product__stats__num_purchases")
    moved = [product_id for product_id, band, sold in rows if band != sales_band(sold)]
    if moved:
        search_products_changed(product_ids=moved)


def order_count(*, order_id: int) -> None:
    """Add a placed order to its products' and its buyer's counters (count_order_placed's work)."""
    Order = get_model("order", "Order")
    order = Order.objects.filter(pk=order_id).only("pk", "user_id", "total_incl_tax", "date_placed").first()
    if order is None:
        return
    purchases = list(order.lines.values_list("product_id", "quantity"))
    for product_id, quantity in sorted(purchases, key=lambda purchase: (purchase[0] is None, purchase[0] or 0)):
        if product_id is not None:
            update_counter(ProductRecord, "num_purchases", {"product_id": product_id}, quantity)
    _sales_bands_moved({product_id for product_id, _ in purchases if product_id is not None})
    if order.user_id is None:
        return
    spent = {
        "num_orders": 1, "num_order_lines": len(purchases), "num_order_items": sum(quantity for _, quantity in purchases),
        "total_spent": order.total_incl_tax,
    }  # fmt: skip
    record = UserRecord.objects.filter(user_id=order.user_id)
    increments = {field: F(field) + value for field, value in spent.items()}
    if record.update(**increments, date_last_order=order.date_placed):
        return
    try:
        with transaction.atomic():
            UserRecord.objects.create(user_id=order.user_id, date_last_order=order.date_placed, **spent)
    except IntegrityError:
        record.update(**increments, date_last_order=order.date_placed)


def install() -> None:
    for signal, oscar_receiver, ours in (
        (product_viewed, oscar_receivers.receive_product_view, product_view_count),
        (basket_addition, oscar_receivers.receive_basket_addition, basket_addition_count),
        (order_placed, oscar_receivers.receive_order_placed, order_placed_count),
    ):
        signal.disconnect(oscar_receiver)
        signal.connect(ours, dispatch_uid=f"marketplace_analytics_{ours.__name__}")
