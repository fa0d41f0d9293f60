from django.db import transaction
from django.utils.decorators import method_decorator
from oscar.apps.catalogue import views as oscar_views

from ocop_catalog.selectors import products_for_page

from .page import product_page


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ProductDetailView(oscar_views.ProductDetailView):
    """Oscar's product page, its body cached under what it shows (marketplace.catalogue.page): a warm page reads the
    product with its price, stock and certificate in one query. A page that only reads: no request transaction (its
    view counter is batched, marketplace.checkout.analytics)."""

    def get_queryset(self):
        return products_for_page()

    def is_viewable(self, product, request):
        # Staff may look at anything; shoppers only at products on sale.
        return product.is_sold or request.user.is_staff

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = product_page(product=self.object, request=self.request)
        return context

    # Our page offers no stock alerts: not Oscar's form, nor its query for a signed-in visitor's alert.
    def get_alert_form(self):
        return None

    def get_alert_status(self):
        return False


CatalogueView = oscar_views.CatalogueView
ProductCategoryView = oscar_views.ProductCategoryView
