from celery import shared_task


@shared_task
def cancel_unpaid_card_orders() -> int:
    """Beat job: cancel card orders left unpaid past CARD_PAYMENT_TIMEOUT_MINUTES, restocking them."""
    from .services import card_orders_cancel_unpaid

    return card_orders_cancel_unpaid()
