from django.db import transaction
from django.utils.decorators import method_decorator
from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

from ocop_catalog.selectors import products_for_display

Product = get_model("catalogue", "Product")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ProductDetailView(oscar_views.ProductDetailView):
    """Oscar's product page, loading producer, locality, certificate and images up front. A page that only
    reads: no request transaction (its view counter is batched, marketplace.checkout.analytics)."""

    def get_queryset(self):
        return products_for_display(Product.objects.all())

    def is_viewable(self, product, request):
        # Staff may look at anything; shoppers only at products on sale.
        return product.is_sold or request.user.is_staff


CatalogueView = oscar_views.CatalogueView
ProductCategoryView = oscar_views.ProductCategoryView
