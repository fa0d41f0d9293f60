"""The Stripe webhook, and staff's payment actions on an order (from Oscar's dashboard order page)."""

import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from . import services, stripe_gateway
from .forms import CardRefundForm, TransferForm

logger = logging.getLogger(__name__)
Order = get_model("order", "Order")


@method_decorator([csrf_exempt, transaction.non_atomic_requests], name="dispatch")
class StripeWebhookView(View):
    """Stripe calls this with signed events; a forged or stale signature is a 400 and changes nothing."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            event = stripe_gateway.webhook_event(
                payload=request.body, signature=request.headers.get("Stripe-Signature", "")
            )
        except (ValueError, stripe_gateway.SignatureVerificationError):
            return HttpResponseBadRequest("invalid signature")
        if not services.stripe_event_valid(event):
            return HttpResponseBadRequest("not a Stripe event")
        services.stripe_event_handle(event=event)
        return HttpResponse(status=200)


# Not one request transaction: a card refund calls Stripe between two transactions of its own.
@method_decorator([staff_member_required, transaction.non_atomic_requests], name="dispatch")
class OrderPaymentActionView(View):
    """POST transfer (VietQR reconciled), cash (COD parts) or refund (card, one seller's part)."""

    http_method_names = ["post"]

    def post(self, request, number):
        order = get_object_or_404(Order, number=number)
        action = request.POST.get("action")
        try:
            if action == "transfer":
                form = TransferForm(request.POST)
                form.is_valid()
                amount = services.order_record_transfer(
                    order=order, reference=form.cleaned_data.get("reference", ""), by=request.user
                )
                messages.success(request, _("Transfer of %(amount)s recorded: the order is paid.") % {"amount": currency(amount, "VND")})
            elif action == "cash":
                amount = services.order_record_cash(order=order)
                messages.success(request, _("Cash of %(amount)s recorded.") % {"amount": currency(amount, "VND")})
            elif action == "refund":
                form = CardRefundForm(request.POST, parts=order.fulfilments.select_related("partner"))
                if not form.is_valid():
                    raise ValidationError([error for errors in form.errors.values() for error in errors])
                part = order.fulfilments.get(pk=form.cleaned_data["part"])
                services.card_refund(order=order, fulfilment=part, amount=form.cleaned_data["amount"], reason=form.cleaned_data["reason"])
                messages.success(request, _("Refunded %(amount)s to the card.") % {"amount": currency(form.cleaned_data["amount"], "VND")})
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except stripe_gateway.StripeError as error:
            logger.warning("Stripe refund of order %s failed: %s", order.number, error)
            messages.error(request, _("Stripe refused the refund: %(error)s") % {"error": error.user_message or str(error)})
        return redirect("dashboard:order-detail", number=order.number)
