from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views
from oscar.core.loading import get_model

from .selectors import has_delivered_purchase

Product = get_model("catalogue", "Product")

ProductReviewDetail = views.ProductReviewDetail
AddVoteView = views.AddVoteView
ProductReviewList = views.ProductReviewList


class CreateProductReview(views.CreateProductReview):
    """Oscar's review form, open only to buyers who received the product; their review is marked
    as a verified purchase."""

    def dispatch(self, request, *args, **kwargs):
        product = get_object_or_404(Product, pk=kwargs["product_pk"], is_public=True)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_delivered_purchase(user=request.user, product=product):
            messages.warning(request, _("Only buyers who received this product can review it."))
            return redirect(product.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.is_verified_purchase = True
        return super().form_valid(form)
