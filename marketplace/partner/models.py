from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


class Partner(AbstractPartner):
    """A producer — cooperative or household — that sells OCOP products (one cooperative = one partner)."""

    commune = models.ForeignKey(
        "ocop_catalog.Commune",
        verbose_name=_("Commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    # The one record of a suspension (ocop_catalog.sale reads it; a Seller's status is derived from it),
    # changed only by sellers.services.seller_suspend / seller_reinstate.
    is_suspended = models.BooleanField(_("Suspended"), default=False, db_index=True)

    class Meta(AbstractPartner.Meta):
        pass


from oscar.apps.partner.models import *  # noqa: E402,F401,F403 — Oscar's other partner models
