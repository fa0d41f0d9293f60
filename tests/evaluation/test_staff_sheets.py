"""Criteria sheets on the programme staff dashboard: listed with their versions; an edit (the sheet as its JSON
data format) saved is a new version while dossiers keep theirs; a sheet whose parts miss 40/25/35 is refused
with the loader's own message, nothing saved; preview saves nothing; only staff allowed to edit sheets may."""

import json

import pytest
from django.urls import reverse

from evaluation import services
from evaluation.models import AnswerOption, CriteriaSheet
from evaluation.staff_selectors import sheet_document
from tests.evaluation.conftest import make_seller
from tests.evaluation.test_staff_dashboard import make_staff
from tests.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, localities, sheets):
    client.force_login(make_staff(edit_sheets=True))
    return client


def edit_url(sheet):
    return reverse("evaluation-staff:sheet-edit", args=[sheet.pk])


def test_the_sheets_are_listed_with_their_versions(editor_client, sheets):
    page = editor_client.get(reverse("evaluation-staff:sheet-list")).content.decode()
    for sheet in sheets.values():
        assert sheet.name in page and f'data-testid="sheet-{sheet.code}"' in page
    detail = editor_client.get(reverse("evaluation-staff:sheet-detail", args=[sheets["do-uong-che"].pk])).content.decode()
    first = AnswerOption.objects.filter(criterion__sheet=sheets["do-uong-che"]).order_by("criterion__position", "position").first()
    assert first.text in detail


def test_an_edit_is_saved_as_a_new_version_and_a_dossier_keeps_its_own(editor_client, sheet):
    seller, user = make_seller()
    dossier = services.dossier_create(seller=seller, product=make_product(producer=seller.partner), sheet=sheet, by=user)
    document = sheet_document(sheet=sheet)
    criterion = document["parts"][0]["sections"][0]["criteria"][0]
    criterion["text"] = "Tiêu chí đã sửa bởi cán bộ chương trình"
    criterion["options"][0]["text"] = "Chưa có (đã sửa)"

    response = editor_client.post(edit_url(sheet), {"document": json.dumps(document, ensure_ascii=False), "action": "save"}, follow=True)

    versions = list(CriteriaSheet.objects.filter(code=sheet.code).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    new = versions[1]
    assert response.redirect_chain[-1][0] == reverse("evaluation-staff:sheet-detail", args=[new.pk])
    assert new.criteria.filter(text="Tiêu chí đã sửa bởi cán bộ chương trình").exists()
    assert not sheet.criteria.filter(text="Tiêu chí đã sửa bởi cán bộ chương trình").exists()  # the old one stays as it was
    dossier.refresh_from_db()
    assert dossier.sheet_id == sheet.pk
    assert "dashboard:" in new.loaded_from
    assert "Tiêu chí đã sửa bởi cán bộ chương trình" in response.content.decode()


def test_saving_an_unchanged_sheet_makes_no_version(editor_client, sheet):
    text = editor_client.get(edit_url(sheet)).context["form"]["document"].value()
    editor_client.post(edit_url(sheet), {"document": text, "action": "save"})
    assert CriteriaSheet.objects.filter(code=sheet.code).count() == 1


def test_a_sheet_whose_part_misses_its_maximum_is_refused_and_nothing_is_saved(editor_client, sheet):
    document = sheet_document(sheet=sheet)
    options = document["parts"][0]["sections"][0]["criteria"][0]["options"]
    best = max(options, key=lambda option: option["points"])
    best["points"] -= 1  # part A's best answers now add up to 39

    response = editor_client.post(edit_url(sheet), {"document": json.dumps(document, ensure_ascii=False), "action": "save"})

    assert response.status_code == 200
    assert CriteriaSheet.objects.filter(code=sheet.code).count() == 1
    errors = " ".join(response.context["form"].errors["document"])
    assert "39" in errors and "40" in errors
    assert 'data-testid="sheet-errors"' in response.content.decode()
    # The staff's text is kept in the form to fix, not lost.
    assert json.loads(response.context["form"]["document"].value())["parts"][0]["sections"][0]["criteria"][0]["options"]


@pytest.mark.parametrize(
    "text, message_part",
    [
        ("{not json", "JSON"),
        ("[1, 2]", "JSON"),
        ('{"format": 1, "code": "another-sheet"}', "another-sheet"),
    ],
)
def test_broken_or_foreign_sheets_are_refused_with_a_clear_error(editor_client, sheet, text, message_part):
    response = editor_client.post(edit_url(sheet), {"document": text, "action": "save"})
    assert response.status_code == 200
    assert CriteriaSheet.objects.count() == 3
    errors = " ".join(response.context["form"].errors["document"])
    assert message_part in errors or sheet.code in errors


def test_preview_lays_out_the_edited_sheet_and_saves_nothing(editor_client, sheet):
    document = sheet_document(sheet=sheet)
    document["parts"][1]["title"] = "Năng lực tiếp thị (bản xem trước)"
    response = editor_client.post(edit_url(sheet), {"document": json.dumps(document, ensure_ascii=False), "action": "preview"})
    page = response.content.decode()
    assert "Năng lực tiếp thị (bản xem trước)" in page
    assert [part["best"] for part in response.context["preview"]] == [40, 25, 35]
    assert CriteriaSheet.objects.filter(code=sheet.code).count() == 1


def test_staff_who_may_only_read_cannot_edit_a_sheet(client, sheet):
    client.force_login(make_staff(edit_sheets=False))
    assert client.get(reverse("evaluation-staff:sheet-detail", args=[sheet.pk])).status_code == 200
    assert client.get(edit_url(sheet)).status_code == 403
    document = json.dumps(sheet_document(sheet=sheet) | {"name": "Đổi tên"}, ensure_ascii=False)
    assert client.post(edit_url(sheet), {"document": document, "action": "save"}).status_code == 403
    assert CriteriaSheet.objects.filter(code=sheet.code).count() == 1
