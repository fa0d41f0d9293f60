"""E-mails about accounts, sent after the commit by a worker that retries."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_registration_email(user_id: int, kind: str) -> None:
    services.registration_email_send(user_id=user_id, kind=kind)
