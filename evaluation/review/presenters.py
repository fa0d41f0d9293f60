"""What the reviewers' pages show, shaped once: the audit trail in words, the steps a user may take on
a dossier, a result's meaning, and members' scorecards laid over the sheet."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import lifecycle, scoring
from ..presenters import SheetScore, sheet_score
from ..selectors import scorecard_choices

# Actions recorded by evaluation.services besides the workflow's transitions.
ACTION_LABELS = {
    **{name: transition.label for name, transition in lifecycle.TRANSITIONS.items()},
    "create": _("Dossier created"),
    "story": _("Product story changed"),
    "document_add": _("Document attached"),
    "document_remove": _("Document removed"),
    "self_assessment": _("Self-assessment saved"),
    "round_opened": _("Scoring round opened"),
    "scorecard_submitted": _("Scorecard submitted"),
    "round_closed": _("Scoring round closed"),
}
ROLE_LABELS = {**lifecycle.ROLES, "council_member": _("Council member")}
FIELD_LABELS = {
    "status": _("Status"),
    "product_story": _("Product story"),
    "return_reason": _("Reason for returning"),
    "submitted_at": _("Submitted at"),
    "result_mean": _("Mean of members' totals"),
    "result_score": _("Result (of 100)"),
    "result_stars": _("Result (stars)"),
    "certificate": _("Certificate"),
    "sheet": _("Criteria sheet"),
    "kind": pgettext_lazy("ocop review", "Kind of evaluation"),
    "renews": _("Renews the dossier"),
    "answers_carried": _("Answers carried over"),
    "document": _("Document"),
    "title": _("Title"),
    "content_type": _("File type"),
    "size": _("Size (bytes)"),
    "total": _("Total"),
    "stars": _("Stars"),
    "answered": _("Criteria answered"),
    "round": pgettext_lazy("ocop review", "Round"),
    "council": pgettext_lazy("ocop review", "Council"),
    "scorecards": _("Scorecards"),
    "mean": pgettext_lazy("ocop review", "Mean"),
    "score": _("Result (of 100)"),
}
LONG_VALUE = 300


def _value(key: str, value) -> str:
    if value is None or value == "":
        return "—"
    if key == "status" and value in lifecycle.STATUSES:
        return str(lifecycle.STATUSES[value])
    text = str(value)
    return text if len(text) <= LONG_VALUE else text[:LONG_VALUE] + "…"


@dataclass(frozen=True)
class AuditRow:
    when: object
    who: str
    role: str
    action: str
    changes: list = field(default_factory=list)  # [(label, before, after)]
    note: str = ""


def audit_rows(entries) -> list[AuditRow]:
    """The audit trail in words: who (name or e-mail), in which role, what, when, and each value before
    and after."""
    rows = []
    for entry in entries:
        actor = entry.actor
        who = (actor.get_full_name() or actor.email) if actor is not None else "—"
        keys = list(dict.fromkeys([*entry.before, *entry.after]))
        changes = [
            (FIELD_LABELS.get(key, key), _value(key, entry.before.get(key)), _value(key, entry.after.get(key))) for key in keys
        ]
        rows.append(AuditRow(
            when=entry.created_at, who=who, role=str(ROLE_LABELS.get(entry.role, entry.role)),
            action=str(ACTION_LABELS.get(entry.action, entry.action)), changes=changes, note=entry.note,
        ))  # fmt: skip
    return rows


def dossier_steps(*, dossier, roles) -> set[str]:
    """The workflow moves `roles` may make on the dossier now, those needing a result only when the
    dossier's result leads there (evaluation.scoring.outcome)."""
    steps = set()
    for name in lifecycle.transitions_from(dossier.status, roles=roles):
        outcome = lifecycle.TRANSITIONS[name].outcome
        if outcome is None or (dossier.result_score is not None and scoring.outcome(dossier.result_score) == outcome):
            steps.add(name)
    return steps


OUTCOME_TEXT = {
    "central": _("90 points or more: the province sends the dossier to the central council for 5★."),
    "province": _("50 to 89 points: the province issues a 3★ or 4★ certificate."),
    "none": _("Under 50 points: the evaluation ends without a certificate."),
}


@dataclass(frozen=True)
class Result:
    mean: object
    score: int
    stars: int
    outcome: str
    text: str


def result_of(*, mean, score) -> Result | None:
    """A closed round's (or a dossier's) result: whole-point score, band and what follows."""
    if score is None:
        return None
    outcome = scoring.outcome(score)
    return Result(mean, score, scoring.band(score), outcome, str(OUTCOME_TEXT[outcome]))


def scorecard_over_sheet(*, scorecard, sheet, choices: dict[int, int] | None = None) -> SheetScore:
    """A member's scorecard (or the answers it just posted) laid over the dossier's sheet."""
    return sheet_score(sheet=sheet, choices=scorecard_choices(scorecard=scorecard) if choices is None else choices)


def preview_mean(totals: list[int]) -> Result | None:
    """What closing now would give, from the submitted totals the user may already read."""
    if not totals:
        return None
    mean = scoring.mean_of_totals(totals)
    return result_of(mean=mean, score=scoring.result_score(mean))


@dataclass(frozen=True)
class ScorecardRow:
    card: object
    parts: list  # [(part code, points, maximum)]


def scorecard_rows(*, scorecards, part_totals: dict[int, dict[str, int]], sheet) -> list[ScorecardRow]:
    """Readable scorecards (each with its `total`) and their points by part, in the sheet's part order."""
    parts = [(part.code, part.max_points) for part in sheet.parts.order_by("position")]
    return [
        ScorecardRow(card, [(code, part_totals.get(card.pk, {}).get(code, 0), maximum) for code, maximum in parts])
        for card in scorecards
    ]
