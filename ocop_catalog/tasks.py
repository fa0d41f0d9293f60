"""Celery tasks of the OCOP catalogue: thin wrappers around services, taking ids."""

from celery import shared_task

from .services import product_thumbnails_prepare


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def prepare_product_thumbnails(product_id: int) -> int:
    """Render the listing and detail thumbnails of a product's images (safe to run twice)."""
    return product_thumbnails_prepare(product_id=product_id)
