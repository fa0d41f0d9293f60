from celery import shared_task
from oscar.core.loading import get_class


@shared_task
def cancel_unpaid_card_orders() -> int:
    """Beat job: cancel card orders left unpaid past CARD_PAYMENT_TIMEOUT_MINUTES, restocking them."""
    from .services import card_orders_cancel_unpaid

    return card_orders_cancel_unpaid()


# The buyer's order e-mails belong to the checkout app (Oscar's, or our fork): loaded through
# Oscar's get_class, so payments never imports the project package.


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_payment_received_email(payment_event_id: int) -> None:
    """E-mail the buyer that a card or transfer payment arrived (safe to run twice: sent once)."""
    get_class("checkout.notifications", "payment_received_send")(payment_event_id=payment_event_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_refund_email(payment_event_id: int) -> None:
    """E-mail the buyer that money went back to the card (safe to run twice: sent once)."""
    get_class("checkout.notifications", "refund_issued_send")(payment_event_id=payment_event_id)
