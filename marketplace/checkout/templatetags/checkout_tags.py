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


@register.simple_tag
def order_history(order) -> dict:
    """Every move of the order's parts (who, when, from, to) and of the buyer's status, for staff."""
    from sellers.fulfilment import part_history

    parts = order.fulfilments.select_related("partner").order_by("partner__name")
    return {
        "parts": [{"part": part, "history": part_history(fulfilment=part)} for part in parts],
        "order_changes": list(order.status_changes.order_by("date_created", "pk")),
    }
