from celery import shared_task

from .services import reminders_send


@shared_task(name="training.classes.tasks.send_class_reminders")
def send_class_reminders() -> int:
    """Beat, hourly: e-mail tomorrow's registrants once each (safe to run twice)."""
    return reminders_send()
