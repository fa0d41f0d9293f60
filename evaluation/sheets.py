"""Criteria sheets as versioned data: the JSON format of evaluation/criteria/*.json, its checks, and
the loader (`manage.py load_ocop_criteria FILE`).

Format (one file per product set; every text in Vietnamese, normalised to NFC on load)::

    {
      "format": 1,
      "code": "thuc-pham-gia-vi-mat-ong",          # the sheet's identity across versions (a slug)
      "name": "Bộ tiêu chí ... ",
      "group": "thuc-pham",                       # one of ocop_catalog.rules.PRODUCT_GROUPS
      "product_sets": ["Gia vị, nước chấm", "Mật ong"],
      "source": "what is paraphrased from where, and what is not confirmed",
      "parts": [                                  # exactly A, B, C in that order
        {"code": "A", "title": "...", "max_points": 40, "sections": [
          {"code": "A1", "title": "...", "criteria": [
            {"code": "A1.1", "text": "...", "options": [
              {"code": "a", "text": "...", "points": 0},
              {"code": "b", "text": "...", "points": 2}]}]}]}]
    }

Checks on load (the whole file is refused, nothing saved, with every problem named): the parts are A
40, B 25, C 35 (evaluation.scoring.PART_MAXIMA — Decision 148/QĐ-TTg); in each part the best options
of its criteria add up to exactly the part's maximum; codes are unique; each criterion has at least
two options, with whole, non-negative points.

Versions: the sheet with the same `code` and the same content (canonical JSON, hashed) as its newest
version is not loaded again; any change makes version n+1. Old versions stay, and a dossier keeps the
version it was filed on.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG
from ocop_catalog.text import nfc

from .models import AnswerOption, CriteriaSheet, Criterion, SheetPart, SheetSection
from .scoring import PART_MAXIMA

FORMAT_VERSION = 1
CRITERIA_DIR = Path(__file__).resolve().parent / "criteria"


def _normalised(value):
    """The document with every string in NFC (the same word may arrive in NFC or NFD)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    return value


def sheet_document_parse(text: str) -> dict:
    """The sheet document of a JSON text, strings in NFC; raises ValidationError on bad JSON."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("Not valid JSON (line %(line)s, column %(column)s): %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from None
    if not isinstance(document, dict):
        raise ValidationError(_("A criteria sheet is a JSON object."))
    return _normalised(document)


def content_hash(document: dict) -> str:
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _text(node: dict, key: str, where: str, errors: list) -> str:
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, str) or not value.strip():
        errors.append(_("%(where)s: “%(key)s” must be a non-empty text.") % {"where": where, "key": key})
        return ""
    return value.strip()


def _list(node: dict, key: str, where: str, errors: list) -> list:
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, list) or not value:
        errors.append(_("%(where)s: “%(key)s” must be a non-empty list.") % {"where": where, "key": key})
        return []
    return value


def sheet_document_check(document: dict) -> None:
    """Refuse a sheet that breaks the format or the decision's maxima; ValidationError names every problem."""
    errors: list[str] = []
    if document.get("format") != FORMAT_VERSION:
        errors.append(_("“format” must be %(version)s.") % {"version": FORMAT_VERSION})
    code = _text(document, "code", _("Sheet"), errors)
    if code and (code != code.lower() or not all(char.isalnum() or char == "-" for char in code) or not code.isascii()):
        errors.append(_("Sheet: “code” must be a slug (lower-case letters, digits and hyphens)."))
    _text(document, "name", _("Sheet"), errors)
    if document.get("group") not in PRODUCT_GROUPS_BY_SLUG:
        errors.append(
            _("Sheet: “group” must be one of %(groups)s.") % {"groups": ", ".join(PRODUCT_GROUPS_BY_SLUG)}
        )
    parts = _list(document, "parts", _("Sheet"), errors)
    part_codes = [part.get("code") if isinstance(part, dict) else None for part in parts]
    if parts and part_codes != list(PART_MAXIMA):
        errors.append(
            _("Sheet: the parts must be %(expected)s in that order, not %(found)s.")
            % {"expected": ", ".join(PART_MAXIMA), "found": ", ".join(str(code) for code in part_codes)}
        )
    seen_sections, seen_criteria = set(), set()
    for part in parts:
        if not isinstance(part, dict) or part.get("code") not in PART_MAXIMA:
            continue
        part_code = part["code"]
        where = _("Part %(part)s") % {"part": part_code}
        _text(part, "title", where, errors)
        maximum = PART_MAXIMA[part_code]
        if part.get("max_points", maximum) != maximum:
            errors.append(
                _("Part %(part)s: its maximum is %(maximum)s points (Decision 148/QĐ-TTg), not %(given)s.")
                % {"part": part_code, "maximum": maximum, "given": part.get("max_points")}
            )
        best_sum = 0
        for section in _list(part, "sections", where, errors):
            section_code = _text(section, "code", where, errors)
            section_where = _("Section %(section)s") % {"section": section_code or "?"}
            if section_code in seen_sections:
                errors.append(_("%(where)s: the code is used twice.") % {"where": section_where})
            seen_sections.add(section_code)
            _text(section, "title", section_where, errors)
            for criterion in _list(section, "criteria", section_where, errors):
                criterion_code = _text(criterion, "code", section_where, errors)
                criterion_where = _("Criterion %(criterion)s") % {"criterion": criterion_code or "?"}
                if criterion_code in seen_criteria:
                    errors.append(_("%(where)s: the code is used twice.") % {"where": criterion_where})
                seen_criteria.add(criterion_code)
                _text(criterion, "text", criterion_where, errors)
                options = _list(criterion, "options", criterion_where, errors)
                if len(options) == 1:
                    errors.append(_("%(where)s: give at least two answer options.") % {"where": criterion_where})
                option_codes, points = set(), []
                for option in options:
                    option_code = _text(option, "code", criterion_where, errors)
                    if option_code in option_codes:
                        errors.append(
                            _("%(where)s: option %(option)s is given twice.")
                            % {"where": criterion_where, "option": option_code}
                        )
                    option_codes.add(option_code)
                    _text(option, "text", criterion_where, errors)
                    value = option.get("points") if isinstance(option, dict) else None
                    if type(value) is not int or value < 0:
                        errors.append(
                            _("%(where)s, option %(option)s: points must be a whole number, 0 or more.")
                            % {"where": criterion_where, "option": option_code or "?"}
                        )
                    else:
                        points.append(value)
                best_sum += max(points, default=0)
        if best_sum != maximum:
            errors.append(
                _("Part %(part)s: the best options add up to %(sum)s points; they must add up to exactly %(maximum)s.")
                % {"part": part_code, "sum": best_sum, "maximum": maximum}
            )
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class SheetLoadResult:
    sheet: CriteriaSheet
    created: bool


