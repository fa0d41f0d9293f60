"""What "on sale" means, once: a product shoppers may find, see, put in a basket and order.

A product is on sale when it is public, is not a variant (its parent is sold in its place), its listing passed
the staff check a new seller's first listings wait for (sellers.listing_review) and its producer, if it has one,
is not suspended. The rule in its two forms, side by side so they cannot
drift: `on_sale_q` for queries, `product_is_on_sale` for a product in hand.
Suspension is stored once, on the producer (`Partner.is_suspended`), and changed only by
sellers.services.seller_suspend / seller_reinstate.
"""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class ListingReview(models.TextChoices):
    """A listing's staff check (Product.listing_review; only sellers.listing_review changes it): a new seller's
    first listings wait for it."""

    APPROVED = "approved", _("Approved")
    PENDING = "pending", _("Awaiting staff check")
    REJECTED = "rejected", _("Rejected")


APPROVED = ListingReview.APPROVED


def on_sale_q() -> Q:
    """The products on sale, as a filter of Product."""
    return Q(is_public=True, parent__isnull=True, listing_review=APPROVED) & (Q(producer__isnull=True) | Q(producer__is_suspended=False))


def product_is_on_sale(product) -> bool:
    """Whether `product` is on sale, by the rule of `on_sale_q` (reads its producer: select_related it for many)."""
    producer = product.producer
    return (
        product.is_public
        and product.parent_id is None
        and product.listing_review == APPROVED
        and not (producer is not None and producer.is_suspended)
    )


def buyable_now_q() -> Q:
    """On sale, and buyable this moment: one of its stock records has a price and units not yet allocated
    to orders (or its product class tracks no stock). What a showcase — the home page's and the articles'
    featured products — may show: a shopper never follows a featured card to "sold out" (issue 14.2)."""
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    units_left = Q(product__product_class__track_stock=False) | Q(num_in_stock__gt=Coalesce(F("num_allocated"), 0))
    return on_sale_q() & Exists(StockRecord.objects.filter(units_left, product=OuterRef("pk"), price__isnull=False))
