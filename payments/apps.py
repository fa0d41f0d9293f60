from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Payment methods of the marketplace (cash on delivery, VietQR transfer, Stripe cards), recorded
    with Oscar's payment models so the dashboard shows them."""

    name = "payments"
    verbose_name = _("Payments")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import receivers  # noqa: F401
