import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ocop_catalog.models import Commune
from ocop_catalog.phones import MOBILE_RE, normalise_phone
from ocop_catalog.selectors import commune_choices, province_choices
from ocop_catalog.text import has_control_characters

from .codes import code_parse


class LearnerForm(forms.Form):
    """Name, mobile phone and commune: all a visitor gives to take a course (the phone is optional once signed
    in). The communes follow the province as in the checkout: static/js/communes.js fills them in place from
    /api/ocop/communes/, and without JavaScript the "Show communes" button reloads the form."""

    name = forms.CharField(label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(
        label=_("Mobile phone"), max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "placeholder": "0912 345 678"}),
    )  # fmt: skip
    province = forms.ChoiceField(label=_("Province or city"))
    commune = forms.ChoiceField(label=_("Commune or ward"))

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            self.fields["phone"].required = False
        self.fields["province"].choices = [("", _("Choose a province")), *province_choices()]
        self.fields["province"].widget.attrs["data-communes-for"] = "id_commune"
        province = self.data.get("province") if self.is_bound else self.initial.get("province")
        communes = commune_choices(province_code=province) if isinstance(province, str) and province else []
        self.fields["commune"].choices = [("", _("Choose a commune"))] + [(choice.code, choice.name) for choice in communes]

    def clean_name(self):
        name = unicodedata.normalize("NFC", self.cleaned_data["name"]).strip()
        if has_control_characters(name):
            raise ValidationError(_("Write your name on one line."), code="single_line")
        if not name:
            raise ValidationError(_("Enter your name."), code="required")
        return name

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data.get("phone", ""))
        if phone and not MOBILE_RE.match(phone):
            raise ValidationError(_("Enter a Vietnamese mobile number, e.g. 0912 345 678."), code="phone")
        return phone

    def clean_commune(self):
        code = self.cleaned_data.get("commune")
        commune = Commune.objects.filter(code=code).first() if code else None
        if commune is None or commune.province_id != self.data.get("province"):
            raise ValidationError(_("Choose your commune or ward."), code="commune")
        return commune


class VerifyForm(forms.Form):
    ma = forms.CharField(
        label=_("Verification code"), max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "placeholder": "ABCDE-12345"}),
    )  # fmt: skip

    def clean_ma(self):
        code = code_parse(self.cleaned_data["ma"])
        if code is None:
            raise ValidationError(_("A code has 10 letters and digits, like ABCDE-12345."), code="format")
        return code
