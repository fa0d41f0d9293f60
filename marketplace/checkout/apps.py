from django.urls import path
from oscar.apps.checkout import apps
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, shortened for phones: details → review and place → confirmation (card: a
    card step in between), plus the Stripe webhook and the guest order look-up."""

    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        from . import analytics

        analytics.install()
        self.details_view = get_class("checkout.views", "DetailsView")
        self.preview_view = get_class("checkout.views", "PreviewView")
        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.order_lookup_view = get_class("checkout.views", "OrderLookupView")

    def get_urls(self):
        from payments.views import StripeWebhookView

        urls = [
            path("", self.details_view.as_view(), name="index"),
            path("preview/", self.preview_view.as_view(), name="preview"),
            path("thank-you/", self.thankyou_view.as_view(), name="thank-you"),
            path("card/", self.card_payment_view.as_view(), name="card-payment"),
            path("stripe/webhook/", StripeWebhookView.as_view(), name="stripe-webhook"),
            path("order-status/", self.order_lookup_view.as_view(), name="order-lookup"),
        ]
        return self.post_process_urls(urls)

    def get_url_decorator(self, pattern):
        if pattern.name in ("stripe-webhook", "order-lookup"):
            return None  # Stripe and guests, whatever the checkout's sign-in rule
        return super().get_url_decorator(pattern)
