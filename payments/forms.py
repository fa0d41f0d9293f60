from django import forms
from django.utils.translation import gettext_lazy as _


class TransferForm(forms.Form):
    reference = forms.CharField(label=_("Bank transaction reference"), max_length=128, required=False)


class CardRefundForm(forms.Form):
    part = forms.TypedChoiceField(label=_("Seller's part"), coerce=int)
    amount = forms.DecimalField(label=_("Amount (₫)"), min_value=1, max_digits=12, decimal_places=0)
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [(part.pk, f"{part.partner.name} ({part.get_status_display()})") for part in parts]
