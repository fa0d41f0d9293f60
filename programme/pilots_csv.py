"""Pilot designations from a CSV file: each row names a commune either by its 2025 code or as the decision named
it before the 2025 reform (commune, district, province), which the locality package converts to its 2025 commune.

Columns (header row required; lines starting with # are comments):
    kind                      ecommerce | smart
    commune_code              the 2025 commune code; blank to convert the old name below
    old_commune, old_district, old_province   the unit as the decision named it (kept beside the new code)
    batch, decision_number, decision_date (YYYY-MM-DD), decided_by, starts_on (YYYY-MM-DD), ends_on
    target_online_percent, target_producers_online, target_orders_per_month, target_revenue_vnd, note
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from ocop_catalog.models import Commune
from ocop_catalog.text import nfc

from .models import Pilot
from .services import pilot_save

REQUIRED_COLUMNS = {"kind", "commune_code", "old_commune", "old_district", "old_province", "starts_on"}
OPTIONAL_COLUMNS = {
    "batch", "decision_number", "decision_date", "decided_by", "ends_on", "target_online_percent",
    "target_producers_online", "target_orders_per_month", "target_revenue_vnd", "note",
}  # fmt: skip


class PilotFileError(Exception):
    """The file cannot be loaded; `errors` lists (line number, message), nothing was saved."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__("; ".join(f"line {line}: {message}" for line, message in errors))
        self.errors = errors


@dataclass
class PilotRow:
    line: int
    kind: str
    commune: Commune
    old_name: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


def old_commune_to_2025(*, commune: str, district: str, province: str) -> str | None:
    """The 2025 commune code the locality package gives for a pre-2025 commune (an old commune split between
    several new ones goes to the one holding its centre); None when it finds no commune, only a province."""
    from vietnamadminunits import convert_address

    unit = convert_address(", ".join(part for part in (commune, district, province) if part))
    return unit.ward_code.zfill(5) if unit.ward_code else None


def _date(value: str, column: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column}: {value!r} is not a date (YYYY-MM-DD)") from None


def _whole(value: str, column: str):
    if not value:
        return None
    try:
        number = Decimal(value.replace(".", "").replace(" ", "")) if column == "target_revenue_vnd" else int(value)
    except (ValueError, InvalidOperation):
        raise ValueError(f"{column}: {value!r} is not a whole number") from None
    if number < 0:
        raise ValueError(f"{column}: {value!r} is negative")
    return number


def pilot_rows_parse(text: str) -> list[PilotRow]:
    """Read and check every row; raises PilotFileError listing every bad line (numbered as in the file)."""
    lines = [(number, line) for number, line in enumerate(nfc(text).lstrip("\ufeff").splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise PilotFileError([(1, "the file has no header row")])
    reader = csv.reader(io.StringIO("\n".join(line for _number, line in lines)))
    rows = list(reader)
    header = [column.strip() for column in rows[0]]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise PilotFileError([(lines[0][0], f"missing columns: {', '.join(sorted(missing))}")])
    unknown = set(header) - REQUIRED_COLUMNS - OPTIONAL_COLUMNS
    if unknown:
        raise PilotFileError([(lines[0][0], f"unknown columns: {', '.join(sorted(unknown))}")])
    communes = {commune.code: commune for commune in Commune.objects.select_related("province")}
    if not communes:
        raise PilotFileError([(lines[0][0], "no communes loaded: run load_localities first")])
    errors, parsed, seen = [], [], {}
    for (number, _line), cells in zip(lines[1:], rows[1:], strict=True):
        record = {column: (cells[i].strip() if i < len(cells) else "") for i, column in enumerate(header)}
        try:
            parsed.append(_row(number, record, communes))
        except ValueError as error:
            errors.append((number, str(error)))
            continue
        key = (parsed[-1].commune.code, parsed[-1].kind)
        if key in seen:
            errors.append((number, f"the same commune and kind as line {seen[key]}"))
        seen.setdefault(key, number)
    if errors:
        raise PilotFileError(errors)
    return parsed


def _row(number: int, record: dict, communes: dict) -> PilotRow:
    kind = record["kind"].lower()
    if kind not in Pilot.Kind.values:
        raise ValueError(f"kind: {record['kind']!r} is not one of {', '.join(Pilot.Kind.values)}")
    old_parts = (record["old_commune"], record["old_district"], record["old_province"])
    old_name = ", ".join(part for part in old_parts if part)
    code = record["commune_code"]
    if code:
        code = code.zfill(5)
        if code not in communes:
            raise ValueError(f"commune_code: no 2025 commune has the code {record['commune_code']!r}")
    elif record["old_commune"] and record["old_province"]:
        code = old_commune_to_2025(commune=old_parts[0], district=old_parts[1], province=old_parts[2])
        if code is None or code not in communes:
            raise ValueError(f"{old_name!r}: the locality package finds no 2025 commune for it; give commune_code")
    else:
        raise ValueError("give commune_code, or old_commune with old_province (and old_district)")
    if not record["starts_on"]:
        raise ValueError("starts_on is required")
    values = {
        "batch": record.get("batch", ""),
        "decision_number": record.get("decision_number", ""),
        "decision_date": _date(record.get("decision_date", ""), "decision_date"),
        "decided_by": record.get("decided_by", ""),
        "starts_on": _date(record["starts_on"], "starts_on"),
        "ends_on": _date(record.get("ends_on", ""), "ends_on"),
        "target_online_percent": _whole(record.get("target_online_percent", ""), "target_online_percent"),
        "target_producers_online": _whole(record.get("target_producers_online", ""), "target_producers_online"),
        "target_orders_per_month": _whole(record.get("target_orders_per_month", ""), "target_orders_per_month"),
        "target_revenue_vnd": _whole(record.get("target_revenue_vnd", ""), "target_revenue_vnd"),
        "note": record.get("note", ""),
    }
    return PilotRow(line=number, kind=kind, commune=communes[code], old_name=old_name, values=values)


def pilots_load(*, text: str, progress=None) -> LoadResult:
    """Create or update one designation per row, keyed by (commune, kind): loading the same file twice changes
    nothing. All or nothing: a bad row (PilotFileError, ValidationError with its line) saves no row."""
    rows = pilot_rows_parse(text)
    existing = {(pilot.commune_id, pilot.kind): pilot for pilot in Pilot.objects.all()}
    created = updated = unchanged = 0
    with transaction.atomic():
        for index, row in enumerate(rows, start=1):
            pilot = existing.get((row.commune.code, row.kind))
            wanted = {**row.values, "old_name": row.old_name}
            if pilot is not None and all(getattr(pilot, name) == value for name, value in wanted.items()):
                unchanged += 1
            else:
                is_new = pilot is None
                pilot = pilot or Pilot(commune=row.commune, kind=row.kind)
                for name, value in wanted.items():
                    setattr(pilot, name, value)
                try:
                    pilot_save(pilot=pilot)
                except ValidationError as error:
                    raise PilotFileError([(row.line, "; ".join(error.messages))]) from None
                created, updated = created + is_new, updated + (not is_new)
            if progress:
                progress(index, len(rows), row)
    return LoadResult(created=created, updated=updated, unchanged=unchanged)
