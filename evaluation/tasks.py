"""E-mails of the OCOP evaluation: thin Celery tasks around evaluation.notifications."""

from celery import shared_task

from . import notifications


# One task per e-mail event, so a retry (SMTP errors are OSErrors) never sends another one twice.
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_dossier_email(dossier_id: int, event: str) -> None:
    notifications.dossier_event(dossier_id=dossier_id, event=event)
