"""Celery tasks of the OCOP catalogue: thin wrappers around services, taking ids."""

from celery import shared_task

from .services import product_thumbnails_prepare


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def prepare_product_thumbnails(product_id: int) -> int:
    """Render the listing and detail thumbnails of a product's images (safe to run twice)."""
    return product_thumbnails_prepare(product_id=product_id)


@shared_task(acks_late=True)
def send_certificate_reminders() -> int:
    """Daily: remind sellers 90 and 30 days before a certificate expires (each reminder once)."""
    from .lifecycle import certificate_reminders_send

    return certificate_reminders_send()


@shared_task(acks_late=True)
def expire_certificates() -> list[int]:
    """Daily, just after midnight: reindex the products whose certificate expired and tell their sellers (once)."""
    from .lifecycle import certificates_expire

    return certificates_expire()
