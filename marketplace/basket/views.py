"""Oscar's basket views, with two changes (issue 16: every livestream buyer adds before checking out):
- adding to the basket reads the product with its class, its producer, whether it has options and its stock
  record in two queries, where Oscar asked for each apart — and for the stock record twice;
- the basket page reads its lines' photos (the thumbnails), the only page that shows them: every other request
  that reads the basket's lines (additions, checkout, placing the order) no longer reads their photos."""

from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.views.generic import FormView
from oscar.apps.basket import views as oscar_views
from oscar.apps.basket.views import *  # noqa: F403 — Oscar's other basket views, unchanged
from oscar.core.loading import get_model

Option = get_model("catalogue", "Option")


class BasketAddView(oscar_views.BasketAddView):
    def post(self, request, *args, **kwargs):
        products = (
            self.product_model._default_manager.select_related("product_class", "producer")
            .annotate(  # Product.has_options reads these instead of asking (Oscar's base_queryset does the same)
                has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            )
            .prefetch_related("stockrecords")  # the form's price and stock check, then the line's
        )
        self.product = get_object_or_404(products, pk=kwargs["pk"])
        return FormView.post(self, request, *args, **kwargs)  # Oscar's post would read the product again


class BasketView(oscar_views.BasketView):
    def get_queryset(self):
        lines = super().get_queryset()
        prefetch_related_objects(list(lines), "product__images")
        return lines
