"""The staff check of a new seller's first listings (issue 14.3): the one place a listing's review changes.

Until SELLER_FIRST_LISTINGS_REVIEWED of a seller's listings were approved, each listing it creates waits
("pending", not on sale: ocop_catalog.sale) for programme staff to approve or reject it; after that, new listings
go on sale at once. SELLER_FIRST_LISTINGS_REVIEW turns the check off. Listings of before the check, and those of
the catalogue's own services (demo data, staff), are approved.

    pending ──approve──▶ approved
     │   ▲
  reject  └── the seller edits it (listing_resubmit)
     ▼   │
    rejected
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ocop_catalog.sale import ListingReview

from .models import Seller

Product = get_model("catalogue", "Product")

# Decisions staff may take from each state.
TRANSITIONS = {
    ListingReview.PENDING: {ListingReview.APPROVED, ListingReview.REJECTED},
    ListingReview.REJECTED: {ListingReview.PENDING},
    ListingReview.APPROVED: set(),
}


def review_for_new_listing(*, seller: Seller) -> str:
    """The state a listing `seller` creates now starts in."""
    if not settings.SELLER_FIRST_LISTINGS_REVIEW:
        return ListingReview.APPROVED
    approved = Product.objects.filter(producer_id=seller.partner_id, listing_review=ListingReview.APPROVED).count()
    return ListingReview.APPROVED if approved >= settings.SELLER_FIRST_LISTINGS_REVIEWED else ListingReview.PENDING


@transaction.atomic
def listing_decide(*, product: "Product", approve: bool, note: str = "") -> "Product":
    """Staff approve a waiting listing, or reject it with a note the seller reads.
    Search hears of it through the product's save (search.signals)."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    target = ListingReview.APPROVED if approve else ListingReview.REJECTED
    if target not in TRANSITIONS[product.listing_review]:
        raise ValidationError(_("This listing was already decided."))
    note = " ".join(note.split())[:500]
    if not approve and not note:
        raise ValidationError({"note": _("Say what the seller must change.")})
    product.listing_review, product.listing_review_note = target, ("" if approve else note)
    product.save(update_fields=["listing_review", "listing_review_note", "date_updated"])
    return product


def listing_resubmit(*, product: "Product") -> None:
    """A seller corrected a rejected listing: it waits for staff again (the note stays until they decide)."""
    if ListingReview.PENDING in TRANSITIONS[product.listing_review]:
        product.listing_review = ListingReview.PENDING
        product.save(update_fields=["listing_review"])


def listings_awaiting_review() -> QuerySet:
    """Listings waiting for staff, the oldest first, with what staff look at (seller, price, photo, certificate)."""
    return (
        Product.objects.filter(listing_review=ListingReview.PENDING, parent=None)
        .select_related("producer", "ocop_producer__commune__province")
        .prefetch_related("images", "stockrecords", "ocop_certificates")
        .order_by("date_created", "pk")
    )
