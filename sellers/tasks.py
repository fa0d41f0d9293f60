"""E-mails to applicants and sellers, and the confirmation deadline: thin Celery tasks around sellers' services."""

from celery import shared_task

from . import notifications


# Each e-mail is its own task, so a retry (SMTP errors are OSErrors) never sends another one twice.
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_application_received_email(application_id: int) -> None:
    notifications.application_received(application_id=application_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_application_staff_email(application_id: int) -> None:
    notifications.application_for_staff(application_id=application_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_application_decision_email(application_id: int) -> None:
    notifications.application_decided(application_id=application_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_new_order_email(fulfilment_id: int) -> None:
    notifications.new_order_for_seller(fulfilment_id=fulfilment_id)


@shared_task(acks_late=True)
def send_new_order_emails(fulfilment_ids: list[int]) -> None:
    """The sellers' e-mails of one order's parts, queued by the worker as one task each (each retried alone)."""
    for fulfilment_id in fulfilment_ids:
        send_new_order_email.delay(fulfilment_id)


@shared_task
def cancel_overdue_fulfilments() -> int:
    """Beat job: cancel and restock sellers' parts left unconfirmed past their deadline."""
    from .fulfilment import fulfilments_cancel_overdue

    return fulfilments_cancel_overdue()


@shared_task
def purge_pending_listing_imports() -> int:
    """Beat job: delete listing imports left waiting for confirmation past their hour."""
    from .listings_pending import pending_imports_purge

    return pending_imports_purge()
