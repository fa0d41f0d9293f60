"""The buyer's e-mails that follow a seller's part moving (sellers.signals.part_transitioned)."""

from django.db import transaction
from django.dispatch import receiver

from sellers.lifecycle import CANCELLED, SHIPPED
from sellers.signals import part_transitioned

from . import tasks


@receiver(part_transitioned, dispatch_uid="payments_tell_buyer_of_part_move")
def tell_buyer_of_part_move(sender, part, transition, old_status, new_status, **kwargs):
    task = {SHIPPED: tasks.send_part_shipped_email, CANCELLED: tasks.send_part_cancelled_email}.get(new_status)
    if task is not None:
        # robust: the move stays made even if the e-mail cannot be queued (the task retries sending).
        transaction.on_commit(lambda: task.delay(part.pk), robust=True)
