"""Thin Celery tasks around payments.services and payments.notifications (ids in, safe to run twice)."""

from celery import shared_task

AUTORETRY = {"acks_late": True, "autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


@shared_task
def cancel_unpaid_orders() -> int:
    """Beat job: cancel card and VietQR orders left unpaid past their deadline, restocking them."""
    from .services import orders_cancel_unpaid

    return orders_cancel_unpaid()


@shared_task(**AUTORETRY)
def send_payment_received_email(payment_event_id: int) -> None:
    """E-mail the buyer that a card or transfer payment arrived (sent once)."""
    from .notifications import payment_received_send

    payment_received_send(payment_event_id=payment_event_id)


@shared_task(**AUTORETRY)
def send_refund_email(payment_event_id: int) -> None:
    """E-mail the buyer that money went back to the card (sent once)."""
    from .notifications import refund_issued_send

    refund_issued_send(payment_event_id=payment_event_id)


@shared_task(**AUTORETRY)
def send_part_shipped_email(fulfilment_id: int) -> None:
    """E-mail the buyer that a seller's part is on its way (sent once)."""
    from .notifications import part_shipped_send

    part_shipped_send(fulfilment_id=fulfilment_id)


@shared_task(**AUTORETRY)
def send_part_cancelled_email(fulfilment_id: int) -> None:
    """E-mail the buyer which seller's part was cancelled, why, and what happens to the money (sent once)."""
    from .notifications import part_cancelled_send

    part_cancelled_send(fulfilment_id=fulfilment_id)
