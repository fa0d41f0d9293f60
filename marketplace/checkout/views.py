"""Checkout in two steps on the light layout: details (contact, address, payment) → review and
place → confirmation (with the VietQR code, or the card step for cards).

Oscar's OrderPlacementMixin and OrderCreator place the order, so stock allocation, the
`order_placed` signal (which splits the order into the sellers' parts) and the confirmation
e-mail happen as in Oscar.
"""

import hmac
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_class, get_model

from payments import methods, stripe_gateway
from payments import services as payment_services
from payments.selectors import payment_summary

from . import placement
from .addresses import shipping_address_from
from .forms import CheckoutForm
from .orders import guest_order_grant, order_contact_matches, order_display_context, order_lookup_allowed

OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")
allocation_deferred = get_class("order.utils", "allocation_deferred")
Repository = get_class("shipping.repository", "Repository")
CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
Order = get_model("order", "Order")

logger = logging.getLogger(__name__)


def session_details(checkout_session) -> dict | None:
    return checkout_session.details()


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class DetailsView(CheckoutSessionMixin, generic.FormView):
    """Step 1 (checkout:index): one page for contact, delivery address and payment method.

    It writes nothing to the database but the session (after the view): no request transaction, two statements
    less for every buyer."""

    template_name = "oscar/checkout/details.html"
    form_class = CheckoutForm
    pre_conditions = ["check_basket_is_not_empty", "check_basket_is_valid"]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["payment_methods"] = methods.available_methods(total=self.request.basket.total_incl_tax)
        if self.request.method == "POST" and "show_communes" in self.request.POST:
            kwargs.pop("data", None)  # a province reload, not a submission: no errors yet
            kwargs.pop("files", None)
            kwargs["initial"] = self.request.POST.dict()
        return kwargs

    def get_initial(self):
        initial = dict(session_details(self.checkout_session) or {})
        user = self.request.user
        if user.is_authenticated and not initial:
            initial["name"] = user.get_full_name()
        return initial

    def post(self, request, *args, **kwargs):
        if "show_communes" in request.POST:
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        details = form.details()
        if not self.request.user.is_authenticated and details["email"]:
            self.checkout_session.set_guest_email(details["email"])
        self.checkout_session.set_details(details)
        return redirect("checkout:preview")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PreviewView(OrderPlacementMixin, generic.TemplateView):
    """Step 2 (checkout:preview): the review with each seller's subtotal and shipping; POST places.

    Placing is one transaction of its own (not the request's), committed as soon as the order is written and
    its stock allocated — the allocation last (marketplace.checkout.placement), so a stock row stays locked
    only from its UPDATE to that commit."""

    template_name = "oscar/checkout/preview.html"
    pre_conditions = ["check_basket_is_not_empty", "check_basket_is_valid", "check_details_are_captured"]

    def get_pre_conditions(self, request):
        if request.method == "POST":
            # Placing checks the basket itself once it has claimed it (placement.basket_claim, stock_check):
            # Oscar's basket checks would read every line and its stock a second time.
            return ["check_details_are_captured"]
        return super().get_pre_conditions(request)

    def check_details_are_captured(self, request):
        if not session_details(self.checkout_session):
            raise exceptions.FailedPreCondition(url=reverse("checkout:index"), message=_("Tell us where to deliver first."))

    def dispatch(self, request, *args, **kwargs):
        # A form sent twice: the second finds the order the first made (keyed by its basket). While the posted
        # basket is still the visitor's open basket it has no order yet (placement.basket_claim checks again).
        if request.method == "POST" and request.POST.get("basket_id") != str(request.basket.pk):
            order = placement.order_for_basket(request.POST.get("basket_id"))
            if order is not None and self._placed_by_this_visitor(order):
                return self._already_placed(order)
        return super().dispatch(request, *args, **kwargs)

    def _placed_by_this_visitor(self, order) -> bool:
        if self.request.user.is_authenticated:
            return order.user_id == self.request.user.pk
        return self.request.session.get("checkout_order_id") == order.pk

    def _already_placed(self, order):
        messages.info(self.request, _("Your order %(number)s was already placed.") % {"number": order.number})
        self.request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")

    def get_context_data(self, basket=None, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = basket or self.request.basket
        details = session_details(self.checkout_session)
        shipping_method, shipping_charge, total = self._totals(basket)
        context.update(
            basket=basket,
            details=details,
            address=shipping_address_from(details),
            parts=placement.seller_parts(basket),
            shipping_charge=shipping_charge,
            order_total=total,
            payment_label=methods.LABELS.get(details["payment_method"], ""),
            fingerprint=placement.fingerprint(
                basket, shipping=shipping_charge.incl_tax, total=total.incl_tax, method=details["payment_method"]
            ),
        )
        return context

    def _totals(self, basket):
        # Every seller ships its own part (marketplace.shipping.PerSellerDelivery): no choice to make.
        shipping_method = Repository().get_default_shipping_method(basket=basket, user=self.request.user, request=self.request)
        shipping_charge = shipping_method.calculate(basket)
        return shipping_method, shipping_charge, self.get_order_totals(basket, shipping_charge=shipping_charge)

    def post(self, request, *args, **kwargs):
        details = session_details(self.checkout_session)
        try:
            with transaction.atomic():
                return self._place(details)
        except placement.AlreadyPlaced as placed:
            return self._already_placed(placed.order)
        except placement.BasketChanged:
            messages.warning(request, _("Prices or your basket changed since you looked: check the new total and place the order again."))
            return self.render_to_response(self.get_context_data(), status=409)
        except placement.PlacementError as error:
            for message in error.messages:
                messages.error(request, message)
            messages.error(request, _("No order was placed. Please adjust your basket."))
            return redirect("basket:summary")

    def _place(self, details):
        request = self.request
        basket = request.basket  # as the buyer's request found it: priced, offers applied
        placement.basket_claim(basket)
        shipping_method, shipping_charge, total = self._totals(basket)
        method = details["payment_method"]
        reviewed = placement.fingerprint(basket, shipping=shipping_charge.incl_tax, total=total.incl_tax, method=method)
        if request.POST.get("basket_id") != str(basket.pk) or not hmac.compare_digest(reviewed, request.POST.get("fingerprint", "")):
            raise placement.BasketChanged
        placement.stock_check(basket)
        placement.totals_check(total=total.incl_tax, shipping=shipping_charge.incl_tax)
        if method not in methods.available_methods(total=total.incl_tax):
            raise placement.PlacementError([_("This payment method is not available for this order.")])
        order_number = self.generate_order_number(basket)
        self.payment_method = method
        self.add_payment_source(payment_services.checkout_source(method=method, order_number=order_number))
        order_kwargs = {"payment_method": method}
        if not request.user.is_authenticated:
            order_kwargs["guest_email"] = details["email"]
        return self.handle_order_placement(
            order_number, request.user, basket, shipping_address_from(details), shipping_method, shipping_charge,
            None, total, **order_kwargs,
        )  # fmt: skip

    def handle_order_placement(
        self, order_number, user, basket, shipping_address, shipping_method, shipping_charge, billing_address, order_total,
        surcharges=None, **kwargs,
    ):  # fmt: skip
        """Oscar's, with the stock allocated after the order is written (the critical section, last)."""
        with allocation_deferred():
            order = self.place_order(
                order_number=order_number, user=user, basket=basket, shipping_address=shipping_address,
                shipping_method=shipping_method, shipping_charge=shipping_charge, order_total=order_total,
                billing_address=billing_address, surcharges=surcharges, **kwargs,
            )  # fmt: skip
        placement.basket_submitted(basket)  # its row was marked submitted by basket_claim
        try:
            placement.stock_allocate(basket)
        except placement.PlacementError:
            basket.status, basket.date_submitted = basket.OPEN, None  # rolled back: the buyer's basket stays open
            raise
        return self.handle_successful_order(order)

    def get_success_url(self):
        if getattr(self, "payment_method", None) == methods.CARD:
            return reverse("checkout:card-payment")
        return reverse("checkout:thank-you")

    def send_order_placed_email(self, order):
        from .tasks import send_order_confirmation

        transaction.on_commit(lambda: send_order_confirmation.delay(order.pk))


class ThankYouView(oscar_views.ThankYouView):
    """The confirmation: the order, each seller's part and how to pay (the VietQR code)."""

    template_name = "oscar/checkout/thank_you.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(order_display_context(self.object))
        if self.object.user_id is None:
            guest_order_grant(self.request, self.object)  # its "follow this order" link opens it
        return context


def _order_of_visitor(request):
    """The order this visitor may pay: the one just placed, or a signed-in buyer's own by number."""
    number = request.GET.get("order")
    if number and request.user.is_authenticated:
        return Order.objects.filter(number=number, user=request.user).first()
    order_id = request.session.get("checkout_order_id")
    return Order.objects.filter(pk=order_id).first() if order_id else None


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardPaymentView(generic.TemplateView):
    """The card step (checkout:card-payment): Stripe.js confirms the order's PaymentIntent here —
    the only page that loads Stripe.js. The webhook, not this page, marks the order paid."""

    template_name = "oscar/checkout/card_payment.html"

    def get(self, request, *args, **kwargs):
        order = _order_of_visitor(request)
        if order is None:
            return redirect(settings.OSCAR_HOMEPAGE)
        summary = payment_summary(order)
        if summary.method != methods.CARD or summary.amount_paid >= summary.amount_due or not methods.stripe_configured():
            if order.pk == request.session.get("checkout_order_id"):
                return redirect("checkout:thank-you")
            return redirect("customer:order", order_number=order.number)
        try:
            intent = payment_services.card_payment_intent(order=order)
        except stripe_gateway.StripeError as error:
            logger.warning("Stripe: no PaymentIntent for order %s: %s", order.number, error)
            intent = None
        except ValidationError as error:
            logger.error("Order %s cannot be paid by card: %s", order.number, error)
            messages.error(request, " ".join(error.messages))
            intent = None
        return self.render_to_response(
            self.get_context_data(
                order=order,
                intent=intent,
                summary=summary,
                publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
                return_url=request.build_absolute_uri(reverse("checkout:thank-you") + "?card=processing"),
            )  # fmt: skip
        )


class OrderLookupView(generic.TemplateView):
    """Guests find an order by its number and the e-mail or the mobile number they gave: one answer for
    any mismatch, and a limit on tries per visitor address and per order number, so order numbers cannot
    be probed."""

    template_name = "oscar/checkout/order_lookup.html"

    def post(self, request, *args, **kwargs):
        number = request.POST.get("number", "").strip()
        # "contact" is the form's field; "email" is what the form sent before phones were accepted.
        contact = (request.POST.get("contact") or request.POST.get("email") or "").strip()
        if not order_lookup_allowed(request, number=number):
            messages.error(request, _("Too many tries. Please wait a few minutes and try again."))
            return self.render_to_response(self.get_context_data(number=number, contact=contact), status=429)
        order = Order.objects.select_related("shipping_address").filter(number=number).first() if number.isdigit() else None
        if order is None or not order_contact_matches(order, contact):
            messages.error(request, _("No order matches this number and this e-mail or mobile number."))
            return self.render_to_response(self.get_context_data(number=number, contact=contact))
        if order.user_id:
            return redirect("customer:order", order_number=order.number)
        guest_order_grant(request, order)
        return redirect("customer:anon-order", order_number=order.number, hash=order.verification_hash())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A link to a guest order (from an e-mail, on another device) sends its number along.
        context.setdefault("number", self.request.GET.get("number", "")[:20])
        return context
