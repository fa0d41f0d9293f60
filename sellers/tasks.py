"""E-mails to applicants and sellers: thin Celery tasks around sellers.notifications."""

from celery import shared_task

from . import notifications


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_application_received_email(application_id: int) -> None:
    notifications.application_received(application_id=application_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_application_decision_email(application_id: int) -> None:
    notifications.application_decided(application_id=application_id)
