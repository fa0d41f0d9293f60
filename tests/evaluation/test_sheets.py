"""Criteria sheets: the shipped files load, a sheet that cannot reach the decision's maxima is refused,
loading is idempotent and a changed sheet becomes a new version that old dossiers do not follow."""

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from evaluation.models import AnswerOption, CriteriaSheet, Criterion, SheetPart
from evaluation.selectors import sheet_current, sheet_structure, sheets_current
from evaluation.sheets import (
    criteria_sheet_load,
    sheet_document_parse,
    shipped_sheet_files,
)

pytestmark = pytest.mark.django_db


def shipped(name="thuc-pham-gia-vi-mat-ong.json") -> dict:
    path = next(path for path in shipped_sheet_files() if path.name == name)
    return sheet_document_parse(path.read_text(encoding="utf-8"))


def test_three_sheets_ship_for_three_different_product_groups():
    groups = {shipped(path.name)["group"] for path in shipped_sheet_files()}
    assert {"thuc-pham", "do-uong", "thu-cong-my-nghe"} <= groups


@pytest.mark.parametrize("path", shipped_sheet_files(), ids=lambda path: path.name)
def test_each_shipped_sheet_loads_with_parts_a40_b25_c35_reachable_exactly(path):
    sheet = criteria_sheet_load(document=shipped(path.name)).sheet
    parts = sheet_structure(sheet=sheet)
    assert [(part.code, part.max_points) for part in parts] == [("A", 40), ("B", 25), ("C", 35)]
    for part in parts:
        best = sum(max(option.points for option in criterion.options.all()) for section in part.sections.all()
                   for criterion in section.criteria.all())  # fmt: skip
        assert best == part.max_points
    assert "148/QĐ-TTg" in sheet.source


def test_loading_the_same_sheet_twice_makes_one_version():
    first = criteria_sheet_load(document=shipped())
    again = criteria_sheet_load(document=shipped())
    assert first.created and not again.created
    assert again.sheet == first.sheet
    assert CriteriaSheet.objects.filter(code=first.sheet.code).count() == 1
    assert Criterion.objects.filter(sheet=first.sheet).count() == Criterion.objects.count()


def test_the_same_content_in_nfd_is_the_same_sheet():
    import unicodedata

    document = shipped()
    criteria_sheet_load(document=document)
    nfd = json.loads(unicodedata.normalize("NFD", json.dumps(document, ensure_ascii=False)))
    assert not criteria_sheet_load(document=nfd).created


def test_a_changed_sheet_becomes_a_new_version_and_the_old_one_is_kept():
    first = criteria_sheet_load(document=shipped()).sheet
    changed = shipped()
    changed["parts"][1]["sections"][1]["criteria"][0]["text"] = "Câu chuyện sản phẩm (diễn đạt lại)"
    second = criteria_sheet_load(document=changed).sheet
    assert (first.version, second.version) == (1, 2)
    assert sheet_current(code=first.code) == second
    assert CriteriaSheet.objects.filter(pk=first.pk).exists()
    assert Criterion.objects.get(sheet=first, code="B2.1").text == "Câu chuyện về sản phẩm"
    assert [sheet.version for sheet in sheets_current()] == [2]


def _with_points(document, criterion_code, option_code, points):
    document = copy.deepcopy(document)
    for part in document["parts"]:
        for section in part["sections"]:
            for criterion in section["criteria"]:
                if criterion["code"] == criterion_code:
                    for option in criterion["options"]:
                        if option["code"] == option_code:
                            option["points"] = points
    return document


def test_a_sheet_whose_best_options_miss_a_parts_maximum_is_refused_naming_the_part_and_sum():
    # B1.1's best option is worth 5: at 4, part B can reach only 24 of its 25 points.
    document = _with_points(shipped(), "B1.1", "d", 4)
    with pytest.raises(ValidationError) as error:
        criteria_sheet_load(document=document)
    assert any("B" in message and "24" in message and "25" in message for message in error.value.messages)
    assert not CriteriaSheet.objects.exists() and not AnswerOption.objects.exists()


def test_a_sheet_that_overshoots_a_part_is_refused_too():
    document = _with_points(shipped(), "C3.1", "c", 7)
    with pytest.raises(ValidationError) as error:
        criteria_sheet_load(document=document)
    assert any("C" in message and "37" in message and "35" in message for message in error.value.messages)


def test_a_sheet_with_the_old_1048_maxima_is_refused():
    document = shipped()
    document["parts"][0]["max_points"] = 35
    with pytest.raises(ValidationError) as error:
        criteria_sheet_load(document=document)
    assert any("40" in message and "35" in message for message in error.value.messages)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda document: document["parts"].pop(), "A, B, C"),
        (lambda document: document.update(group="rau-cu"), "group"),
        (lambda document: document["parts"][0]["sections"][0]["criteria"][1].update(code="A1.1"), "A1.1"),
        (lambda document: document["parts"][0]["sections"][0]["criteria"][0].update(
            options=[{"code": "a", "text": "Có", "points": 4}]), "two answer options"),
        (lambda document: document["parts"][0]["sections"][0]["criteria"][0]["options"][0].update(points=1.5),
         "whole number"),
    ],
    ids=["missing-part", "unknown-group", "duplicate-code", "single-option", "fractional-points"],
)
def test_malformed_sheets_are_refused_with_a_reason(change, expected):
    document = shipped()
    change(document)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        criteria_sheet_load(document=document)
    assert any(expected in message for message in error.value.messages), error.value.messages
    assert not SheetPart.objects.exists()


def test_command_loads_each_shipped_sheet_once_and_reports_progress(capsys):
    call_command("load_ocop_criteria")
    first = capsys.readouterr().out
    call_command("load_ocop_criteria", *[str(path) for path in shipped_sheet_files()])
    second = capsys.readouterr().out
    assert first.count("v1 loaded") == 3 and "A B C" in first
    assert second.count("v1 unchanged") == 3
    assert CriteriaSheet.objects.count() == 3


def test_command_refuses_a_bad_file_and_says_why(tmp_path, capsys):
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps(_with_points(shipped(), "B1.1", "d", 4), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_ocop_criteria", str(bad))
    assert "24" in capsys.readouterr().err
    assert not CriteriaSheet.objects.exists()


def test_command_refuses_a_file_that_is_not_json(tmp_path):
    bad = tmp_path / "hong.json"
    bad.write_text("{ không phải json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_ocop_criteria", str(bad), verbosity=0)
