"""The map's filters as they appear in the URL: ?group=&stars_min=&province=&pilot=&bbox=west,south,east,north"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_catalog.rules import PRODUCT_GROUPS
from ocop_catalog.selectors import province_choices

from .geo import BBoxError, bbox_parse
from .map_selectors import PILOT_ECOMMERCE, PILOT_SMART, MapFilters

PILOT_CHOICES = [("", _("Any commune")), (PILOT_ECOMMERCE, _("E-commerce pilot communes")), (PILOT_SMART, _("Smart new-rural pilot communes"))]
STARS_CHOICES = [("", _("Any rating")), ("3", _("3★ and up")), ("4", _("4★ and up")), ("5", _("5★"))]


class MapFilterForm(forms.Form):
    """Every field optional; a value that is not one of the choices (an unknown group or province) is an error."""

    group = forms.ChoiceField(
        required=False, label=_("Product group"),
        choices=[("", _("All groups"))] + [(group.slug, group.label) for group in PRODUCT_GROUPS],
    )  # fmt: skip
    stars_min = forms.TypedChoiceField(required=False, choices=STARS_CHOICES, coerce=int, empty_value=None, label=_("OCOP rating"))
    province = forms.ChoiceField(required=False, label=_("Province"))
    pilot = forms.ChoiceField(required=False, choices=PILOT_CHOICES, label=_("Pilot communes"))
    bbox = forms.CharField(required=False, max_length=200, label=_("Area"), widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("All provinces")), *province_choices()]

    def clean_bbox(self):
        text = self.cleaned_data.get("bbox") or ""
        if not text.strip():
            return None
        try:
            return bbox_parse(text).normalised()
        except BBoxError as error:
            raise forms.ValidationError(str(error), code="invalid") from None

    def filters(self) -> MapFilters:
        """The filters of the valid fields (a field in error is left out, not guessed)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        valid = {name: value for name, value in data.items() if name not in self.errors}
        return MapFilters(
            group=valid.get("group") or None,
            stars_min=valid.get("stars_min"),
            province=valid.get("province") or None,
            pilot=valid.get("pilot") or None,
            bbox=valid.get("bbox"),
        )


class MapApiForm(MapFilterForm):
    """The GeoJSON API's parameters: any star rating 1–5 (the page offers 3, 4 and 5)."""

    stars_min = forms.IntegerField(required=False, min_value=1, max_value=5)


NEARBY_KM_CHOICES = (5, 10, 20, 50)
NEARBY_KM_DEFAULT = 20


class NearbyForm(forms.Form):
    km = forms.TypedChoiceField(
        required=False, choices=[(str(km), f"{km} km") for km in NEARBY_KM_CHOICES], coerce=int, empty_value=NEARBY_KM_DEFAULT,
        label=_("Within"),
    )  # fmt: skip

    def distance_km(self) -> int:
        if self.is_valid():
            return self.cleaned_data["km"] or NEARBY_KM_DEFAULT
        return NEARBY_KM_DEFAULT
