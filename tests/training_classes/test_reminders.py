"""The day-before reminder goes out once per registration, however often beat runs the task."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from training.classes.models import Registration
from training.classes.services import reminders_send
from training.classes.tasks import send_class_reminders

from .conftest import make_class, register

pytestmark = pytest.mark.django_db


def test_the_reminder_goes_out_once_per_registration_the_day_before(places):
    c = make_class(commune=places["ba_dinh"], capacity=1, days=3)
    confirmed = register(c, commune=places["ba_dinh"], email="an@example.vn")
    register(c, commune=places["ba_dinh"], email="waiting@example.vn")  # waiting: no reminder
    register(make_class(commune=places["ba_dinh"], days=3), commune=places["ba_dinh"])  # no e-mail: nothing to send
    mail.outbox.clear()

    assert send_class_reminders.delay().get() == 0  # three days ahead: too early
    assert mail.outbox == []

    day_before = timezone.now() + datetime.timedelta(days=2)  # the clock moved on: the class starts tomorrow
    with mock.patch("django.utils.timezone.now", return_value=day_before):
        assert send_class_reminders.delay().get() == 1
        assert send_class_reminders.delay().get() == 0  # run twice: nothing more
    assert [m.to for m in mail.outbox] == [["an@example.vn"]]
    assert "an@example.vn" not in mail.outbox[0].subject
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at == day_before


def test_a_registration_already_flagged_by_another_run_is_not_sent_again(places):
    c = make_class(commune=places["ba_dinh"], days=1)
    registration = register(c, commune=places["ba_dinh"], email="an@example.vn")
    mail.outbox.clear()
    # Another worker set the flag between this run's read and its update.
    Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=timezone.now())
    assert reminders_send() == 0
    assert mail.outbox == []


def test_a_class_already_under_way_gets_no_reminder(places):
    c = make_class(commune=places["ba_dinh"], days=1)
    register(c, commune=places["ba_dinh"], email="an@example.vn")
    mail.outbox.clear()
    assert reminders_send(now=timezone.now() + datetime.timedelta(days=1, minutes=5)) == 0
