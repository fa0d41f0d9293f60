"""Oscar's basket views, with these changes (issue 16: every livestream buyer adds before checking out):
- adding to the basket reads the product with its class, its producer and its stock records in one query, where
  Oscar asked for each apart — and for the stock record twice: while the shop has no product option at all
  (marketplace.catalogue.options), a query written once per process and prepared on PostgreSQL (_product_query);
  else the ORM's, with the two subqueries that ask whether the product has options, and its stock records apart;
- an addition runs without a request-wide transaction: its write (the line; for a new basket the basket, then
  the line) needs none (Basket.add_product), and a transaction costs two more statements;
- the new total is told from the lines in hand (Oscar read them again), and its messages are formatted rather
  than rendered from templates (the same strings);
- the basket page reads its lines' photos (the thumbnails), the only page that shows them: every other request
  that reads the basket's lines (additions, checkout, placing the order) no longer reads their photos."""

import functools

from django.contrib import messages
from django.db import router, transaction
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.generic import FormView
from oscar.apps.basket import views as oscar_views
from oscar.apps.basket.views import *  # noqa: F403 — Oscar's other basket views, unchanged
from oscar.core.loading import get_class, get_model

from marketplace.catalogue.options import options_possible
from ocop_catalog import prepared

Applicator = get_class("offer.applicator", "Applicator")
BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")
Option = get_model("catalogue", "Option")


class BasketAddView(oscar_views.BasketAddView):
    @method_decorator(transaction.non_atomic_requests)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if options_possible():  # Product.has_options reads these instead of asking (Oscar's base_queryset does the same)
            products = self.product_model._default_manager.select_related("product_class", "producer").prefetch_related(
                "stockrecords"  # the form's price and stock check, then the line's
            )
            products = products.annotate(
                has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            )
            self.product = get_object_or_404(products, pk=kwargs["pk"])
        else:  # no option exists: the product has none
            self.product = _product_read(kwargs["pk"])
            self.product.has_product_class_options = self.product.has_product_options = False
        return FormView.post(self, request, *args, **kwargs)  # Oscar's post would read the product again

    def form_valid(self, form):
        """Oscar's, with the offers applied again to the lines in hand: Basket.add_product keeps them, the added
        line in place and their discounts cleared, where Oscar's apply_messages would read them all again."""
        basket = self.request.basket
        offers_before = basket.applied_offers()
        self.line, self.line_created = basket.add_product(form.product, form.cleaned_data["quantity"], form.cleaned_options())
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon")
        Applicator().apply(basket, self.request.user, self.request)
        for level, message in BasketMessageGenerator().get_messages(basket, offers_before, basket.applied_offers()):
            messages.add_message(self.request, level, message, extra_tags="safe noicon")
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_message(self, form):
        # Oscar's template (oscar/basket/messages/addition.html), said by formatting: every addition tells it.
        quantity, title = form.cleaned_data["quantity"], conditional_escape(form.product.get_title())
        if quantity == 1:
            return mark_safe(gettext("<strong>%(title)s</strong> has been added to your basket.") % {"title": title})
        message = gettext("<strong>%(quantity)s</strong> × <strong>%(title)s</strong> have been added to your basket.")
        return mark_safe(message % {"quantity": quantity, "title": title})


@functools.cache
def _product_query(alias: str):
    """The product with its class, its seller and its stock records, oldest first (one row each; the product's id
    the parameter): written once per process and prepared on PostgreSQL (ocop_catalog.prepared)."""
    return prepared.joined_select(
        alias,
        get_model("catalogue", "Product"),
        [
            ("product_class", ("root", "product_class"), "LEFT OUTER"),
            ("producer", ("root", "producer"), "LEFT OUTER"),
            ("stockrecord", ("root", "stockrecords"), "LEFT OUTER"),
        ],
        where="{root.id} = %s",
        order_by="{stockrecord.id}",
    )


def _product_read(pk):
    """The product to add, with its class, seller and stock records (prefetched, as the strategy reads them), in one
    query; 404 if there is none."""
    Product = get_model("catalogue", "Product")
    alias = router.db_for_read(Product)
    select = _product_query(alias)
    rows = prepared.instances(select, prepared.fetch(alias, select.sql, [pk]), alias)
    if not rows:
        raise Http404("No product matches the given query.")
    product = rows[0][0]  # its class and seller set by `instances`
    records = [record for *_, record in rows if record is not None]
    for record in records:
        record.product = product
    prepared.prefetched(product, "stockrecords", records)
    return product


class BasketView(oscar_views.BasketView):
    def get_queryset(self):
        lines = super().get_queryset()
        prefetch_related_objects(list(lines), "product__images")
        return lines
