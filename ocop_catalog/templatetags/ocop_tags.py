from django import template
from django.utils.translation import gettext as _

from ocop_catalog.money import format_vnd
from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

register = template.Library()


@register.filter
def vnd(amount):
    """Whole đồng as "120.000 ₫"; empty for no amount."""
    if amount in (None, ""):
        return ""
    return format_vnd(amount)


@register.inclusion_tag("ocop_catalog/partials/stars.html")
def ocop_stars(stars):
    """The OCOP star badge; nothing when `stars` is None (no valid certificate)."""
    return {"stars": stars, "filled": range(stars or 0), "empty": range(5 - (stars or 0))}


@register.filter
def group_label(slug):
    group = PRODUCT_GROUPS_BY_SLUG.get(slug)
    return group.label if group else ""


@register.simple_tag
def product_group_slug(product, group_roots_by_path):
    """The OCOP group of `product` from its prefetched categories."""
    from ocop_catalog.selectors import group_of

    return group_of(product=product, roots_by_path=group_roots_by_path) or ""


@register.simple_tag
def stars_label(stars):
    return _("%(stars)s of 5 OCOP stars") % {"stars": stars}
