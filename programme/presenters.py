"""What the dashboard shows, built once for the screen and both exports: the table's columns, its rows (area, pilot
mark, every indicator, the target), its sort, and how each figure is written. The CSV and XLSX files write the same
rows and columns with the raw numbers behind each displayed figure."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ocop_catalog.money import format_vnd

from .indicators import INDICATORS, Figures, Indicator

TARGET = Indicator("target", _("Target"), "percent", _("The share of OCOP producers to sell online: the pilot's own target, else the programme's."))
PILOT_MARK = Indicator(
    "pilot", _("Pilot"), "text", _("A commune's pilot kinds (TMĐT: e-commerce, NTM TM: smart new-rural); a province's pilot communes.")
)
PILOT_LABELS = {"ecommerce": "TMĐT", "smart": "NTM TM"}
SORTABLE = {indicator.code for indicator in INDICATORS} | {"name", "target"}


def _grouped(number: float, decimals: int) -> str:
    # Vietnamese writing: dot between thousands, comma before decimals (babel is ~20× slower per cell).
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def display(unit: str, value) -> str:
    """A figure as the screen writes it: 1.234 / 66,7 % / 380.000 ₫ / 3,5; "—" when there is none."""
    if value is None:
        return "—"
    if unit == "vnd":
        return format_vnd(value)
    if unit == "percent":
        return f"{_grouped(float(value), 1)} %"
    if unit == "hours":
        return _grouped(float(value), 1)
    if unit == "average":
        text = _grouped(float(value), 2)
        return text.rstrip("0").rstrip(",") if "," in text else text
    if unit == "count":
        return _grouped(int(value), 0)
    return str(value)


def raw(unit: str, value):
    """The number behind a displayed figure, for a spreadsheet (None stays empty)."""
    if value is None or unit == "text":
        return value
    if unit == "vnd":
        return int(value)
    if unit in ("percent", "hours", "average"):
        return float(value)
    return int(value)


@dataclass
class Cell:
    code: str
    unit: str
    value: object

    @property
    def text(self) -> str:
        return display(self.unit, self.value)


@dataclass
class Row:
    key: object
    name: str
    url: str = ""
    pilot: str = ""  # the commune's pilot kinds, or how many pilot communes a province has
    figures: Figures = field(default_factory=Figures)
    target: int | None = None

    def cells(self) -> list[Cell]:
        cells = [Cell("pilot", "text", self.pilot)]
        for indicator in INDICATORS:
            cells.append(Cell(indicator.code, indicator.unit, self.figures.value(indicator.code)))
            if indicator.code == "online_share":
                cells.append(Cell("target", "percent", self.target))
        return cells


def columns() -> list[Indicator]:
    result = [PILOT_MARK]
    for indicator in INDICATORS:
        result.append(indicator)
        if indicator.code == "online_share":
            result.append(TARGET)
    return result


@dataclass(frozen=True)
class Sort:
    code: str = "name"
    descending: bool = False

    @classmethod
    def from_query(cls, query) -> "Sort":
        code = query.get("sort", "name")
        return cls(code=code if code in SORTABLE else "name", descending=query.get("dir") == "desc")

    def apply(self, rows: list[Row]) -> list[Row]:
        if self.code == "name":
            return sorted(rows, key=lambda row: row.name.casefold(), reverse=self.descending)
        value = (lambda row: row.target) if self.code == "target" else (lambda row: row.figures.value(self.code))
        present = [row for row in rows if value(row) is not None]
        missing = [row for row in rows if value(row) is None]
        # Areas without the figure go last either way; ties by name.
        present.sort(key=lambda row: row.name.casefold())
        present.sort(key=value, reverse=self.descending)
        return present + sorted(missing, key=lambda row: row.name.casefold())

    def link_for(self, code: str) -> dict:
        """The sort a column header links to: this column, the other way round when it is already the sort."""
        descending = not self.descending if code == self.code else code != "name"
        return {"sort": code, "dir": "desc" if descending else "asc"}


@dataclass
class Comparison:
    """Pilot communes against the others of the same area: totals and figures per commune."""

    label: str
    communes: int
    figures: Figures

    def cells(self) -> list[Cell]:
        cells = [Cell("communes", "count", self.communes)]
        for indicator in INDICATORS:
            value = self.figures.value(indicator.code)
            if indicator.unit in ("count", "vnd"):
                value = (Decimal(value) / self.communes).quantize(Decimal("0.01")) if self.communes else None
                cells.append(Cell(indicator.code, "average" if indicator.unit == "count" else "vnd", value))
            else:
                cells.append(Cell(indicator.code, indicator.unit, value))
        return cells


def comparison_columns() -> list[Indicator]:
    return [Indicator("communes", _("Communes"), "count", _("Communes in the group."))] + list(INDICATORS)


def period_label(start: datetime.date, end: datetime.date) -> str:
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
