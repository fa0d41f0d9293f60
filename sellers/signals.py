from django.dispatch import Signal, receiver
from oscar.apps.order.signals import order_placed

# Sent inside the transaction of every move of a seller's part (sellers.fulfilment), with
# part, transition (its name in sellers.lifecycle), old_status and new_status. Apps above sellers
# (payments: the buyer's e-mails) listen and schedule their work on commit.
part_transitioned = Signal()


@receiver(order_placed, dispatch_uid="sellers_split_order_into_parts")
def split_order_into_seller_parts(sender, order, lines=None, **kwargs):
    from .fulfilment import fulfilments_create

    # `lines`: the order's lines as just written, when its creator sends them (marketplace.order.utils).
    fulfilments_create(order=order, lines=lines)
