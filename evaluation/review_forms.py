"""Forms of the reviewers' pages (/ocop/tham-dinh/): each parses what a page posts and says clearly what
is wrong; the services (evaluation.services) decide whether the move is allowed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ocop_catalog.text import has_control_characters, nfc

from . import scoring
from .services import MAX_REASON_CHARS

# The browser's date picker posts ISO dates; a typed Vietnamese date (dd/mm/yyyy) is accepted too.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
FOUR_STAR_LOW, FOUR_STAR_HIGH = scoring.STAR_BANDS[4]


class _TextMixin:
    def _text(self, name: str, *, multiline: bool) -> str:
        value = nfc(self.cleaned_data.get(name) or "").strip()
        if has_control_characters(value, allowed="\n\r\t" if multiline else ""):
            raise forms.ValidationError(_("Remove the control characters from this text."))
        if not value:
            raise forms.ValidationError(_("This field is required."))
        return value


class ReasonForm(_TextMixin, forms.Form):
    """Sending a dossier back: the reason is required and shown to the producer."""

    reason = forms.CharField(
        label=_("Reason"), max_length=MAX_REASON_CHARS, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The producer reads it: say what to correct or add."),
    )  # fmt: skip

    def clean_reason(self):
        return self._text("reason", multiline=True)


class CertificateForm(_TextMixin, forms.Form):
    """Issuing (province, 3★/4★) or recognising (central, 5★) a certificate: its number and date."""

    number = forms.CharField(
        label=_("Certificate number"), max_length=100, help_text=_("As on the issuing decision, e.g. 123/QĐ-UBND.")
    )
    issued_on = forms.DateField(
        label=_("Issued on"), input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"issued_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean_number(self):
        return self._text("number", multiline=False)

    def clean_issued_on(self):
        issued_on = self.cleaned_data["issued_on"]
        if issued_on > timezone.localdate():
            raise forms.ValidationError(_("A certificate cannot be issued on a future date."))
        return issued_on


class FourStarForm(ReasonForm):
    """The central council does not recognise 5★: a 4★ result and why."""

    score = forms.IntegerField(label=_("4★ result (points)"), min_value=FOUR_STAR_LOW, max_value=FOUR_STAR_HIGH)
    field_order = ["score", "reason"]
