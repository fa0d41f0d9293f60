from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_order_confirmation(order_id: int) -> None:
    """E-mail the buyer the placed order (safe to run twice: sent once)."""
    from .emails import order_confirmation_send

    order_confirmation_send(order_id=order_id)


@shared_task(ignore_result=True)
def count_order_placed(order_id: int) -> None:
    """Oscar's analytics counters (products' purchases, the buyer's orders) for a placed order, off the
    buyer's request."""
    from .analytics import order_count

    order_count(order_id=order_id)


@shared_task(ignore_result=True)
def count_basket_addition(product_id: int, user_id: int | None = None, product_additions: int = 1) -> None:
    """Oscar's analytics counters of additions to the basket, off the buyer's request: `product_additions` to the
    product's (a batch counted in the cache), one to the signed-in buyer's."""
    from .analytics import addition_count

    addition_count(product_id=product_id, user_id=user_id, product_additions=product_additions)
