"""Oscar's basket views, with these changes (issue 16: every livestream buyer adds before checking out):
- adding to the basket reads the product with its class, its producer, whether it has options and its stock
  record in two queries, where Oscar asked for each apart — and for the stock record twice; while the shop has no
  product option at all (marketplace.catalogue.options), without the two subqueries that ask for options;
- an addition runs without a request-wide transaction: its write (the line; for a new basket the basket, then
  the line) needs none (Basket.add_product), and a transaction costs two more statements;
- the new total is told from the lines in hand (Oscar read them again), and its messages are formatted rather
  than rendered from templates (the same strings);
- the basket page reads its lines' photos (the thumbnails), the only page that shows them: every other request
  that reads the basket's lines (additions, checkout, placing the order) no longer reads their photos."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import HttpResponseRedirect
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

Applicator = get_class("offer.applicator", "Applicator")
BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")
Option = get_model("catalogue", "Option")


class BasketAddView(oscar_views.BasketAddView):
    @method_decorator(transaction.non_atomic_requests)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        products = self.product_model._default_manager.select_related("product_class", "producer").prefetch_related(
            "stockrecords"  # the form's price and stock check, then the line's
        )
        possible = options_possible()
        if possible:  # Product.has_options reads these instead of asking (Oscar's base_queryset does the same)
            products = products.annotate(
                has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            )
        self.product = get_object_or_404(products, pk=kwargs["pk"])
        if not possible:  # no option exists: the product has none
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


class BasketView(oscar_views.BasketView):
    def get_queryset(self):
        lines = super().get_queryset()
        prefetch_related_objects(list(lines), "product__images")
        return lines
