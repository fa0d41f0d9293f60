"""Reads of OCOP evaluation: sheets, who holds which role for a dossier, dossiers each user may see,
council scorecards under the blind rule, and the audit trail. Every query is scoped in the query."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from . import lifecycle
from .models import (
    AnswerOption,
    AuditEntry,
    CommuneOfficer,
    CouncilMember,
    CouncilRound,
    CriteriaSheet,
    Criterion,
    Dossier,
    Scorecard,
    ScorecardAnswer,
    SheetPart,
    SheetSection,
)

# --- Sheets ---------------------------------------------------------------------------------------


def sheets_current() -> list[CriteriaSheet]:
    """The newest version of every sheet, by code."""
    newest = {}
    for sheet in CriteriaSheet.objects.order_by("code", "-version"):
        newest.setdefault(sheet.code, sheet)
    return list(newest.values())


def sheet_current(*, code: str) -> CriteriaSheet | None:
    return CriteriaSheet.objects.filter(code=code).order_by("-version").first()


def sheet_versions(*, code: str) -> QuerySet:
    return CriteriaSheet.objects.filter(code=code).order_by("-version")


def sheet_structure(*, sheet: CriteriaSheet) -> list[SheetPart]:
    """The sheet's parts → sections → criteria → options, in order, in four queries."""
    return list(
        SheetPart.objects.filter(sheet=sheet)
        .order_by("position")
        .prefetch_related(
            Prefetch("sections", queryset=SheetSection.objects.order_by("position")),
            Prefetch("sections__criteria", queryset=Criterion.objects.order_by("position")),
            Prefetch("sections__criteria__options", queryset=AnswerOption.objects.order_by("position")),
        )
    )


# --- Roles ----------------------------------------------------------------------------------------


def dossier_roles(*, user, dossier: Dossier) -> set[str]:
    """The roles of evaluation.lifecycle that `user` holds for `dossier` (none for anonymous users)."""
    if user is None or not user.is_authenticated:
        return set()
    roles = set()
    if dossier.seller.partner.users.filter(pk=user.pk).exists():
        roles.add(lifecycle.SELLER)
    if CommuneOfficer.objects.filter(user=user, commune_id=dossier.commune_id).exists():
        roles.add(lifecycle.COMMUNE)
    chairs = CouncilMember.objects.filter(user=user, is_chair=True, council__is_active=True)
    if chairs.filter(council__province_id=dossier.commune.province_id).exists():
        roles.add(lifecycle.PROVINCE_CHAIR)
    if chairs.filter(council__province=None).exists():
        roles.add(lifecycle.CENTRAL_CHAIR)
    return roles


def council_membership(*, user, council) -> CouncilMember | None:
    if user is None or not user.is_authenticated:
        return None
    return CouncilMember.objects.filter(user=user, council=council, council__is_active=True).first()


# --- Dossiers -------------------------------------------------------------------------------------


def _dossiers() -> QuerySet:
    return Dossier.objects.select_related("product", "seller", "sheet", "commune__province", "certificate")


def seller_dossiers(*, seller) -> QuerySet:
    """The seller's dossiers, newest first."""
    return _dossiers().filter(seller=seller).order_by("-created_at", "-pk")


def seller_dossier(*, seller, pk) -> Dossier:
    """One of the seller's dossiers; raises Dossier.DoesNotExist for anyone else's."""
    return seller_dossiers(seller=seller).get(pk=pk)


def dossiers_visible_to(*, user) -> QuerySet:
    """Every dossier `user` may read: its seller's; its communes' (as an officer); those of the
    provinces whose council it sits on; those sent to the central level (as a central member)."""
    if user is None or not user.is_authenticated:
        return Dossier.objects.none()
    memberships = CouncilMember.objects.filter(user=user, council__is_active=True)
    condition = Q(seller__partner__users=user) | Q(
        commune__in=CommuneOfficer.objects.filter(user=user).values("commune")
    )
    condition |= Q(commune__province__in=memberships.exclude(council__province=None).values("council__province"))
    if memberships.filter(council__province=None).exists():
        condition |= Q(status=lifecycle.SENT_TO_CENTRAL) | Q(audit_entries__action="send_to_central")
    return _dossiers().filter(pk__in=Dossier.objects.filter(condition).values("pk")).order_by("-created_at", "-pk")


def commune_dossiers(*, user, status: str | None = None) -> QuerySet:
    """Dossiers of the communes `user` checks, optionally in one status (its work list: submitted)."""
    queryset = _dossiers().filter(commune__in=CommuneOfficer.objects.filter(user=user).values("commune"))
    return queryset.filter(status=status) if status else queryset


