from django import template

from ..selectors import product_reviews_summary, review_permission

register = template.Library()


@register.simple_tag
def product_review_state(product, user) -> dict:
    """Whether this visitor may review the product, and the few latest approved reviews."""
    state = review_permission(user=user, product=product)
    state.update(product_reviews_summary(product=product))
    return state
