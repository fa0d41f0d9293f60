"""Sellers: cooperatives and producer households, each one an Oscar partner once approved."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import LazyObject
from django.utils.timezone import now as timezone_now
from django.utils.translation import gettext_lazy as _

from . import lifecycle
from .validators import validate_bank_account, validate_tax_code, validate_vietnamese_mobile


class PrivateStorage(LazyObject):
    """Files kept outside MEDIA_ROOT: served only through views that check who asks."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def _document_path(instance, filename):
    # Unguessable, and free of the applicant's file name.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"seller-documents/{uuid.uuid4().hex}.{extension}"


class SellerKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    HOUSEHOLD = "household", _("Producer household")
    ENTERPRISE = "enterprise", _("Enterprise")


class SellerDetails(models.Model):
    """What we know of a seller: shared by an application and the approved seller.

    Representative, phone and bank details may be blank for sellers onboarded by staff in bulk
    (`create_seller`); the public application form requires them.
    """

    kind = models.CharField(_("Kind"), max_length=20, choices=SellerKind.choices, default=SellerKind.COOPERATIVE)
    name = models.CharField(_("Cooperative or household name"), max_length=128)
    tax_code = models.CharField(_("Tax code"), max_length=14, validators=[validate_tax_code])
    representative = models.CharField(_("Representative"), max_length=128, blank=True)
    phone = models.CharField(_("Mobile phone"), max_length=15, blank=True, validators=[validate_vietnamese_mobile])
    email = models.EmailField(_("E-mail"))
    commune = models.ForeignKey(
        "ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.PROTECT, related_name="+"
    )
    bank_name = models.CharField(_("Bank"), max_length=100, blank=True)
    bank_account_number = models.CharField(
        _("Bank account number"), max_length=20, blank=True, validators=[validate_bank_account]
    )
    bank_account_holder = models.CharField(_("Account holder"), max_length=128, blank=True)

    class Meta:
        abstract = True


class SellerApplication(SellerDetails):
    """A visitor's request to sell, reviewed by staff."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    decision_reason = models.TextField(_("Reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="seller_applications"
    )
    seller = models.OneToOneField(
        "sellers.Seller", null=True, blank=True, on_delete=models.SET_NULL, related_name="application"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Seller application")
        verbose_name_plural = _("Seller applications")

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


class SellerDocument(models.Model):
    """An OCOP certificate scan sent with an application (PDF, JPEG or PNG)."""

    application = models.ForeignKey(SellerApplication, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(storage=private_storage, upload_to=_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class Seller(SellerDetails):
    """An approved seller: one Oscar partner, its users, payout details; suspended when its partner is."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    partner = models.OneToOneField("partner.Partner", on_delete=models.PROTECT, related_name="seller")
    slug = models.SlugField(_("Slug"), max_length=128, unique=True)
    suspension_reason = models.TextField(_("Suspension reason"), blank=True)
    # Overrides settings.SELLER_COMMISSION_RATE when set (a fraction: 0.05 is 5%).
    commission_rate = models.DecimalField(
        _("Commission rate"), max_digits=4, decimal_places=3, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )  # fmt: skip
    approved_at = models.DateTimeField(_("Approved at"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Seller")
        verbose_name_plural = _("Sellers")
        constraints = [models.UniqueConstraint(fields=["tax_code"], name="seller_tax_code_unique")]

    def __str__(self):
        return self.name

    @property
    def status(self) -> str:
        # Suspension is recorded once, on the partner (ocop_catalog.sale reads it there).
        return self.Status.SUSPENDED if self.partner.is_suspended else self.Status.ACTIVE

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Fulfilment(models.Model):
    """One seller's part of an order: its lines, its shipping charge, its progress.

    Its status moves only along sellers.lifecycle.PART_TRANSITIONS, through sellers.fulfilment; the
    buyer sees one order whose status follows its parts.
    """

    class Status(models.TextChoices):
        AWAITING_PAYMENT = lifecycle.AWAITING_PAYMENT, _("Awaiting payment")
        AWAITING = lifecycle.AWAITING, _("Awaiting confirmation")
        CONFIRMED = lifecycle.CONFIRMED, _("Confirmed")
        SHIPPED = lifecycle.SHIPPED, _("Shipped")
        DELIVERED = lifecycle.DELIVERED, _("Delivered")
        CANCELLED = lifecycle.CANCELLED, _("Cancelled")

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="fulfilments")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="fulfilments")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.AWAITING, db_index=True)
    shipping_charge = models.DecimalField(_("Shipping charge"), max_digits=12, decimal_places=0, default=0)
    confirm_by = models.DateTimeField(_("Confirm by"), db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("Cancellation reason"), blank=True)
    carrier = models.CharField(_("Carrier"), max_length=100, blank=True)
    tracking_code = models.CharField(_("Tracking code"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Seller's part of an order")
        verbose_name_plural = _("Sellers' parts of orders")
        constraints = [models.UniqueConstraint(fields=["order", "partner"], name="fulfilment_one_per_seller_and_order")]

    def __str__(self):
        return f"{self.order_id}/{self.partner_id} {self.status}"


class FulfilmentStatusChange(models.Model):
    """One move of a seller's part (who, when, from, to, why): written by every transition."""

    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.CASCADE, related_name="status_changes")
    transition = models.CharField(_("Transition"), max_length=32)
    old_status = models.CharField(_("From"), max_length=20, choices=Fulfilment.Status.choices)
    new_status = models.CharField(_("To"), max_length=20, choices=Fulfilment.Status.choices)
    # Null when the system made the move (a payment arriving, a deadline passing).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("Note"), blank=True)
    created_at = models.DateTimeField(_("At"), default=timezone_now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Status change of a seller's part")
        verbose_name_plural = _("Status changes of sellers' parts")

    def __str__(self):
        return f"{self.fulfilment_id}: {self.old_status} → {self.new_status}"


class SellerRefund(models.Model):
    """Money given back to the buyer for a seller's part — the one refund ledger, whatever the method.

    A card refund carries its Stripe refund id (`reference`, unique), so the webhook and a retried
    request record it once. Refunds on delivered parts reduce what the seller is owed (and the
    commission on it); on a cancelled part the seller was never owed the money.
    """

    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=0, validators=[MinValueValidator(1)])
    reason = models.TextField(_("Reason"))
    reference = models.CharField(_("Payment provider reference"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("Refunded at"), default=timezone_now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], condition=~models.Q(reference=""), name="seller_refund_reference_once"
            ),
        ]

    def __str__(self):
        return f"{self.fulfilment_id}: {self.amount} ₫"


class Payout(models.Model):
    """Staff record the money paid to a seller for one month's statement."""

    seller = models.ForeignKey(Seller, on_delete=models.PROTECT, related_name="payouts")
    month = models.DateField(_("Month"), help_text=_("The first day of the statement's month."))
    amount = models.DecimalField(_("Amount paid"), max_digits=14, decimal_places=0)
    reference = models.CharField(_("Bank transfer reference"), max_length=100)
    paid_at = models.DateTimeField(_("Paid at"), default=timezone_now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["seller", "month"], name="payout_one_per_seller_and_month")]

    def __str__(self):
        return f"{self.seller_id} {self.month:%Y-%m}: {self.amount} ₫"
