"""Forms of the OCOP catalogue's own actions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CertificateRevokeForm(forms.Form):
    """Staff revoke a certificate: the decision's reason and date (the service checks them against the certificate)."""

    reason = forms.CharField(label=_("Reason for revocation"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    revoked_on = forms.DateField(label=_("Revoked on"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}))
