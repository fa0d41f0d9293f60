from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .indicators import Period

PERIOD_DAYS = {"30": 30, "90": 90, "365": 365}
MAX_DAYS = 3 * 366


class PeriodForm(forms.Form):
    """The period of the figures: the last 30, 90 or 365 days, or from–to (both ends included)."""

    period = forms.ChoiceField(
        label=_("Period"), required=False,
        choices=[("30", _("Last 30 days")), ("90", _("Last 90 days")), ("365", _("Last 365 days")), ("custom", _("From – to"))],
    )  # fmt: skip
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("period") == "custom" or (not data.get("period") and (data.get("start") or data.get("end"))):
            start, end = data.get("start"), data.get("end") or timezone.localdate()
            if start is None:
                raise forms.ValidationError(_("Choose the first day of the period."))
            if start > end:
                raise forms.ValidationError(_("The period must start before it ends."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of at most three years."))
            data["period"] = "custom"
            data["end"] = end
        return data

    def period_value(self) -> Period:
        """The chosen period; the last 30 days when nothing, or nothing valid, was chosen."""
        if not self.is_valid():
            return Period.last_days(30)
        data = self.cleaned_data
        if data.get("period") == "custom":
            return Period(start=data["start"], end=data["end"])
        return Period.last_days(PERIOD_DAYS.get(data.get("period") or "30", 30))
