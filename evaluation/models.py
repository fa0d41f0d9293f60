"""OCOP evaluation: versioned criteria sheets, producers' dossiers, councils, their blind scoring and the
audit trail. The states of a dossier are declared in evaluation.lifecycle and changed only by
evaluation.services."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.timezone import now as timezone_now
from django.utils.translation import gettext_lazy as _

from ocop_catalog.rules import PRODUCT_GROUPS
from sellers.models import private_storage

from . import lifecycle

# --- Criteria sheets (bộ tiêu chí), loaded from evaluation/criteria/*.json -------------------------


class CriteriaSheet(models.Model):
    """One version of the criteria of one product set. Never edited: a change is a new version, so a
    dossier keeps the exact sheet it was scored on."""

    code = models.SlugField(_("Code"), max_length=80)
    version = models.PositiveIntegerField(_("Version"))
    name = models.CharField(_("Name"), max_length=255)
    group = models.CharField(
        _("Product group"), max_length=40, choices=[(group.slug, group.label) for group in PRODUCT_GROUPS]
    )
    product_sets = models.JSONField(_("Product sets"), default=list)  # ["Gia vị, nước chấm", "Mật ong"]
    source = models.TextField(_("Source and what is paraphrased"), blank=True)
    # sha256 of the sheet's canonical JSON: loading the same content again makes nothing new.
    content_hash = models.CharField(max_length=64)
    loaded_from = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("Criteria sheet")
        verbose_name_plural = _("Criteria sheets")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="criteria_sheet_version_once")]

    def __str__(self):
        return f"{self.name} (v{self.version})"


class SheetPart(models.Model):
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="parts")
    code = models.CharField(max_length=1)  # A, B, C
    title = models.CharField(max_length=255)
    max_points = models.PositiveSmallIntegerField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["sheet_id", "position"]
        constraints = [models.UniqueConstraint(fields=["sheet", "code"], name="sheet_part_code_once")]

    def __str__(self):
        return f"{self.code}. {self.title}"


class SheetSection(models.Model):
    part = models.ForeignKey(SheetPart, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(max_length=10)  # A1
    title = models.CharField(max_length=255)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["part_id", "position"]

    def __str__(self):
        return f"{self.code}. {self.title}"


class Criterion(models.Model):
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="criteria")
    section = models.ForeignKey(SheetSection, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=16)  # A1.2
    text = models.TextField()
    max_points = models.PositiveSmallIntegerField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["sheet_id", "position"]
        constraints = [models.UniqueConstraint(fields=["sheet", "code"], name="criterion_code_once_per_sheet")]

    def __str__(self):
        return f"{self.code} {self.text[:60]}"


class AnswerOption(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(max_length=8)  # a, b, c
    text = models.TextField()
    points = models.PositiveSmallIntegerField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["criterion_id", "position"]
        constraints = [models.UniqueConstraint(fields=["criterion", "code"], name="answer_option_code_once")]

    def __str__(self):
        return f"{self.code}) {self.text[:60]} ({self.points})"


# --- Who acts: roles as data ----------------------------------------------------------------------


class CommuneOfficer(models.Model):
    """A user who checks OCOP dossiers for one commune (cán bộ xã)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ocop_commune_roles")
    commune = models.ForeignKey("ocop_catalog.Commune", on_delete=models.PROTECT, related_name="ocop_officers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Commune officer")
        verbose_name_plural = _("Commune officers")
        constraints = [models.UniqueConstraint(fields=["user", "commune"], name="commune_officer_once")]

    def __str__(self):
        return f"{self.user} — {self.commune}"


