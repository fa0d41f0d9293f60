from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcopCatalogConfig(AppConfig):
    name = "ocop_catalog"
    verbose_name = _("OCOP catalogue")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signals  # noqa: F401
