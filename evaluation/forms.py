"""Forms of the seller's dossier pages: each parses what a page posts; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CriteriaSheet


class DossierCreateForm(forms.Form):
    product = forms.ModelChoiceField(label=_("Product"), queryset=None)
    sheet = forms.ModelChoiceField(label=_("Criteria sheet"), queryset=None)
    renewal = forms.BooleanField(
        label=_("Renewal (prefilled from the product's last dossier)"), required=False
    )

    def __init__(self, *args, products, sheets: list[CriteriaSheet], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["sheet"].queryset = CriteriaSheet.objects.filter(pk__in=[sheet.pk for sheet in sheets])


class StoryForm(forms.Form):
    product_story = forms.CharField(label=_("Product story"), widget=forms.Textarea(attrs={"rows": 8}), required=False)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("What is it?"), max_length=255, help_text=_("E.g. food-safety certificate, test report."))
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, at most 5 MB)"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


def answers_from_post(data, *, criterion_ids) -> dict[int, int]:
    """{criterion id: option id} from fields named criterion-<id>; blanks and foreign ids are left out
    (the service checks that each option belongs to its criterion on the dossier's sheet)."""
    answers = {}
    for criterion_id in criterion_ids:
        value = data.get(f"criterion-{criterion_id}", "")
        if value.isdigit():
            answers[criterion_id] = int(value)
    return answers
