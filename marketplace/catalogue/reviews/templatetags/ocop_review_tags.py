from django import template

from ..selectors import product_reviews_summary, review_permission

register = template.Library()


@register.simple_tag
def product_reviews(product) -> dict:
    """The few latest approved reviews and their count: the same for every visitor (cached with the page)."""
    return product_reviews_summary(product=product)


@register.simple_tag
def product_review_permission(product, user) -> dict:
    """Whether this visitor may review the product (no query for a guest)."""
    return review_permission(user=user, product=product)
