"""Forms of the programme staff dashboard: the dossier list's filters, and the criteria sheet editor."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ocop_catalog.rules import PRODUCT_GROUPS

from . import lifecycle
from .sheets import sheet_document_check, sheet_document_parse
from .staff_selectors import NO_RESULT, DossierFilters

MAX_SHEET_CHARS = 300_000


class DossierFilterForm(forms.Form):
    """The list's filters, from the query string. A value that is not offered is ignored (never an error page)."""

    tinh = forms.ChoiceField(label=_("Province"), required=False)
    nhom = forms.ChoiceField(
        label=_("Product group"), required=False,
        choices=[("", _("All groups"))] + [(group.slug, group.label) for group in PRODUCT_GROUPS],
    )  # fmt: skip
    sao = forms.ChoiceField(
        label=_("Star result"), required=False,
        choices=[("", _("Any result")), (NO_RESULT, _("No result yet"))] + [(str(n), f"{n}★") for n in range(5, 0, -1)],
    )  # fmt: skip
    trang_thai = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states"))] + list(lifecycle.STATUSES.items())
    )
    qua_han = forms.BooleanField(label=_("Overdue steps only"), required=False)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tinh"].choices = [("", _("All provinces"))] + [(p.code, p.short_name) for p in provinces]

    def filters(self) -> DossierFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return DossierFilters(
            province=data.get("tinh") or "", group=data.get("nhom") or "", stars=data.get("sao") or "",
            status=data.get("trang_thai") or "", overdue=bool(data.get("qua_han")),
        )  # fmt: skip


class SheetEditForm(forms.Form):
    """A sheet edited as its JSON data format (evaluation.sheets). Checked by the loader's own rules —
    sheet_document_check, the same that refuses a file on `load_ocop_criteria` — and the sheet's code may not
    change (a new code would be another sheet, not a new version of this one)."""

    document = forms.CharField(
        label=_("The sheet (JSON data format)"), max_length=MAX_SHEET_CHARS, strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "font-monospace"}),
    )  # fmt: skip

    def __init__(self, *args, code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.code = code

    def clean_document(self) -> dict:
        document = sheet_document_parse(self.cleaned_data["document"])
        if document.get("code") != self.code:
            raise ValidationError(
                _("Keep the sheet's code “%(code)s”: a different code would be a different sheet.") % {"code": self.code}
            )
        sheet_document_check(document)
        return document
