"""What the dossier pages show, shaped once from selectors (so views stay thin)."""

from dataclasses import dataclass

from . import lifecycle, scoring
from .selectors import scorecard_choices, self_assessment, sheet_structure


@dataclass(frozen=True)
class PartScore:
    code: str
    title: str
    points: int
    max_points: int
    sections: list


@dataclass(frozen=True)
class SheetScore:
    """A scorecard laid over its sheet: every part with its sections, criteria, options and the chosen
    option, each part's points, the total, the star band and how many criteria are still unanswered."""

    parts: list[PartScore]
    total: int
    stars: int
    outcome: str
    unanswered: int


def sheet_score(*, sheet, choices: dict[int, int]) -> SheetScore:
    parts, total, unanswered = [], 0, 0
    for part in sheet_structure(sheet=sheet):
        points, sections = 0, []
        for section in part.sections.all():
            rows = []
            for criterion in section.criteria.all():
                options = list(criterion.options.all())
                chosen = next((option for option in options if option.pk == choices.get(criterion.pk)), None)
                points += chosen.points if chosen else 0
                unanswered += chosen is None
                rows.append({"criterion": criterion, "options": options, "chosen": chosen})
            sections.append({"section": section, "criteria": rows})
        parts.append(PartScore(part.code, part.title, points, part.max_points, sections))
        total += points
    return SheetScore(parts, total, scoring.band(total), scoring.outcome(total), unanswered)


def dossier_self_assessment(*, dossier) -> SheetScore:
    return sheet_score(sheet=dossier.sheet, choices=scorecard_choices(scorecard=self_assessment(dossier=dossier)))


def status_label(status: str) -> str:
    return str(lifecycle.STATUSES[status])