@transaction.atomic
def criteria_sheet_load(
    *, document: dict, loaded_from: str = "", progress: Callable[[str], None] | None = None
) -> SheetLoadResult:
    """Store a sheet document as the newest version of its code, unless that version has the same content.

    Idempotent: the same content twice makes one version. Raises ValidationError (nothing saved) when the
    document breaks the format or the part maxima.
    """
    document = _normalised(document)
    sheet_document_check(document)
    digest = content_hash(document)
    # Locks the newest version, so two loads of a changed sheet make one new version, not two.
    newest = CriteriaSheet.objects.select_for_update().filter(code=document["code"]).order_by("-version").first()
    if newest is not None and newest.content_hash == digest:
        return SheetLoadResult(sheet=newest, created=False)
    sheet = CriteriaSheet(
        code=document["code"],
        version=(newest.version + 1) if newest else 1,
        name=document["name"].strip(),
        group=document["group"],
        product_sets=[str(item) for item in document.get("product_sets", [])],
        source=str(document.get("source", "")),
        content_hash=digest,
        loaded_from=loaded_from[:255],
    )
    sheet.full_clean()
    sheet.save()
    criterion_position = 0
    for part_position, part_data in enumerate(document["parts"]):
        part = SheetPart.objects.create(
            sheet=sheet, code=part_data["code"], title=part_data["title"].strip(),
            max_points=PART_MAXIMA[part_data["code"]], position=part_position,
        )  # fmt: skip
        for section_position, section_data in enumerate(part_data["sections"]):
            section = SheetSection.objects.create(
                part=part, code=section_data["code"].strip(), title=section_data["title"].strip(),
                position=section_position,
            )  # fmt: skip
            for criterion_data in section_data["criteria"]:
                criterion = Criterion.objects.create(
                    sheet=sheet, section=section, code=criterion_data["code"].strip(), text=criterion_data["text"].strip(),
                    max_points=max(option["points"] for option in criterion_data["options"]),
                    position=criterion_position,
                )  # fmt: skip
                criterion_position += 1
                AnswerOption.objects.bulk_create(
                    AnswerOption(
                        criterion=criterion,
                        code=option["code"].strip(),
                        text=option["text"].strip(),
                        points=option["points"],
                        position=position,
                    )
                    for position, option in enumerate(criterion_data["options"])
                )
        if progress:
            progress(part.code)
    return SheetLoadResult(sheet=sheet, created=True)


def criteria_sheet_load_file(
    *, path: Path, progress: Callable[[str], None] | None = None
) -> SheetLoadResult:
    """Load one sheet file (see the module's docstring for its format)."""
    path = Path(path)
    return criteria_sheet_load(
        document=sheet_document_parse(path.read_text(encoding="utf-8")), loaded_from=path.name, progress=progress
    )


def shipped_sheet_files() -> list[Path]:
    """The sheets shipped with the project (evaluation/criteria/*.json), in name order."""
    return sorted(CRITERIA_DIR.glob("*.json"))
