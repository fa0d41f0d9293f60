"""Forms that turn a shopper's query string into a ProductQuery."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_catalog.models import Commune, Province
from ocop_catalog.rules import PRODUCT_GROUPS
from ocop_catalog.text import nfc

from .query import (
    SORT_NEWEST,
    SORT_PRICE,
    SORT_PRICE_DESC,
    SORT_RELEVANCE,
    SORT_STARS_DESC,
    ProductQuery,
)


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    """The search box in the header."""

    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput(attrs={"placeholder": _("Search OCOP products"), "class": "form-control"}),
    )


SORT_CHOICES = [
    (SORT_NEWEST, _("Newest")),
    (SORT_STARS_DESC, _("Most stars")),
    (SORT_PRICE, _("Price: low to high")),
    (SORT_PRICE_DESC, _("Price: high to low")),
]
STARS_CHOICES = [("", _("Any rating")), ("3", _("3★ and up")), ("4", _("4★ and up")), ("5", _("5★"))]
MAX_PRICE_VND = 1_000_000_000


class ProductFilterForm(forms.Form):
    """Catalogue filters as they appear in the URL: ?stars_min=4&province=01&group=do-uong&…"""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    stars_min = forms.TypedChoiceField(
        required=False, choices=STARS_CHOICES, coerce=int, empty_value=None, label=_("OCOP rating")
    )
    province = forms.ModelChoiceField(
        required=False, queryset=Province.objects.order_by("short_name"), to_field_name="code",
        empty_label=_("All provinces"), label=_("Province"),
    )  # fmt: skip
    commune = forms.CharField(required=False, max_length=5, label=_("Commune"))
    group = forms.ChoiceField(
        required=False,
        choices=[("", _("All groups"))] + [(group.slug, group.label) for group in PRODUCT_GROUPS],
        label=_("Product group"),
    )
    price_min = forms.IntegerField(required=False, min_value=0, max_value=MAX_PRICE_VND, label=_("Price from (₫)"))
    price_max = forms.IntegerField(required=False, min_value=0, max_value=MAX_PRICE_VND, label=_("Price to (₫)"))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label=_("Sort by"))

    def clean_commune(self):
        code = (self.cleaned_data.get("commune") or "").strip()
        if not code:
            return None
        commune = Commune.objects.filter(code=code).select_related("province").first()
        if commune is None:
            raise forms.ValidationError(_("Unknown commune code."))
        return commune

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The upper price must not be below the lower one."))
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and commune.province_id != province.code:
            self.add_error("commune", _("This commune is not in the chosen province."))
        return cleaned

    def to_query(self, *, page: int, page_size: int, category_path: str | None = None) -> ProductQuery:
        """The query for the valid fields; a field that failed validation is left out, not guessed."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        valid = {name: value for name, value in data.items() if name not in self.errors}
        text = nfc(valid.get("q") or "")
        sort = valid.get("sort") or (SORT_RELEVANCE if text else SORT_NEWEST)
        province, commune = valid.get("province"), valid.get("commune")
        return ProductQuery(
            text=text,
            stars_min=valid.get("stars_min"),
            province=province.code if province else None,
            commune=commune.code if commune else None,
            group=valid.get("group") or None,
            category_path=category_path,
            price_min=valid.get("price_min"),
            price_max=valid.get("price_max"),
            sort=sort,
            page=page,
            page_size=page_size,
        )
