"""The one checkout form: contact, delivery address (2025 localities) and payment method."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_catalog.text import nfc
from payments import methods
from sellers.forms import LocalityFieldsMixin
from sellers.validators import normalise_phone, validate_vietnamese_mobile

from .addresses import delivery_commune


class CheckoutForm(LocalityFieldsMixin, forms.Form):
    """Everyone gives the recipient, a Vietnamese mobile the courier calls, the street, the province and the
    commune; a guest may add an e-mail for the confirmation, or none: the order number and the mobile number
    find the order again (checkout:order-lookup). The commune choices follow the province: a small script
    fetches them (static/js/communes.js, /api/ocop/communes/), and without JavaScript the "Show communes"
    button reloads the form."""

    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("For the order confirmation. Without one, find your order with its number and your mobile number."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    name = forms.CharField(label=_("Recipient's full name"), max_length=128, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(
        label=_("Mobile phone"), max_length=20, validators=[validate_vietnamese_mobile],
        help_text=_("The courier calls this number."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "placeholder": "0912 345 678"}),
    )  # fmt: skip
    street = forms.CharField(
        label=_("House number, street, hamlet"), max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )  # fmt: skip
    province = forms.ChoiceField(label=_("Province or city"))
    commune = forms.ChoiceField(label=_("Commune or ward"))
    note = forms.CharField(label=_("Note for the courier"), max_length=255, required=False)
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(self, *args, user=None, payment_methods=(methods.COD,), **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_locality()
        if user is not None and user.is_authenticated:
            del self.fields["email"]
        self.fields["payment_method"].choices = [(code, methods.LABELS[code]) for code in payment_methods]
        self.fields["payment_method"].initial = methods.COD
        self.payment_help = {code: methods.HELP[code] for code in payment_methods}

    def clean_name(self):
        return nfc(self.cleaned_data["name"])

    def clean_street(self):
        return nfc(self.cleaned_data["street"])

    def clean_note(self):
        return nfc(self.cleaned_data.get("note", ""))

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_commune(self):
        code = self.cleaned_data.get("commune")
        commune = delivery_commune(code) if code else None
        if commune is None or commune.province_id != self.data.get("province"):
            raise forms.ValidationError(_("Choose the commune or ward of the delivery address."))
        return commune

    def details(self) -> dict:
        """What the checkout session keeps (plain values, JSON-serialisable)."""
        data = self.cleaned_data
        return {
            "email": data.get("email", ""), "name": data["name"], "phone": data["phone"], "street": data["street"],
            "province": data["commune"].province_id, "commune": data["commune"].code, "note": data["note"],
            "payment_method": data["payment_method"],
        }  # fmt: skip
