from django import template

from ..orders import order_display_context, order_status_label

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    """An order status (stored in English by Oscar) in the visitor's language."""
    return order_status_label(status)


@register.simple_tag
def order_display(order) -> dict:
    """The sellers' parts, payment summary and VietQR code of an order, for the buyer's pages."""
    return order_display_context(order)
