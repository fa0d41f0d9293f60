"""What a dossier's row says on the programme staff dashboard — shaped once, so the table on screen and its
CSV export cannot disagree."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from ocop_catalog.models import PUBLIC_EXPIRED, PUBLIC_NOT_ISSUED, PUBLIC_REVOKED, PUBLIC_VALID
from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

from . import lifecycle
from .staff_selectors import COUNCIL_STEP, overdue_limits

# The audit trail's actions that are not workflow moves (those take their label from evaluation.lifecycle).
AUDIT_ACTIONS = {
    "create": _("Dossier opened"),
    "story": _("Product story changed"),
    "document_add": _("Document attached"),
    "document_remove": _("Document removed"),
    "self_assessment": _("Self-assessment saved"),
    "round_opened": _("Scoring round opened"),
    "scorecard_submitted": _("A member submitted their scores"),
    "round_closed": _("Scoring round closed"),
}


def audit_action_label(action: str) -> str:
    transition = lifecycle.TRANSITIONS.get(action)
    return str(transition.label if transition else AUDIT_ACTIONS.get(action, action))


def audit_changes(entry) -> list[tuple[str, object, object]]:
    """(field, before, after) of an audit entry, in a stable order."""
    keys = list(dict.fromkeys([*entry.before, *entry.after]))
    return [(key, entry.before.get(key, ""), entry.after.get(key, "")) for key in keys]


@dataclass(frozen=True)
class DossierRow:
    pk: int
    product: str
    seller: str
    commune: str
    province: str
    group: str
    sheet: str
    kind: str
    status: str
    status_label: str
    submitted_at: datetime.datetime | None
    step_since: datetime.datetime
    days_in_step: int
    limit_days: int | None  # None: no deadline watched in this state
    overdue: bool
    result_score: int | None
    result_stars: int | None
    certificate_number: str
    certificate_status: str


def dossier_row(dossier, *, now: datetime.datetime) -> DossierRow:
    """A dossier of staff_selectors.staff_dossiers (annotated with `accepted_at`) as its row at `now`."""
    # The council's clock runs from the commune's acceptance; every other state from its last change.
    since = dossier.accepted_at if dossier.status in COUNCIL_STEP and dossier.accepted_at else dossier.status_changed_at
    days = max((now - since).days, 0)
    limit = overdue_limits().get(dossier.status)
    group = PRODUCT_GROUPS_BY_SLUG.get(dossier.sheet.group)
    certificate = dossier.certificate
    return DossierRow(
        pk=dossier.pk, product=dossier.product.title, seller=dossier.seller.name, commune=dossier.commune.name,
        province=dossier.commune.province.short_name, group=str(group.label) if group else dossier.sheet.group,
        sheet=f"{dossier.sheet.name} (v{dossier.sheet.version})", kind=dossier.get_kind_display(),
        status=dossier.status, status_label=dossier.get_status_display(), submitted_at=dossier.submitted_at,
        step_since=since, days_in_step=days, limit_days=limit,
        overdue=limit is not None and now - since > datetime.timedelta(days=limit),
        result_score=dossier.result_score, result_stars=dossier.result_stars,
        certificate_number=certificate.number if certificate else "",
        certificate_status=_certificate_status(certificate, day=timezone.localdate(now)) if certificate else "",
    )  # fmt: skip


def _certificate_status(certificate, *, day: datetime.date) -> str:
    # The same plain words as the public verify page (ocop_catalog.presenters): valid, expired or revoked.
    status = certificate.public_status_on(day)
    return {
        PUBLIC_VALID: pgettext("certificate status", "Valid"),
        PUBLIC_EXPIRED: pgettext("certificate status", "Expired"),
        PUBLIC_REVOKED: pgettext("certificate status", "Revoked"),
        PUBLIC_NOT_ISSUED: pgettext("certificate status", "Not yet in force"),
    }.get(status, certificate.get_status_display())


def local(moment: datetime.datetime | None, pattern: str = "%d/%m/%Y") -> str:
    return timezone.localtime(moment).strftime(pattern) if moment else ""


def sheet_preview(document: dict) -> list[dict]:
    """A sheet document (as checked by evaluation.sheets) laid out to read: each part with its sections,
    criteria and options, and the points its best options add up to beside the part's maximum."""
    parts = []
    for part in document.get("parts", []):
        sections, best = [], 0
        for section in part.get("sections", []):
            criteria = []
            for criterion in section.get("criteria", []):
                options = criterion.get("options", [])
                top = max((option.get("points", 0) for option in options), default=0)
                best += top
                criteria.append({"code": criterion.get("code"), "text": criterion.get("text"), "options": options, "max": top})
            sections.append({"code": section.get("code"), "title": section.get("title"), "criteria": criteria})
        parts.append({"code": part.get("code"), "title": part.get("title"), "max_points": part.get("max_points"),
                      "best": best, "sections": sections})  # fmt: skip
    return parts
