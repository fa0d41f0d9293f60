"""What payments keep beside Oscar's own payment models (Source, Transaction, PaymentEvent)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    """A Stripe webhook event already handled: its id is inserted in the same transaction as the
    state change it causes, so a replayed event changes nothing."""

    event_id = models.CharField(_("Event id"), max_length=255, unique=True)
    type = models.CharField(_("Type"), max_length=100)
    received_at = models.DateTimeField(_("Received at"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.event_id} {self.type}"
