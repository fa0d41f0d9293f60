"""What makes a product OCOP: where it comes from (2025 localities) and its certificate."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .rules import STAR_BANDS


class Province(models.Model):
    """A provincial unit after the 1 July 2025 reform (34 in all), keyed by its statistics code."""

    code = models.CharField(_("Code"), max_length=2, primary_key=True)
    name = models.CharField(_("Name"), max_length=100)  # "Thành phố Hà Nội"
    short_name = models.CharField(_("Short name"), max_length=100)  # "Hà Nội"
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("Province")
        verbose_name_plural = _("Provinces")

    def __str__(self):
        return self.short_name


class Commune(models.Model):
    """A commune-level unit (xã, phường, đặc khu) with the programme's pilot flags."""

    code = models.CharField(_("Code"), max_length=5, primary_key=True)
    province = models.ForeignKey(
        Province, verbose_name=_("Province"), on_delete=models.PROTECT, related_name="communes"
    )
    name = models.CharField(_("Name"), max_length=100)  # "Phường Ba Đình"
    short_name = models.CharField(_("Short name"), max_length=100)  # "Ba Đình"
    kind = models.CharField(_("Kind"), max_length=20)  # "Xã", "Phường", "Đặc khu"
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Decision 924/QĐ-TTg pilots; which communes take part is programme data, edited by staff.
    is_ecommerce_pilot = models.BooleanField(_("E-commerce commune pilot"), default=False, db_index=True)
    is_smart_rural_pilot = models.BooleanField(
        _("Smart new-rural commune pilot"), default=False, db_index=True
    )

    class Meta:
        ordering = ["province_id", "name"]
        verbose_name = _("Commune")
        verbose_name_plural = _("Communes")

    def __str__(self):
        return f"{self.name}, {self.province.short_name}"

    @property
    def is_pilot(self):
        return self.is_ecommerce_pilot or self.is_smart_rural_pilot


def _star_band_constraint():
    """Stars must agree with the score: 5★ 90–100, 4★ 70–89, 3★ 50–69, 2★ 30–49, 1★ < 30."""
    condition = Q()
    for stars, (low, high) in STAR_BANDS.items():
        condition |= Q(stars=stars, score__gte=low, score__lte=high)
    return models.CheckConstraint(condition=condition, name="ocop_certificate_stars_match_score")


