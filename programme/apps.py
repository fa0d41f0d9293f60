from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The programme's own software: pilot communes, their indicators, the dashboard and the agri-tourism map.
    Sits above ocop_catalog, sellers, payments, cms and evaluation; nothing below imports it."""

    name = "programme"
    verbose_name = _("OCOP programme")
    default_auto_field = "django.db.models.AutoField"
