"""Celery tasks of the content app: thin wrappers, scheduled by CELERY_BEAT_SCHEDULE."""

from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True)
def publish_scheduled() -> None:
    """Publish the revisions whose go-live time has passed and unpublish expired pages: Wagtail's own
    `publish_scheduled` command, so it behaves exactly as in the admin. Safe to run twice or late."""
    call_command("publish_scheduled", verbosity=0)
