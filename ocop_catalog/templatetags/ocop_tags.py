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


@register.simple_tag
def certificate_qr(certificate):
    """The inline SVG QR code of `certificate`'s public verify page (no query: drawn from its id)."""
    from django.utils.safestring import mark_safe

    from ocop_catalog.presenters import certificate_qr_svg

    return mark_safe(certificate_qr_svg(certificate_id=certificate.pk))  # segno's own markup, no user text


@register.inclusion_tag("ocop_catalog/partials/expiring_certificates.html")
def expiring_certificates_banner(producer):
    """A banner listing `producer`'s valid certificates that expire within 90 days (nothing when none)."""
    from ocop_catalog.selectors import certificates_expiring_for

    return {"certificates": certificates_expiring_for(producer=producer) if producer is not None else []}
