"""What "on sale" means, once: a product shoppers may find, see and buy.

A product is on sale when it is public, is not a variant (its parent is sold in its place) and its
producer, if it has one, is not suspended. The same rule in its two forms, side by side so they
cannot drift: `on_sale_q` for queries, `is_on_sale` for a product or a row already in hand.
Suspension is stored once, on the producer (`Partner.is_suspended`), and changed only by
sellers.services.seller_suspend / seller_reinstate.
"""

from django.db.models import Q


def on_sale_q(*, prefix: str = "") -> Q:
    """The products on sale, as a filter; `prefix` reaches them through a relation (e.g. "product__")."""
    return Q(**{f"{prefix}is_public": True, f"{prefix}parent__isnull": True}) & (
        Q(**{f"{prefix}producer__isnull": True}) | Q(**{f"{prefix}producer__is_suspended": False})
    )


def is_on_sale(*, is_public: bool, parent_id: int | None, producer_suspended: bool | None) -> bool:
    """The rule of `on_sale_q` on plain values; `producer_suspended` is None when there is no producer."""
    return bool(is_public) and parent_id is None and not producer_suspended


def product_is_on_sale(product) -> bool:
    """Whether this product is on sale (reads its producer: select_related("producer") for many)."""
    producer = product.producer
    return is_on_sale(
        is_public=product.is_public,
        parent_id=product.parent_id,
        producer_suspended=producer.is_suspended if producer is not None else None,
    )