def product_last_dossier(*, product) -> Dossier | None:
    """The product's most recent dossier (what a renewal is prefilled from)."""
    return Dossier.objects.filter(product=product).order_by("-created_at", "-pk").first()


def dossier_audit_trail(*, dossier: Dossier) -> QuerySet:
    """Every recorded action on the dossier, oldest first, with who made it."""
    return AuditEntry.objects.filter(dossier=dossier).select_related("actor").order_by("created_at", "pk")


# --- Scorecards -----------------------------------------------------------------------------------


def _with_totals(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(total=Coalesce(Sum("answers__option__points"), 0))


def scorecard_total(*, scorecard: Scorecard) -> int:
    """The scorecard's total: the sum of its chosen options' points."""
    return scorecard.answers.aggregate(total=Coalesce(Sum("option__points"), 0))["total"]


def scorecard_part_totals(*, scorecard: Scorecard) -> dict[str, int]:
    """Points by part code (A, B, C)."""
    rows = scorecard.answers.values("criterion__section__part__code").annotate(points=Sum("option__points"))
    totals = {part.code: 0 for part in SheetPart.objects.filter(sheet_id=scorecard.dossier.sheet_id)}
    totals.update({row["criterion__section__part__code"]: row["points"] for row in rows})
    return totals


def scorecard_choices(*, scorecard: Scorecard | None) -> dict[int, int]:
    """{criterion id: option id} of a scorecard (empty for none)."""
    if scorecard is None:
        return {}
    return dict(scorecard.answers.values_list("criterion_id", "option_id"))


def self_assessment(*, dossier: Dossier) -> Scorecard | None:
    return Scorecard.objects.filter(dossier=dossier, round=None).first()


def round_open(*, dossier: Dossier) -> CouncilRound | None:
    return CouncilRound.objects.filter(dossier=dossier, status=CouncilRound.Status.OPEN).select_related("council").first()


def member_rounds(*, user) -> QuerySet:
    """The rounds of the councils `user` sits on, open ones first."""
    councils = CouncilMember.objects.filter(user=user, council__is_active=True).values("council")
    return (
        CouncilRound.objects.filter(council__in=councils)
        .select_related("dossier__product", "council")
        .order_by("-status", "-opened_at")
    )


def round_scorecards_visible(*, round: CouncilRound, user) -> QuerySet:
    """The scorecards of a round that `user` may read, each with its `total`.

    Blind scoring: a member reads only its own scorecard until it has submitted it (or the round is
    closed); then every submitted scorecard. Anyone not on the round's council is refused
    (PermissionDenied), the seller included: it reads the result on the dossier, not members' scores.
    """
    if council_membership(user=user, council=round.council) is None:
        raise PermissionDenied
    scorecards = _with_totals(Scorecard.objects.filter(round=round).select_related("member")).order_by("pk")
    own_submitted = Scorecard.objects.filter(round=round, member=user, submitted_at__isnull=False).exists()
    if own_submitted or round.status == CouncilRound.Status.CLOSED:
        return scorecards.filter(Q(member=user) | Q(submitted_at__isnull=False))
    return scorecards.filter(member=user)


# --- Reviewers: commune officers and council members (evaluation.review, /ocop/tham-dinh/) ---------

# A province council reads a dossier once its commune has accepted it: drafts and dossiers still at the
# commune are not its business.
COUNCIL_STATUSES = frozenset(
    {lifecycle.COMMUNE_CHECKED, lifecycle.COUNCIL_SCORING, lifecycle.SCORED, lifecycle.SENT_TO_CENTRAL}
    | lifecycle.FINISHED
)


def commune_review_dossiers(*, user) -> QuerySet:
    """Dossiers of the communes `user` checks that were ever sent to the commune (a draft never
    submitted stays the seller's own); unscoped ids simply are not in it."""
    return commune_dossiers(user=user).exclude(status=lifecycle.DRAFT).select_related("seller__partner")


def commune_inbox(*, user, recent: int = 20) -> tuple[list[Dossier], list[Dossier]]:
    """(dossiers awaiting the commune's check, oldest submission first; the `recent` last handled
    ones, latest change first) — two queries whatever the number of dossiers."""
    dossiers = commune_review_dossiers(user=user)
    awaiting = list(dossiers.filter(status=lifecycle.SUBMITTED).order_by("submitted_at", "pk"))
    handled = list(dossiers.exclude(status=lifecycle.SUBMITTED).order_by("-status_changed_at", "-pk")[:recent])
    return awaiting, handled


def council_memberships(*, user) -> QuerySet:
    """`user`'s seats on active councils."""
    return CouncilMember.objects.filter(user=user, council__is_active=True)


def _memberships(user) -> QuerySet:
    return council_memberships(user=user)


def council_dossiers(*, user) -> QuerySet:
    """Dossiers the councils `user` sits on may read: its provinces' once accepted by the commune; for
    a central member, those sent to the central level (now or before)."""
    if user is None or not user.is_authenticated:
        return Dossier.objects.none()
    memberships = _memberships(user)
    provinces = memberships.exclude(council__province=None).values("council__province")
    condition = Q(commune__province__in=provinces, status__in=sorted(COUNCIL_STATUSES))
    if memberships.filter(council__province=None).exists():
        sent = AuditEntry.objects.filter(action="send_to_central").values("dossier")
        condition |= Q(status=lifecycle.SENT_TO_CENTRAL) | Q(pk__in=sent)
    return _dossiers().filter(condition).select_related("seller__partner")


def council_chair_scope(*, user) -> tuple[set[int], bool]:
    """(the provinces whose council `user` chairs, whether it chairs the central council)."""
    provinces, central = set(), False
    for province_id in _memberships(user).filter(is_chair=True).values_list("council__province_id", flat=True):
        if province_id is None:
            central = True
        else:
            provinces.add(province_id)
    return provinces, central


def council_inbox(*, user, recent: int = 20) -> tuple[list[Dossier], list[Dossier]]:
    """(dossiers still before the council or the central level, oldest change first; the `recent`
    last finished ones). Each carries `open_round_id` and, for that round, `my_submitted_at` and
    `my_started` (whether `user` has a scorecard there) — two queries whatever the number of dossiers."""
    open_rounds = CouncilRound.objects.filter(dossier=OuterRef("pk"), status=CouncilRound.Status.OPEN)
    mine = Scorecard.objects.filter(round__dossier=OuterRef("pk"), round__status=CouncilRound.Status.OPEN, member=user)
    dossiers = council_dossiers(user=user).annotate(
        open_round_id=Subquery(open_rounds.values("pk")[:1]),
        my_submitted_at=Subquery(mine.values("submitted_at")[:1]),
        my_started=Exists(mine),
    )
    active = list(dossiers.exclude(status__in=sorted(lifecycle.FINISHED)).order_by("status_changed_at", "pk"))
    finished = list(dossiers.filter(status__in=sorted(lifecycle.FINISHED)).order_by("-status_changed_at", "-pk")[:recent])
    return active, finished


def council_round_for_member(*, user, pk) -> CouncilRound:
    """A round of a council `user` sits on; raises CouncilRound.DoesNotExist for any other."""
    return (
        CouncilRound.objects.filter(pk=pk, council__in=_memberships(user).values("council"))
        .select_related("council", "dossier__product", "dossier__sheet", "dossier__commune__province", "dossier__seller")
        .get()
    )


def dossier_rounds(*, dossier: Dossier) -> QuerySet:
    return CouncilRound.objects.filter(dossier=dossier).select_related("council", "closed_by").order_by("opened_at", "pk")


def round_progress(*, round: CouncilRound) -> list[CouncilMember]:
    """The round's council members, each with `started` and `submitted` (no scores: safe for any member)."""
    cards = Scorecard.objects.filter(round=round, member=OuterRef("user"))
    return list(
        CouncilMember.objects.filter(council_id=round.council_id)
        .select_related("user")
        .annotate(started=Exists(cards), submitted=Exists(cards.filter(submitted_at__isnull=False)))
        .order_by("-is_chair", "pk")
    )


def round_scorecard(*, round: CouncilRound, member) -> Scorecard | None:
    """`member`'s own scorecard in the round, if it has one."""
    return Scorecard.objects.filter(round=round, member=member).first()


def scorecards_part_totals(*, scorecards) -> dict[int, dict[str, int]]:
    """{scorecard id: {part code: points}} of scorecards already read (one query for all). Pass only
    scorecards the reader may see (round_scorecards_visible)."""
    totals: dict[int, dict[str, int]] = {card.pk: {} for card in scorecards}
    rows = (
        ScorecardAnswer.objects.filter(scorecard_id__in=list(totals))
        .values("scorecard_id", "criterion__section__part__code")
        .annotate(points=Sum("option__points"))
    )
    for row in rows:
        totals[row["scorecard_id"]][row["criterion__section__part__code"]] = row["points"]
    return totals


def scorecards_answers(*, scorecards) -> QuerySet:
    """Every answer of scorecards already read, in scorecard then sheet order, with criterion and option.
    Pass only scorecards the reader may see (round_scorecards_visible)."""
    return (
        ScorecardAnswer.objects.filter(scorecard_id__in=[card.pk for card in scorecards])
        .select_related("scorecard", "criterion", "option")
        .order_by("scorecard_id", "criterion__position")
    )
