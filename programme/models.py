"""The programme's own data: pilot designations of communes and the staff who follow them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Pilot(models.Model):
    """One commune designated a pilot of one kind (Decision 924/QĐ-TTg): by which decision, since when, with which
    targets. The source of truth for "is this commune a pilot"; programme.services keeps the commune's pilot flags
    (shown as badges by the shop) in step with it."""

    class Kind(models.TextChoices):
        ECOMMERCE = "ecommerce", _("E-commerce commune")
        SMART = "smart", _("Smart new-rural commune")

    commune = models.ForeignKey(
        "ocop_catalog.Commune", verbose_name=_("Commune (2025)"), on_delete=models.PROTECT, related_name="pilots"
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    batch = models.CharField(_("Batch"), max_length=50, blank=True, help_text=_("e.g. 2023 national batch 1"))
    decision_number = models.CharField(_("Decision number"), max_length=100, blank=True)
    decision_date = models.DateField(_("Decision date"), null=True, blank=True)
    decided_by = models.CharField(_("Decided by"), max_length=255, blank=True)
    starts_on = models.DateField(_("Starts on"))
    ends_on = models.DateField(_("Ends on"), null=True, blank=True)
    # The unit as the decision named it, before the 2025 reform ("Xã Mỹ Xương, Huyện Cao Lãnh, Tỉnh Đồng Tháp").
    old_name = models.CharField(_("Name in the decision (before 2025)"), max_length=255, blank=True)
    # Targets: blank means the programme's setting (PROGRAMME_ONLINE_TARGET_PERCENT) or none.
    target_online_percent = models.PositiveSmallIntegerField(
        _("Target: share of producers selling online (percent)"), null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )  # fmt: skip
    target_producers_online = models.PositiveIntegerField(_("Target: producers selling online"), null=True, blank=True)
    target_orders_per_month = models.PositiveIntegerField(_("Target: orders a month"), null=True, blank=True)
    target_revenue_vnd = models.DecimalField(
        _("Target: delivered revenue a year (VND)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    note = models.TextField(_("Note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["commune__province_id", "commune_id", "kind"]
        verbose_name = _("Pilot")
        verbose_name_plural = _("Pilots")
        constraints = [
            models.UniqueConstraint(fields=["commune", "kind"], name="programme_pilot_one_per_commune_and_kind"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="programme_pilot_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.commune_id}"


class ProgrammeStaff(models.Model):
    """A programme officer who may see the dashboard: of one province, or national when no province is set."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("User"), on_delete=models.CASCADE, related_name="programme_staff"
    )
    province = models.ForeignKey(
        "ocop_catalog.Province", verbose_name=_("Province"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="programme_staff", help_text=_("Leave blank for national staff, who see every province."),
    )  # fmt: skip
    is_active = models.BooleanField(_("Active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Programme staff")
        verbose_name_plural = _("Programme staff")

    def __str__(self):
        return f"{self.user} ({self.province or _('national')})"

    @property
    def is_national(self) -> bool:
        return self.province_id is None


class ArticleArea(models.Model):
    """A news or training article is about this province, or this commune of it: what the indicators count as
    "articles about the area". Tagged by editors in the admin (cms itself keeps no locality)."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("Article"), on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey("ocop_catalog.Province", verbose_name=_("Province"), on_delete=models.CASCADE, related_name="+")
    commune = models.ForeignKey(
        "ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Article's area")
        verbose_name_plural = _("Articles' areas")
        constraints = [
            models.UniqueConstraint(fields=["page", "province"], condition=Q(commune__isnull=True), name="programme_article_province_once"),
            models.UniqueConstraint(fields=["page", "commune"], name="programme_article_commune_once"),
        ]

    def __str__(self):
        return f"{self.page_id}: {self.commune_id or self.province_id}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.commune_id and self.province_id and self.commune.province_id != self.province_id:
            raise ValidationError({"commune": _("This commune is not in the chosen province.")})
        if self.page_id:
            from cms.models import NewsPage, TrainingArticlePage

            if not issubclass(self.page.specific_class or object, (NewsPage, TrainingArticlePage)):
                raise ValidationError({"page": _("Choose a news or training article.")})


# --- Sales facts: what the dashboard's flow indicators sum (programme.sales_facts writes them) -----------------


class SalesFact(models.Model):
    """A sales fact of one day (the order's placing day, Vietnam time) and one area: a producer (chủ thể OCOP), its
    commune and the commune's province (kept on the row: the dashboard groups by province without a join). Items
    belong to their product's producer, a seller's part to the producer of its first item, as the indicators
    attribute them; the area is blank for items of no producer."""

    day = models.DateField()
    province = models.ForeignKey("ocop_catalog.Province", on_delete=models.CASCADE, null=True, db_index=False, related_name="+")
    commune = models.ForeignKey("ocop_catalog.Commune", on_delete=models.CASCADE, null=True, db_index=False, related_name="+")
    producer = models.ForeignKey("ocop_catalog.Producer", on_delete=models.CASCADE, null=True, db_index=False, related_name="+")

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["day"], name="%(class)s_day"),
            models.Index(fields=["province", "day"], name="%(class)s_province"),
            models.Index(fields=["commune", "day"], name="%(class)s_commune"),
        ]

    def __str__(self):
        return f"{self.day} {self.commune_id}/{self.producer_id}"


class SalesDay(SalesFact):
    """The additive sales figures of a day and area: a commune, a province or the nation is the sum of its rows —
    except orders, which one order can give to several areas: a group of areas takes off the repeats that
    SalesSharedOrder lists (programme.indicators)."""

    # Orders placed that day with an item of the area whose seller's part is not cancelled, and by payment method.
    orders = models.PositiveIntegerField(default=0)
    orders_cod = models.PositiveIntegerField(default=0)
    orders_vietqr = models.PositiveIntegerField(default=0)
    orders_card = models.PositiveIntegerField(default=0)
    lines = models.PositiveIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    # Delivered items' value less their share (by value) of their part's refunds, never below 0.
    revenue = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    # Sellers' parts of those orders whose first item is of the area; confirmed ones; cancelled by the deadline job.
    parts = models.PositiveIntegerField(default=0)
    parts_confirmed = models.PositiveIntegerField(default=0)
    parts_auto_cancelled = models.PositiveIntegerField(default=0)

    class Meta(SalesFact.Meta):
        verbose_name = _("Sales of a day")
        verbose_name_plural = _("Sales by day")


class SalesBuyer(SalesFact):
    """A buyer of the area that day, once: a period counts buyers distinct, as one may order on many days and from
    many areas. The buyer (account, else e-mail, else phone) is kept as a number made from it
    (programme.sql.buyer_key): the programme's tables hold no e-mail or phone, and numbers are counted faster."""

    buyer = models.BigIntegerField()

    class Meta(SalesFact.Meta):
        verbose_name = _("Buyer of a day")
        verbose_name_plural = _("Buyers by day")


class SalesConfirmation(SalesFact):
    """A confirmed seller's part and the seconds it waited for its seller (from its payment when paid in
    advance): the median confirmation time needs every value, so it is the median the parts give, not an
    estimate from buckets."""

    seconds = models.FloatField()

    class Meta(SalesFact.Meta):
        # No (province, day) index: the median by province of a year reads the table and sorts it faster than it
        # would follow that index (one row at a time); a province page reads its year in ~10 ms either way.
        indexes = [index for index in SalesFact.Meta.indexes if index.fields != ["province", "day"]]
        verbose_name = _("Confirmation of a day")
        verbose_name_plural = _("Confirmations by day")


class SalesSharedOrder(SalesFact):
    """One area of an order that counts in more than one area: a group holding n of the order's areas counted it
    n times in SalesDay and takes n − 1 off."""

    # Not a constraint: facts never hold an order back from being deleted (the next refresh drops its rows).
    order = models.ForeignKey("order.Order", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+")
    payment_method = models.CharField(max_length=16, blank=True)

    class Meta(SalesFact.Meta):
        verbose_name = _("Order shared by areas")
        verbose_name_plural = _("Orders shared by areas")


class SalesDirtyDay(models.Model):
    """A day whose sales facts are out of date (an order placed, a part moved, a refund made): the next refresh
    recomputes it."""

    day = models.DateField(primary_key=True)
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Day to refresh")
        verbose_name_plural = _("Days to refresh")

    def __str__(self):
        return str(self.day)


class SalesFactsRefresh(models.Model):
    """One refresh of the sales facts: the dashboard says its figures are as of the last one's start (every
    refresh first takes the days marked out of date)."""

    reason = models.CharField(max_length=20)  # dirty, nightly, backfill, days
    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField()
    days = models.PositiveIntegerField()
    first_day = models.DateField(null=True)
    last_day = models.DateField(null=True)

    class Meta:
        verbose_name = _("Sales facts refresh")
        verbose_name_plural = _("Sales facts refreshes")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.reason} {self.started_at:%Y-%m-%d %H:%M} ({self.days} days)"
