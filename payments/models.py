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


class BuyerNotification(models.Model):
    """An e-mail the buyer was sent after the order confirmation, one row per event it tells of (a
    payment received, a seller's part shipped or cancelled, a refund): the row is inserted in the
    same transaction as the sending, so a task run twice or a replayed webhook sends nothing more."""

    class Kind(models.TextChoices):
        PAYMENT_RECEIVED = "payment_received", _("Payment received")
        PART_SHIPPED = "part_shipped", _("Seller's part shipped")
        PART_CANCELLED = "part_cancelled", _("Seller's part cancelled")
        REFUND_ISSUED = "refund_issued", _("Refund issued")

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="buyer_notifications")
    kind = models.CharField(_("Kind"), max_length=32, choices=Kind.choices)
    # The payment event (payment, refund) or the seller's part (shipped, cancelled) the e-mail is about.
    object_id = models.PositiveBigIntegerField(_("About"))
    email = models.EmailField(_("Sent to"))
    sent_at = models.DateTimeField(_("Sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("Buyer notification")
        verbose_name_plural = _("Buyer notifications")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="buyer_notification_once_per_event"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} → {self.email}"
