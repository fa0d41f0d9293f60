"""What "on sale" means, once: a product shoppers may find, see, put in a basket and order.

A product is on sale when it is public, is not a variant (its parent is sold in its place) and its
producer, if it has one, is not suspended. The rule in its two forms, side by side so they cannot
drift: `on_sale_q` for queries, `product_is_on_sale` for a product in hand.
Suspension is stored once, on the producer (`Partner.is_suspended`), and changed only by
sellers.services.seller_suspend / seller_reinstate.
"""

from django.db.models import Q


def on_sale_q() -> Q:
    """The products on sale, as a filter of Product."""
    return Q(is_public=True, parent__isnull=True) & (Q(producer__isnull=True) | Q(producer__is_suspended=False))


def product_is_on_sale(product) -> bool:
    """Whether `product` is on sale, by the rule of `on_sale_q` (reads its producer: select_related it for many)."""
    producer = product.producer
    return product.is_public and product.parent_id is None and not (producer is not None and producer.is_suspended)