class Council(models.Model):
    """An OCOP evaluation council: a province's (certifies 3★/4★) or, with no province, the central
    one (recognises 5★). The issuing body is data: it is printed on the certificates it issues."""

    name = models.CharField(_("Name"), max_length=255)
    province = models.ForeignKey(
        "ocop_catalog.Province", null=True, blank=True, on_delete=models.PROTECT, related_name="ocop_councils",
        help_text=_("Empty for the central council."),
    )  # fmt: skip
    issuing_body = models.CharField(_("Issuing body"), max_length=255)  # "UBND tỉnh Thái Nguyên"
    is_active = models.BooleanField(_("Active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Evaluation council")
        verbose_name_plural = _("Evaluation councils")

    def __str__(self):
        return self.name

    @property
    def is_central(self) -> bool:
        return self.province_id is None


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ocop_council_roles")
    is_chair = models.BooleanField(_("Chair"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Council member")
        verbose_name_plural = _("Council members")
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once"),
            models.UniqueConstraint(fields=["council"], condition=Q(is_chair=True), name="council_one_chair"),
        ]

    def __str__(self):
        return f"{self.user} — {self.council}{' (chair)' if self.is_chair else ''}"


# --- Dossiers -------------------------------------------------------------------------------------


class Dossier(models.Model):
    """A producer's application for the OCOP evaluation of one product, filed by the seller that lists it."""

    class Status(models.TextChoices):
        DRAFT = lifecycle.DRAFT, _("Draft")
        SUBMITTED = lifecycle.SUBMITTED, _("Submitted to the commune")
        RETURNED = lifecycle.RETURNED, _("Returned to the producer")
        COMMUNE_CHECKED = lifecycle.COMMUNE_CHECKED, _("Checked by the commune")
        COUNCIL_SCORING = lifecycle.COUNCIL_SCORING, _("Council scoring")
        SCORED = lifecycle.SCORED, _("Scored")
        SENT_TO_CENTRAL = lifecycle.SENT_TO_CENTRAL, _("Sent to the central level")
        CERTIFIED = lifecycle.CERTIFIED, _("Certified")
        EVALUATED = lifecycle.EVALUATED, _("Evaluated, no certificate")

    class Kind(models.TextChoices):
        NEW = "new", _("First evaluation")
        RENEWAL = "renewal", _("Renewal")

    seller = models.ForeignKey("sellers.Seller", on_delete=models.PROTECT, related_name="ocop_dossiers")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="ocop_dossiers")
    # Whose evaluation it is (chủ thể OCOP: the product's producer when filed); the seller files it on its behalf.
    producer = models.ForeignKey(
        "ocop_catalog.Producer", null=True, on_delete=models.PROTECT, related_name="ocop_dossiers", verbose_name=_("Producer")
    )
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.PROTECT, related_name="dossiers")
    # The commune that checks it (the producer's, when filed); its province's council scores it.
    commune = models.ForeignKey("ocop_catalog.Commune", on_delete=models.PROTECT, related_name="ocop_dossiers")
    kind = models.CharField(_("Kind"), max_length=10, choices=Kind.choices, default=Kind.NEW)
    renews = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewals",
        verbose_name=_("Renews the dossier"),
    )  # fmt: skip
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    product_story = models.TextField(_("Product story"), blank=True)
    return_reason = models.TextField(_("Reason for returning"), blank=True)
    # The result: the closing round's whole-point score and band (evaluation.scoring), then possibly a
    # 4★ result returned by the central level.
    result_mean = models.DecimalField(_("Mean of members' totals"), max_digits=5, decimal_places=2, null=True, blank=True)
    result_score = models.PositiveSmallIntegerField(_("Result (of 100)"), null=True, blank=True)
    result_stars = models.PositiveSmallIntegerField(_("Result (stars)"), null=True, blank=True)
    certificate = models.OneToOneField(
        "ocop_catalog.OcopCertificate", null=True, blank=True, on_delete=models.PROTECT,
        related_name="dossier", verbose_name=_("Certificate"),
    )  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(default=timezone_now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("OCOP dossier")
        verbose_name_plural = _("OCOP dossiers")
        constraints = [
            models.UniqueConstraint(
                fields=["product"], condition=~Q(status__in=sorted(lifecycle.FINISHED)),
                name="dossier_one_open_per_product",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.pk} {self.product_id} {self.status}"

    @property
    def is_editable(self) -> bool:
        return self.status in lifecycle.EDITABLE


def _dossier_document_path(instance, filename):
    # Unguessable, and free of the uploader's file name (as sellers' certificate scans).
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"ocop-dossiers/{uuid.uuid4().hex}.{extension}"


class DossierDocument(models.Model):
    """A supporting document of a dossier (PDF, JPEG or PNG, checked as certificate scans are)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("Title"), max_length=255)
    file = models.FileField(storage=private_storage, upload_to=_dossier_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


# --- Scoring: the seller's self-assessment and council members' blind scorecards -------------------


class CouncilRound(models.Model):
    """One council's scoring of one dossier: opened and closed by its chair."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="rounds")
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="rounds")
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(default=timezone_now)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    mean = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["dossier"], condition=Q(status="open"), name="council_round_one_open"),
        ]

    def __str__(self):
        return f"{self.dossier_id}/{self.council_id} {self.status}"


class Scorecard(models.Model):
    """Answers on a dossier's sheet: the seller's self-assessment (no round, no member) or one council
    member's scoring in a round. A member's scorecard is final once submitted."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="scorecards")
    round = models.ForeignKey(CouncilRound, null=True, blank=True, on_delete=models.CASCADE, related_name="scorecards")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dossier"], condition=Q(round=None), name="scorecard_one_self_assessment"),
            models.UniqueConstraint(fields=["round", "member"], name="scorecard_one_per_member_and_round"),
            models.CheckConstraint(
                condition=Q(round=None, member=None) | (Q(round__isnull=False) & Q(member__isnull=False)),
                name="scorecard_self_or_member",
            ),
        ]

    def __str__(self):
        return f"{self.dossier_id} {'self' if self.round_id is None else self.member_id}"


class ScorecardAnswer(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(AnswerOption, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scorecard", "criterion"], name="scorecard_answer_once")]

    def __str__(self):
        return f"{self.scorecard_id}: {self.criterion_id} → {self.option_id}"


# --- Audit trail ----------------------------------------------------------------------------------


class AuditEntry(models.Model):
    """One action on a dossier: who, what, when, and the values before and after. Written by every
    service of evaluation.services, never edited."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="audit_entries")
    action = models.CharField(_("Action"), max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    role = models.CharField(_("Role"), max_length=20, blank=True)
    before = models.JSONField(_("Before"), default=dict, blank=True)
    after = models.JSONField(_("After"), default=dict, blank=True)
    note = models.TextField(_("Note"), blank=True)
    created_at = models.DateTimeField(_("At"), default=timezone_now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Dossier audit entry")
        verbose_name_plural = _("Dossier audit entries")

    def __str__(self):
        return f"{self.dossier_id} {self.action} {self.created_at:%Y-%m-%d %H:%M}"
