from django import template

from ..selectors import review_permission

register = template.Library()


@register.simple_tag
def product_review_state(product, user) -> dict:
    """Whether this visitor may review the product, and the few latest approved reviews."""
    state = review_permission(user=user, product=product)
    state["latest"] = list(product.reviews.approved().select_related("user").order_by("-date_created")[:5])
    state["count"] = product.num_approved_reviews
    return state