class OcopCertificate(models.Model):
    """An OCOP evaluation result for one product, as issued by a province or the central level.

    A product may hold several over time (renewals); the current one is the newest verified.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        CENTRAL = "central", _("Central (Ministry)")
        # Before Decision 1489/QĐ-TTg (2025) districts certified some 3★ products.
        DISTRICT = "district", _("District (before 2025)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Revoked")

    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("Product"),
        on_delete=models.CASCADE,
        related_name="ocop_certificates",
    )
    # The producer (chủ thể OCOP) that held it when issued: it stays with that producer if the product later
    # moves to another one. Filled from product.ocop_producer when the certificate is created (save()).
    holder = models.ForeignKey(
        "Producer", verbose_name=_("Holder"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="certificates",
    )  # fmt: skip
    stars = models.PositiveSmallIntegerField(
        _("Stars"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    score = models.PositiveSmallIntegerField(
        _("Score (of 100)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    number = models.CharField(_("Certificate number"), max_length=100, blank=True)
    issuer = models.CharField(_("Issuing body"), max_length=255)
    level = models.CharField(_("Level"), max_length=20, choices=Level.choices)
    issued_on = models.DateField(_("Issued on"))
    expires_on = models.DateField(_("Expires on"))
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # Set only by ocop_catalog.lifecycle.certificate_revoke, with the status REVOKED: shown on the public verify page.
    revoked_on = models.DateField(_("Revoked on"), null=True, blank=True)
    revoked_reason = models.TextField(_("Reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Revoked by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")
        constraints = [
            models.CheckConstraint(condition=Q(stars__gte=1, stars__lte=5), name="ocop_certificate_stars_1_5"),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name="ocop_certificate_score_0_100"),
            _star_band_constraint(),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")), name="ocop_certificate_expires_after_issue"
            ),
            # A revocation without its date and reason could not be shown to whoever checks the certificate.
            models.CheckConstraint(
                condition=~Q(status="revoked") | (Q(revoked_on__isnull=False) & ~Q(revoked_reason="")),
                name="ocop_certificate_revoked_has_date_and_reason",
            ),
        ]
        indexes = [models.Index(fields=["product", "status", "-issued_on"])]

    def __str__(self):
        return f"{self.stars}★ {self.number or '—'} ({self.product_id})"

    def save(self, *args, **kwargs):
        if self.holder_id is None and self.product_id is not None:
            self.holder_id = type(self).product.field.related_model.objects.filter(pk=self.product_id).values_list(
                "ocop_producer_id", flat=True
            ).first()
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        from .rules import stars_for_score

        errors = {}
        if self.score is not None and self.stars is not None and stars_for_score(self.score) != self.stars:
            errors["stars"] = _("%(stars)s★ does not agree with a score of %(score)s (it gives %(expected)s★).") % {
                "stars": self.stars,
                "score": self.score,
                "expected": stars_for_score(self.score),
            }
        if self.stars == 5 and self.level and self.level != self.Level.CENTRAL:
            errors["level"] = _("5★ products are recognised at the central level.")
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = _("The expiry date must come after the issue date.")
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.status == self.Status.VERIFIED and self.issued_on <= day <= self.expires_on

    @property
    def is_valid(self) -> bool:
        """Verified and within its validity dates today (Vietnam time)."""
        return self.is_valid_on(timezone.localdate())

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    def public_status_on(self, day: datetime.date) -> str:
        """What the public verify page says on `day`: "valid", "expired", "revoked" or "not_issued"
        (awaiting verification or rejected: our record does not vouch for it)."""
        if self.status == self.Status.REVOKED:
            return PUBLIC_REVOKED
        if self.status != self.Status.VERIFIED:
            return PUBLIC_NOT_ISSUED
        if day < self.issued_on:
            return PUBLIC_NOT_ISSUED
        return PUBLIC_VALID if day <= self.expires_on else PUBLIC_EXPIRED


PUBLIC_VALID, PUBLIC_EXPIRED, PUBLIC_REVOKED, PUBLIC_NOT_ISSUED = "valid", "expired", "revoked", "not_issued"


class CertificateNotice(models.Model):
    """A notice sent to the seller about one certificate: each kind at most once (the unique constraint is
    what makes the daily task safe to run twice, or on two workers)."""

    class Kind(models.TextChoices):
        EXPIRES_IN_90_DAYS = "expires_90", _("Expires in 90 days")
        EXPIRES_IN_30_DAYS = "expires_30", _("Expires in 30 days")
        EXPIRED = "expired", _("Expired")

    certificate = models.ForeignKey(OcopCertificate, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("Sent on"))
    recipients = models.TextField(_("Recipients"), blank=True)  # comma-separated, as sent
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Certificate notice")
        verbose_name_plural = _("Certificate notices")
        constraints = [models.UniqueConstraint(fields=["certificate", "kind"], name="ocop_certificate_notice_once")]

    def __str__(self):
        return f"{self.certificate_id} {self.kind}"


# A Vietnamese tax code (mã số thuế): 10 digits for an enterprise or cooperative, 10 + "-" + 3 for a branch
# (Circular 105/2020/TT-BTC, art. 5), and since 1 July 2025 an individual's or household's 12-digit personal
# identification number (Circular 86/2024/TT-BTC, art. 5).
TAX_CODE_VALIDATOR = RegexValidator(
    r"^(\d{10}(-\d{3})?|\d{12})$",
    _("A tax code is 10 digits, 10 digits then -NNN for a branch, or a 12-digit personal identification number."),
)


class Producer(models.Model):
    """The OCOP subject (chủ thể OCOP) that makes a product and holds its certificates: a household, a cooperative
    or an enterprise, with the commune the product comes from.

    It is not always the account that sells: a cooperative sells its members' goods, a provincial OCOP sales point
    sells goods of producers from many communes. `partner` is the selling account that manages this record (it may
    list the producer's goods and edit it; no other seller may see or use it). A product's locality (search, facets,
    map, reports) is its producer's commune.
    """

    class Kind(models.TextChoices):
        HOUSEHOLD = "household", _("Household business")
        COOPERATIVE = "cooperative", _("Cooperative or cooperative group")
        ENTERPRISE = "enterprise", _("Enterprise")

    name = models.CharField(_("Name"), max_length=255)
    slug = models.SlugField(_("Slug"), max_length=255, unique=True, allow_unicode=False)
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.COOPERATIVE)
    commune = models.ForeignKey(
        Commune, verbose_name=_("Commune"), on_delete=models.PROTECT, null=True, blank=True, related_name="producers"
    )
    tax_code = models.CharField(_("Tax code"), max_length=14, blank=True, validators=[TAX_CODE_VALIDATOR])
    story = models.TextField(_("Story"), blank=True)
    # Where the agri-tourism map places the producer; when blank it is placed at its commune.
    latitude = models.FloatField(
        _("Latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("Longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    partner = models.ForeignKey(
        "partner.Partner", verbose_name=_("Managed by seller"), on_delete=models.PROTECT, related_name="ocop_producers"
    )
    # The seller itself as a producer (at most one per seller): a product with no producer chosen goes to it.
    is_seller_itself = models.BooleanField(_("The seller itself"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("OCOP producer")
        verbose_name_plural = _("OCOP producers")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="ocop_producer_both_coordinates_or_none",
            ),
            models.UniqueConstraint(
                fields=["partner"], condition=Q(is_seller_itself=True), name="ocop_producer_one_seller_itself"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ocop-producer", kwargs={"slug": self.slug})

    @property
    def map_point(self):
        """(latitude, longitude) for the map: the producer's own when set, else its commune's, else None."""
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude
        if self.commune_id and self.commune.latitude is not None and self.commune.longitude is not None:
            return self.commune.latitude, self.commune.longitude
        return None
