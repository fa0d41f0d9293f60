"""Placing real Oscar orders in tests, as checkout does (stock allocation, order_placed signal)."""

from decimal import Decimal

from oscar.core.loading import get_class, get_model

from marketplace.checkout.addresses import vietnam

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")


def place_order(*, items, email="buyer@example.vn", user=None):
    """Place an order for [(product, quantity), …] with per-seller delivery to an address in Hà Nội."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    shipping_method = Repository().get_default_shipping_method(basket=basket)
    shipping_charge = shipping_method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    address = ShippingAddress.objects.create(
        first_name="Trần Thị Bình", line1="12 Phố Hàng Bạc", line4="Phường Hoàn Kiếm, Hà Nội",
        country=vietnam(), phone_number="+84912345678",
    )  # fmt: skip
    order = OrderCreator().place_order(
        basket=basket, total=total, shipping_method=shipping_method, shipping_charge=shipping_charge,
        user=user, shipping_address=address, guest_email=email if user is None else "",
    )  # fmt: skip
    basket.submit()
    return order


def money(amount) -> Decimal:
    return Decimal(amount)
