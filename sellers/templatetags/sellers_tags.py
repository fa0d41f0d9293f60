"""Template tags for the storefront's seller links."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def user_is_seller(user) -> bool:
    """`{% user_is_seller user as is_seller %}`: the header's seller-dashboard link, one query at most."""
    return selectors.user_is_seller(user=user)
