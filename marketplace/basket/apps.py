from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket, forked so that line discounts are whole đồng (marketplace.basket.utils)."""

    name = "marketplace.basket"
