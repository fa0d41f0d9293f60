from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training that counts: courses of lessons with quizzes, and completions (Wagtail pages beside cms)."""

    name = "training"
    verbose_name = _("Training")
    default_auto_field = "django.db.models.AutoField"
    demo_loaders = ("training.demo.demo_courses_load",)
