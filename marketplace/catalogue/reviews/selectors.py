"""Who may review a product: a signed-in buyer with a delivered part of an order containing it."""

from django.db.models import F

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
