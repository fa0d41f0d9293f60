"""What makes a day's sales facts out of date (programme.sales_facts): an order placed, a seller's part moved
(sellers.fulfilment sends part_transitioned for every move) or a refund recorded. Each marks the day its order was
placed, once the change commits — unless that day is today, which the beat task recomputes every time anyway."""

from django.db.models.signals import post_save
from oscar.apps.order.signals import order_placed

from sellers.models import SellerRefund
from sellers.signals import part_transitioned

from .sales_facts import day_mark_dirty_on_commit


def _order_placed(sender, order, **kwargs):
    day_mark_dirty_on_commit(moment=order.date_placed)


def _part_moved(sender, part, **kwargs):
    day_mark_dirty_on_commit(moment=part.order.date_placed)


def _refund_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    part = instance.fulfilment  # refund_record passes the part it locked; its order is read once
    day_mark_dirty_on_commit(moment=part.order.date_placed)


def connect() -> None:
    order_placed.connect(_order_placed, dispatch_uid="programme_sales_facts_order_placed")
    part_transitioned.connect(_part_moved, dispatch_uid="programme_sales_facts_part_moved")
    post_save.connect(_refund_saved, sender=SellerRefund, dispatch_uid="programme_sales_facts_refund")
