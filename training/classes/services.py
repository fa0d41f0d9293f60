"""State changes of training classes. Every change of a registration locks its class row first
(SELECT … FOR UPDATE), so concurrent registrations and cancellations of one class queue, and a class
never holds more confirmed registrations than it has places."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ocop_catalog.models import Commune

from . import lifecycle
from .models import ClassSession, Registration, TrainingClass
from .tokens import registration_token


class RegistrationRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _locked_class(class_id: int) -> TrainingClass:
    return TrainingClass.objects.select_for_update().get(pk=class_id)


def _confirmed_count(class_id: int) -> int:
    return Registration.objects.filter(training_class_id=class_id, status=lifecycle.CONFIRMED).count()


def registration_link(registration: Registration) -> str:
    path = reverse("training_classes:registration", kwargs={"token": registration_token(registration)})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _send(registration_id: int, template: str) -> None:
    """E-mail the registrant (if they gave an address) the message `template`, in Vietnamese."""
    registration = Registration.objects.select_related("training_class__commune", "training_class__province").get(pk=registration_id)
    if not registration.email:
        return  # SMS is out of scope: the screen said it all
    sessions = list(registration.training_class.sessions.all())
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration, "training_class": registration.training_class, "sessions": sessions,
            "link": registration_link(registration),
        }  # fmt: skip
        subject = " ".join(render_to_string(f"training_classes/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"training_classes/emails/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    waiting_position: int | None  # 1 for the first on the waiting list; None when confirmed


def waiting_position(registration: Registration) -> int | None:
    if registration.status != lifecycle.WAITING:
        return None
    return Registration.objects.filter(
        training_class_id=registration.training_class_id, status=lifecycle.WAITING, pk__lte=registration.pk
    ).count()


def registration_create(*, class_id: int, name: str, phone: str, commune: Commune, role: str, email: str = "") -> RegistrationResult:
    """Registers someone for a class: confirmed while places remain, else on the waiting list. Refuses a class
    that is unpublished or over, and a phone number already registered (confirmed or waiting) for it.
    The confirmation is e-mailed after the commit when an address is given."""
    with transaction.atomic():
        training_class = _locked_class(class_id)
        last_end = ClassSession.objects.filter(training_class=training_class).order_by("-ends_at").values_list("ends_at", flat=True).first()
        if not training_class.is_published or last_end is None or last_end <= timezone.now():
            raise RegistrationRefused(_("This class is over or not open for registration."))
        if Registration.objects.filter(training_class=training_class, phone=phone, status__in=lifecycle.ACTIVE).exists():
            raise RegistrationRefused(_("This phone number is already registered for this class. Use the link you received to see it."))
        transition = "confirm" if _confirmed_count(class_id) < training_class.capacity else "wait"
        registration = Registration(
            training_class=training_class, name=name, phone=phone, email=email, commune=commune, role=role,
            status=lifecycle.target_of(transition, ""),
        )  # fmt: skip
        registration.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the unique constraint, should the check above ever be bypassed
            raise RegistrationRefused(_("This phone number is already registered for this class.")) from error
        transaction.on_commit(lambda: _send(registration.pk, "confirmation" if transition == "confirm" else "waiting"))
    return RegistrationResult(registration, waiting_position(registration))


def registration_cancel(*, registration_id: int) -> Registration | None:
    """Cancels a registration (its holder used their signed link). If it held a place, the first on the
    waiting list takes it and is told by e-mail. Returns the promoted registration, if any. Cancelling an
    already cancelled registration changes nothing."""
    class_id = Registration.objects.values_list("training_class_id", flat=True).get(pk=registration_id)
    with transaction.atomic():
        training_class = _locked_class(class_id)
        registration = Registration.objects.get(pk=registration_id)
        if registration.status == lifecycle.CANCELLED:
            return None
        was_confirmed = registration.status == lifecycle.CONFIRMED
        registration.status = lifecycle.target_of("cancel", registration.status)
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if not was_confirmed:
            return None
        return _promote_waiting(training_class)


def waiting_list_fill(*, class_id: int) -> Registration | None:
    """Moves the head of the waiting list into places a class has free (after its capacity was raised), telling
    each by e-mail. Returns the first promoted, if any."""
    with transaction.atomic():
        return _promote_waiting(_locked_class(class_id))


def _promote_waiting(training_class: TrainingClass) -> Registration | None:
    """Within the class lock: fills free places from the head of the waiting list."""
    promoted = None
    free = training_class.capacity - _confirmed_count(training_class.pk)
    queue = Registration.objects.filter(training_class=training_class, status=lifecycle.WAITING).order_by("created_at", "pk")
    for candidate in queue[: max(free, 0)]:
        candidate.status = lifecycle.target_of("promote", candidate.status)
        candidate.promoted_at = timezone.now()
        candidate.save(update_fields=["status", "promoted_at"])
        transaction.on_commit(lambda pk=candidate.pk: _send(pk, "promoted"))
        promoted = promoted or candidate
    return promoted


def attendance_mark(*, training_class: TrainingClass, attended_ids: set[int]) -> int:
    """Records who attended among the class's confirmed registrations: those in `attended_ids` attended,
    the others did not. Ids of other classes or of unconfirmed registrations are ignored. Returns how many attended."""
    with transaction.atomic():
        _locked_class(training_class.pk)
        confirmed = Registration.objects.filter(training_class=training_class, status=lifecycle.CONFIRMED)
        present = confirmed.filter(pk__in=attended_ids)
        count = present.update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)
    return count


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Reminds by e-mail each confirmed registrant whose class starts tomorrow (Vietnam time) or later today.
    Each registration is reminded once: its flag is set by a conditional UPDATE, and only the run that set
    it sends, however often or concurrently the task runs. Returns how many were sent."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    end_of_tomorrow = local.replace(hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(days=2)
    due = (
        Registration.objects.filter(status=lifecycle.CONFIRMED, reminder_sent_at__isnull=True, training_class__is_published=True)
        .exclude(email="")
        .filter(training_class__sessions__starts_at__gt=now, training_class__sessions__starts_at__lt=end_of_tomorrow)
        .exclude(training_class__sessions__starts_at__lte=now)  # a class already under way was reminded, or is too late
        .values_list("pk", flat=True)
        .distinct()
    )
    sent = 0
    for pk in list(due):
        if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now) == 1:
            _send(pk, "reminder")
            sent += 1
    return sent

