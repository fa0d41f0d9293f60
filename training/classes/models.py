"""Training classes (lớp tập huấn): dated sessions, in person or online, with registrations that hold a
place or wait for one, and the attendance staff mark."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import lifecycle


class Audience(models.TextChoices):
    OFFICIALS = "officials", _("Commune and province officials")
    RESIDENTS = "residents", _("Rural residents")
    COOPERATIVES = "cooperatives", _("Cooperatives and producers")


class Role(models.TextChoices):
    OFFICIAL = "official", _("Official")
    RESIDENT = "resident", _("Resident")
    COOPERATIVE_MEMBER = "cooperative_member", _("Cooperative member")
    PRODUCER = "producer", _("Producer or household business")
    OTHER = "other", _("Other")


class TrainingClass(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    title = models.CharField(_("Title"), max_length=200)
    audience = models.CharField(_("Audience"), max_length=20, choices=Audience.choices)
    topic = models.CharField(_("Topic"), max_length=200)
    description = models.TextField(_("Description"), blank=True)
    mode = models.CharField(_("Mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    # The organising province: where an in-person class takes place, whose office runs an online one.
    province = models.ForeignKey("ocop_catalog.Province", verbose_name=_("Province"), on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(
        "ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    place = models.CharField(_("Place"), max_length=300, blank=True)
    # Shown only to confirmed registrants, on their own registration page.
    online_link = models.URLField(_("Online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("Places"))
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("Staff running the class"), related_name="training_classes_run", blank=True
    )
    is_published = models.BooleanField(_("Published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Training class")
        verbose_name_plural = _("Training classes")
        permissions = [("view_reach", _("Can see the reach of training per commune and province"))]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_class_capacity_positive"),
            models.CheckConstraint(
                condition=Q(mode="online") | Q(commune__isnull=False), name="training_class_in_person_has_commune"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_online(self) -> bool:
        return self.mode == self.Mode.ONLINE


class ClassSession(models.Model):
    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("Starts at"))
    ends_at = models.DateTimeField(_("Ends at"))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("Session")
        verbose_name_plural = _("Sessions")
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="class_session_ends_after_start")]

    def __str__(self):
        return f"{self.training_class}: {self.starts_at:%Y-%m-%d %H:%M}"


class Registration(models.Model):
    training_class = models.ForeignKey(TrainingClass, on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(_("Full name"), max_length=150)
    phone = models.CharField(_("Mobile phone"), max_length=10)  # normalised: 0912345678
    email = models.EmailField(_("E-mail"), blank=True)
    commune = models.ForeignKey("ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("Role"), max_length=20, choices=Role.choices)
    status = models.CharField(_("Status"), max_length=10, choices=list(lifecycle.STATUSES.items()))
    attended = models.BooleanField(_("Attended"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set by one UPDATE … WHERE reminder_sent_at IS NULL: whichever run sets it sends the reminder.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Registration")
        verbose_name_plural = _("Registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "phone"], condition=Q(status__in=lifecycle.ACTIVE), name="one_active_registration_per_phone"
            ),
        ]
        indexes = [models.Index(fields=["training_class", "status", "created_at"], name="registration_queue")]

    def __str__(self):
        return f"{self.name} ({self.training_class_id})"
