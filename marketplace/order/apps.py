from oscar.apps.order import apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, forked for the payment method and the status rules (sellers.lifecycle)."""

    name = "marketplace.order"
