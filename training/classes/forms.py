import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ocop_catalog.models import Commune
from ocop_catalog.phones import MOBILE_RE, normalise_phone
from ocop_catalog.text import has_control_characters

from .models import Role


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(
        label=_("Mobile phone"), max_length=20, widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
    )
    email = forms.EmailField(label=_("E-mail (optional, for the confirmation and the reminder)"), required=False)
    commune = forms.ModelChoiceField(label=_("Your commune or ward"), queryset=Commune.objects.none(), empty_label=_("Choose…"))
    role = forms.ChoiceField(label=_("You are"), choices=Role.choices)

    def __init__(self, *args, training_class, **kwargs):
        super().__init__(*args, **kwargs)
        # The organising province's communes: a short list a phone can scroll.
        self.fields["commune"].queryset = Commune.objects.filter(province_id=training_class.province_id).order_by("name")
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_name(self):
        name = unicodedata.normalize("NFC", self.cleaned_data["name"]).strip()
        if has_control_characters(name):
            raise ValidationError(_("Write your name on one line."), code="single_line")
        if not name:
            raise ValidationError(_("Enter your name."), code="required")
        return name

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if not MOBILE_RE.match(phone):
            raise ValidationError(_("Enter a Vietnamese mobile number, e.g. 0912 345 678."), code="phone")
        return phone
