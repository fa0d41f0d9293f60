from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingClassesConfig(AppConfig):
    """Training classes (lớp tập huấn): dated sessions, registration, waiting list, attendance, reach."""

    name = "training.classes"
    label = "training_classes"
    verbose_name = _("Training classes")
    default_auto_field = "django.db.models.AutoField"
    demo_loaders = ("training.classes.demo.demo_classes_load",)
