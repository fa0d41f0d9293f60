"""Wagtail admin choosers for Oscar objects: editors pick OCOP products in the featured-products block."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ocop_catalog.text import fold, nfc

Product = get_model("catalogue", "Product")


class ProductChooserFilterForm(BaseFilterForm):
    """Search by title, with or without diacritics ("hat sen" finds "Hạt sen"), or by exact SKU."""

    q = forms.CharField(
        label=_("Search term"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Title or SKU")})
    )

    def filter(self, objects):
        query = nfc(self.cleaned_data.get("q") or "")
        if query:
            folded = fold(query)
            # Folded in Python as the shop search folds: neither SQLite nor a bare PostgreSQL folds Vietnamese;
            # one pass over the (pk, title) pairs of the products on sale, which an admin chooser can afford.
            matching = [pk for pk, title in objects.values_list("pk", "title") if folded in fold(title)]
            objects = objects.filter(Q(pk__in=matching) | Q(stockrecords__partner_sku__iexact=query)).distinct()
            self.is_searching = True
            self.search_query = query
        return objects


class _ProductChooserMixin:
    filter_form_class = ProductChooserFilterForm
    ordering = ("title", "pk")

    def get_object_list(self):
        # Only what shoppers can buy: a product not sold would be hidden on the page anyway.
        return Product.objects.browsable().select_related("producer")

    @property
    def columns(self):
        return super().columns + [Column("producer", label=_("Producer"), accessor="producer")]


class ProductChooseView(_ProductChooserMixin, ChooseView):
    pass


class ProductChooseResultsView(_ProductChooserMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit product")
    per_page = 20
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView


product_chooser_viewset = ProductChooserViewSet("ocop_product_chooser", url_prefix="ocop-product-chooser")
