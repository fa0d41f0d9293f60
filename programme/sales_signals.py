"""What makes a day's sales facts out of date (programme.sales_facts): an order placed, a seller's part moved
(sellers.fulfilment sends part_transitioned for every move) or a refund recorded. Each marks the day its order was
placed, once the change commits; the beat task recomputes the marked days."""

from django.db.models.signals import post_save
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from sellers.models import SellerRefund
from sellers.signals import part_transitioned

from .sales_facts import day_mark_dirty_on_commit

Order = get_model("order", "Order")


def _order_placed(sender, order, **kwargs):
    day_mark_dirty_on_commit(moment=order.date_placed)


def _part_moved(sender, part, **kwargs):
    day_mark_dirty_on_commit(moment=part.order.date_placed)


def _refund_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    placed = Order.objects.filter(fulfilments=instance.fulfilment_id).values_list("date_placed", flat=True).first()
    if placed is not None:
        day_mark_dirty_on_commit(moment=placed)


def connect() -> None:
    order_placed.connect(_order_placed, dispatch_uid="programme_sales_facts_order_placed")
    part_transitioned.connect(_part_moved, dispatch_uid="programme_sales_facts_part_moved")
    post_save.connect(_refund_saved, sender=SellerRefund, dispatch_uid="programme_sales_facts_refund")
