from django.dispatch import receiver
from oscar.apps.order.signals import order_placed


@receiver(order_placed, dispatch_uid="sellers_split_order_into_parts")
def split_order_into_seller_parts(sender, order, **kwargs):
    from .fulfilment import fulfilments_create

    fulfilments_create(order=order)
