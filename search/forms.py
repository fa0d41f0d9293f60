"""Forms that turn a shopper's query string into a ProductQuery."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ocop_catalog.models import Commune
from ocop_catalog.rules import PRODUCT_GROUPS
from ocop_catalog.selectors import CommuneChoice, commune_choices, province_choices
from ocop_catalog.text import has_control_characters, nfc

from .query import (
    SORT_NEWEST,
    SORT_PRICE,
    SORT_PRICE_DESC,
    SORT_RECOMMENDED,
    SORT_RELEVANCE,
    SORT_STARS_DESC,
    ProductQuery,
)


class SearchInput(forms.TextInput):
    input_type = "search"


def refuse_control_characters(value: str) -> None:
    # A NUL reaching PostgreSQL is a driver error (a 500); no control character is a thing to search for.
    if has_control_characters(value):
        raise forms.ValidationError(_("Remove the control characters (such as NUL) from this text."), code="control_characters")


class SearchTextField(forms.CharField):
    default_validators = [refuse_control_characters]


class SearchForm(forms.Form):
    """The search box in the header."""

    q = SearchTextField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput(attrs={"placeholder": _("Search OCOP products"), "class": "form-control"}),
    )


SORT_CHOICES = [
    (SORT_RECOMMENDED, _("Recommended")),
    (SORT_RELEVANCE, _("Relevance")),
    (SORT_NEWEST, _("Newest")),
    (SORT_STARS_DESC, _("Most stars")),
    (SORT_PRICE, _("Price: low to high")),
    (SORT_PRICE_DESC, _("Price: high to low")),
]
STARS_CHOICES = [("", _("Any rating")), ("3", _("3★ and up")), ("4", _("4★ and up")), ("5", _("5★"))]
MAX_PRICE_VND = 1_000_000_000
MAX_PAGE_SIZE = 100
TRUE_VALUES, FALSE_VALUES = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class StrictBooleanField(forms.Field):
    """true/false (1/0, yes/no, on/off); empty is "no filter"; anything else is an error."""

    def to_python(self, value):
        text = str(value or "").strip().lower()
        if not text:
            return None
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        raise forms.ValidationError(_("Use true or false."), code="invalid")


class ProductFilterForm(forms.Form):
    """Catalogue filters as they appear in the URL: ?stars_min=4&province=01&group=do-uong&…"""

    q = SearchTextField(required=False, max_length=200, label=_("Search"))
    stars_min = forms.TypedChoiceField(
        required=False, choices=STARS_CHOICES, coerce=int, empty_value=None, label=_("OCOP rating")
    )
    province = forms.ChoiceField(required=False, label=_("Province"))
    # Five digits (the statistics office's code); whether it exists is checked in clean().
    commune = forms.RegexField(
        required=False, regex=r"^[0-9]{5}$", label=_("Commune"),
        error_messages={"invalid": _("Unknown commune code.")},
    )  # fmt: skip
    group = forms.ChoiceField(
        required=False,
        choices=[("", _("All groups"))] + [(group.slug, group.label) for group in PRODUCT_GROUPS],
        label=_("Product group"),
    )
    price_min = forms.IntegerField(required=False, min_value=0, max_value=MAX_PRICE_VND, label=_("Price from (₫)"))
    price_max = forms.IntegerField(required=False, min_value=0, max_value=MAX_PRICE_VND, label=_("Price to (₫)"))
    in_stock = StrictBooleanField(required=False, label=_("In stock only"))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label=_("Sort by"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per form (cached: no query on a warm server); the page reuses them for its lists and chips.
        self.provinces = province_choices()
        self.fields["province"].choices = [("", _("All provinces")), *self.provinces]
        self._chosen_province = None  # set by clean()
        self._communes = None

    @property
    def communes(self) -> list[CommuneChoice]:
        """The communes of the chosen (valid) province, read once; [] without one."""
        if self._communes is None:
            self._communes = commune_choices(province_code=self._chosen_province) if self._chosen_province else []
        return self._communes

    def province_names(self) -> dict[str, str]:
        return dict(self.provinces)

    def commune_names(self) -> dict[str, str]:
        return {choice.code: choice.name for choice in self.communes}

    def clean_province(self):
        return self.cleaned_data.get("province") or None

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("commune") or ""  # a malformed code is already a field error: never a query
        province = cleaned.get("province")
        cleaned["commune"] = None
        self._chosen_province, self._communes = province, None
        if code:
            if province:
                if code not in self.commune_names():
                    self.add_error("commune", _("This commune is not in the chosen province."))
                else:
                    cleaned["commune"] = code
            elif Commune.objects.filter(code=code).exists():
                cleaned["commune"] = code
            else:
                self.add_error("commune", _("Unknown commune code."))
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The upper price must not be below the lower one."))
        return cleaned

    def to_query(self, *, page: int, page_size: int, category_path: str | None = None) -> ProductQuery:
        """The query for the valid fields; a field that failed validation is left out, not guessed."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        valid = {name: value for name, value in data.items() if name not in self.errors}
        text = nfc(valid.get("q") or "")
        sort = valid.get("sort") or (SORT_RELEVANCE if text else SORT_RECOMMENDED)
        return ProductQuery(
            text=text,
            stars_min=valid.get("stars_min"),
            province=valid.get("province"),
            commune=valid.get("commune"),
            group=valid.get("group") or None,
            category_path=category_path,
            price_min=valid.get("price_min"),
            price_max=valid.get("price_max"),
            in_stock=valid.get("in_stock"),
            sort=sort,
            page=page,
            page_size=page_size,
        )


class ProductSearchApiForm(ProductFilterForm):
    """The JSON API's parameters: the catalogue's filters, any star rating 1–5, and paging."""

    stars_min = forms.IntegerField(required=False, min_value=1, max_value=5)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def to_api_query(self, *, default_page_size: int) -> ProductQuery:  # only called on a valid form
        return super().to_query(
            page=self.cleaned_data.get("page") or 1,
            page_size=self.cleaned_data.get("page_size") or default_page_size,
        )


class SuggestForm(forms.Form):
    q = SearchTextField(required=False, max_length=200)
