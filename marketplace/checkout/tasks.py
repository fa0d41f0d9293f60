from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_order_confirmation(order_id: int) -> None:
    """E-mail the buyer the placed order (safe to run twice: sent once)."""
    from .emails import order_confirmation_send

    order_confirmation_send(order_id=order_id)
