"""Who may review a product: a signed-in buyer with a delivered part of an order containing it."""

from django.core.cache import cache
from django.db.models import F

from ocop_catalog.cache_versions import cache_version, cache_version_advance
from sellers.models import Fulfilment


def has_delivered_purchase(*, user, product) -> bool:
    """Whether `user` received `product`: its seller's part of one of the user's orders is delivered."""
    if not user.is_authenticated:
        return False
    return Fulfilment.objects.filter(
        order__user=user,
        status=Fulfilment.Status.DELIVERED,
        order__lines__product=product,
        order__lines__partner_id=F("partner_id"),
    ).exists()


def review_permission(*, user, product) -> dict:
    """{"can_review", "has_reviewed", "signed_in"} for the product page."""
    has_reviewed = user.is_authenticated and product.has_review_by(user)
    return {
        "signed_in": user.is_authenticated,
        "has_reviewed": has_reviewed,
        "can_review": not has_reviewed and has_delivered_purchase(user=user, product=product),
    }


LATEST_REVIEWS = 5
REVIEWS_CACHE_SECONDS = 24 * 3600


def product_reviews_version_key(product_id: int) -> str:
    """The cache key of the product's reviews version (what is cached of its reviews is kept under it)."""
    return f"reviews:version:{product_id}"


def product_reviews_changed(*, product_id: int) -> None:
    """A review of the product was written, approved, changed or removed: its page shows it on the next request."""
    cache_version_advance(product_reviews_version_key(product_id))


def product_reviews_summary(*, product) -> dict:
    """{"latest": the newest approved reviews, "count": how many are approved}, cached under the product's
    reviews version (moved on by every change of one of its reviews), so the product page reads no review
    table when warm (issue 16.5) and shows a change at once."""
    key = f"reviews:summary:{product.pk}:{cache_version(product_reviews_version_key(product.pk))}"
    summary = cache.get(key)
    if summary is None:
        approved = product.reviews.approved()
        latest = list(approved.select_related("user").order_by("-date_created")[: LATEST_REVIEWS + 1])
        count = len(latest) if len(latest) <= LATEST_REVIEWS else approved.count()
        summary = {"latest": latest[:LATEST_REVIEWS], "count": count}
        cache.set(key, summary, REVIEWS_CACHE_SECONDS)
    return summary
