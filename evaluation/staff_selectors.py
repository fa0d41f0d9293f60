"""Reads of the programme staff dashboard (/shop/dashboard/ocop/): every dossier, filtered by province,
product group, star result, state and overdue step; counts by state; criteria sheets and their versions.

Who may read them is one rule, `is_programme_staff` (the views apply it): a staff account (`is_staff`) holding
the permission `evaluation.view_dossier` — given by an administrator directly or through a group such as
"Cán bộ chương trình OCOP" (the demo data creates that group). Superusers hold every permission. Editing a
sheet also needs `evaluation.add_criteriasheet` (`can_edit_sheets`). Sellers, commune officers and council
members hold these only if an administrator gives them: their roles are data (evaluation.models), not
permissions.

Overdue steps (settings, read from the environment):
  - the commune's check: a dossier submitted (or re-submitted) more than OCOP_COMMUNE_CHECK_DAYS (15) days ago
    and still waiting for its commune;
  - the council: a dossier the commune accepted more than OCOP_COUNCIL_DAYS (30) days ago that has no council
    result yet (checked by the commune or being scored). The clock starts at the commune's latest acceptance,
    read from the audit trail, so opening a round does not restart it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from ocop_catalog.models import Province
from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

from . import lifecycle
from .models import AuditEntry, CouncilRound, CriteriaSheet, Dossier
from .selectors import sheet_structure
from .sheets import FORMAT_VERSION

VIEW_PERMISSION = "evaluation.view_dossier"
EDIT_SHEETS_PERMISSION = "evaluation.add_criteriasheet"

COMMUNE_STEP = frozenset({lifecycle.SUBMITTED})
COUNCIL_STEP = frozenset({lifecycle.COMMUNE_CHECKED, lifecycle.COUNCIL_SCORING})
NO_RESULT = "none"  # the star filter's value for "no council result yet"


def is_programme_staff(user) -> bool:
    """May `user` read every dossier on the programme staff dashboard? (see the module's docstring)"""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff and user.has_perm(VIEW_PERMISSION))


def can_edit_sheets(user) -> bool:
    return is_programme_staff(user) and user.has_perm(EDIT_SHEETS_PERMISSION)


@dataclass(frozen=True)
class DossierFilters:
    """What the staff asked for; empty values filter nothing."""

    province: str = ""  # Province.code
    group: str = ""  # ocop_catalog.rules.PRODUCT_GROUPS slug, through the dossier's sheet
    stars: str = ""  # "1".."5", or NO_RESULT
    status: str = ""
    overdue: bool = False


def overdue_limits() -> dict[str, int]:
    """Days allowed in each flagged state."""
    limits = dict.fromkeys(COMMUNE_STEP, settings.OCOP_COMMUNE_CHECK_DAYS)
    limits.update(dict.fromkeys(COUNCIL_STEP, settings.OCOP_COUNCIL_DAYS))
    return limits


def _overdue_q(now: datetime.datetime) -> Q:
    commune_since = now - datetime.timedelta(days=settings.OCOP_COMMUNE_CHECK_DAYS)
    council_since = now - datetime.timedelta(days=settings.OCOP_COUNCIL_DAYS)
    return Q(status__in=COMMUNE_STEP, status_changed_at__lt=commune_since) | Q(
        status__in=COUNCIL_STEP, accepted_at__lt=council_since
    )


def _annotated() -> QuerySet:
    accepted = AuditEntry.objects.filter(dossier=OuterRef("pk"), action="accept").order_by("-created_at", "-pk")
    return Dossier.objects.annotate(accepted_at=Subquery(accepted.values("created_at")[:1]))


def _filtered(filters: DossierFilters, now: datetime.datetime, *, with_status: bool) -> QuerySet:
    queryset = _annotated()
    if filters.province:
        queryset = queryset.filter(commune__province_id=filters.province)
    if filters.group:
        queryset = queryset.filter(sheet__group=filters.group)
    if filters.stars == NO_RESULT:
        queryset = queryset.filter(result_stars__isnull=True)
    elif filters.stars:
        queryset = queryset.filter(result_stars=int(filters.stars))
    if filters.overdue:
        queryset = queryset.filter(_overdue_q(now))
    if with_status and filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset


def staff_dossiers(*, filters: DossierFilters, now: datetime.datetime) -> QuerySet:
    """Every dossier matching `filters`, oldest step first within the newest filings, with what its row shows
    (product, seller, commune and province, sheet, certificate) joined in the same query and `accepted_at`
    (the commune's latest acceptance) annotated: the list and its CSV cost one query whatever their length."""
    return (
        _filtered(filters, now, with_status=True)
        .select_related("product", "seller", "sheet", "commune__province", "certificate")
        .order_by("-created_at", "-pk")
    )


def staff_dossier_counts(*, filters: DossierFilters, now: datetime.datetime) -> dict:
    """{"by_status": {status: count} for every status, "all": n, "overdue": n} under the filters other than the
    state (so each state's tab says how many it would show), in one query."""
    aggregates = {f"status_{status}": Count("pk", filter=Q(status=status)) for status in lifecycle.STATUSES}
    aggregates["overdue"] = Count("pk", filter=_overdue_q(now))
    aggregates["all"] = Count("pk")
    row = _filtered(filters, now, with_status=False).aggregate(**aggregates)
    return {
        "by_status": {status: row[f"status_{status}"] for status in lifecycle.STATUSES},
        "all": row["all"],
        "overdue": row["overdue"],
    }


def staff_dossier(*, pk) -> Dossier:
    """One dossier with its rounds (and their councils); raises Dossier.DoesNotExist."""
    return (
        _annotated()
        .select_related("product", "seller", "sheet", "commune__province", "certificate", "renews", "created_by")
        .prefetch_related(
            "documents",
            Prefetch("rounds", queryset=CouncilRound.objects.select_related("council").order_by("opened_at", "pk")),
        )
        .get(pk=pk)
    )


def filter_provinces() -> QuerySet:
    """The provinces the province filter offers: those with at least one dossier."""
    return Province.objects.filter(pk__in=Dossier.objects.values("commune__province_id")).order_by("short_name")


# --- Criteria sheets --------------------------------------------------------------------------------


def sheets_by_code() -> list[dict]:
    """Every sheet code with all its versions, newest first, each with how many dossiers keep it (one query)."""
    codes: dict[str, list[CriteriaSheet]] = {}
    for sheet in CriteriaSheet.objects.annotate(dossier_count=Count("dossiers")).order_by("code", "-version"):
        codes.setdefault(sheet.code, []).append(sheet)
    return [
        {"code": code, "current": versions[0], "versions": versions, "group": PRODUCT_GROUPS_BY_SLUG.get(versions[0].group)}
        for code, versions in codes.items()
    ]


def sheet_document(*, sheet: CriteriaSheet) -> dict:
    """The sheet as its JSON data format (evaluation.sheets): what the editor starts from. Loading it back
    unchanged gives the same content hash, so saving without a change makes no new version."""
    return {
        "format": FORMAT_VERSION,
        "code": sheet.code,
        "name": sheet.name,
        "group": sheet.group,
        "product_sets": list(sheet.product_sets),
        "source": sheet.source,
        "parts": [
            {
                "code": part.code, "title": part.title, "max_points": part.max_points,
                "sections": [
                    {
                        "code": section.code, "title": section.title,
                        "criteria": [
                            {
                                "code": criterion.code, "text": criterion.text,
                                "options": [
                                    {"code": option.code, "text": option.text, "points": option.points}
                                    for option in criterion.options.all()
                                ],
                            }
                            for criterion in section.criteria.all()
                        ],
                    }
                    for section in part.sections.all()
                ],
            }
            for part in sheet_structure(sheet=sheet)
        ],
    }  # fmt: skip
