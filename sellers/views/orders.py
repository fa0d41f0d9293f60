"""A seller's orders: only its own part of each order, and the actions on it."""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from .. import fulfilment, lifecycle, selectors, statements
from ..forms import PartActionForm
from ..models import Fulfilment
from .dashboard import ActiveSellerMixin, SellerRequiredMixin


class PartMixin:
    """The part of the URL, found among the signed-in seller's own by SellerRequiredMixin."""

    def get_part(self) -> Fulfilment:
        return self.part


class OrderListView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/order_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        parts = selectors.seller_parts(seller=self.seller)
        status = self.request.GET.get("status")
        if status in Fulfilment.Status.values:
            parts = parts.filter(status=status)
        context.update(parts=parts[:100], statuses=Fulfilment.Status.choices, status=status)
        return context


class OrderDetailView(SellerRequiredMixin, PartMixin, TemplateView):
    template_name = "sellers/dashboard/order_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        part = self.get_part()
        context.update(
            part=part,
            cash=fulfilment.part_cash(fulfilment=part),
            history=fulfilment.part_history(fulfilment=part),
            moves=lifecycle.transitions_from(part.status, actor=lifecycle.SELLER),
        )
        return context


class OrderActionView(ActiveSellerMixin, PartMixin, View):
    """POST confirm, cancel (with a reason), ship (carrier and tracking code), deliver or cash (COD received)."""

    http_method_names = ["post"]
    done = {
        "confirm": gettext_lazy("Order confirmed. Pack it and ship it."),
        "cancel": gettext_lazy("Order cancelled; the stock is back and the buyer is told."),
        "ship": gettext_lazy("Marked as shipped."),
        "deliver": gettext_lazy("Marked as delivered."),
        "cash": gettext_lazy("Cash received recorded."),
    }

    def post(self, request, *args, **kwargs):
        part = self.get_part()
        form = PartActionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("sellers:order-detail", part_pk=part.pk)
        action, data, user = form.cleaned_data["action"], form.cleaned_data, request.user
        try:
            if action == "confirm":
                fulfilment.fulfilment_confirm(fulfilment=part, by=user)
            elif action == "cancel":
                fulfilment.fulfilment_cancel(fulfilment=part, reason=data["reason"], by=user)
            elif action == "ship":
                fulfilment.fulfilment_ship(fulfilment=part, carrier=data["carrier"], tracking_code=data["tracking_code"], by=user)
            elif action == "deliver":
                fulfilment.fulfilment_deliver(fulfilment=part, by=user)
            else:
                fulfilment.fulfilment_record_cash(fulfilment=part)
            messages.success(request, self.done[action])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("sellers:order-detail", part_pk=part.pk)


class SalesView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/sales.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["months"] = selectors.seller_sales_by_month(seller=self.seller)
        today = timezone.localdate()
        context["statement_months"] = [
            datetime.date(today.year - (today.month - offset <= 0), (today.month - offset - 1) % 12 + 1, 1)
            for offset in range(0, 6)
        ]
        return context


def _month(year: int, month: int) -> datetime.date:
    try:
        return datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None


class StatementView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/statement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statement"] = statements.statement_for(seller=self.seller, month=_month(self.kwargs["year"], self.kwargs["month"]))
        return context


def statement_csv_response(statement) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"sao-ke-{statement.seller.slug}-{statement.month:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # Excel reads the Vietnamese text as UTF-8 with it
    writer = csv.writer(response)
    writer.writerow(["seller", "month", "delivered_orders", "delivered_lines", "gross_sales_vnd", "shipping_vnd",
                     "commission_rate", "commission_vnd", "refunds_vnd", "amount_owed_vnd", "paid_vnd", "payout_reference"])  # fmt: skip
    payout = statement.payout
    writer.writerow([
        statement.seller.slug, f"{statement.month:%Y-%m}", statement.delivered_parts, statement.delivered_lines,
        statement.gross_sales, statement.shipping, statement.commission_rate, statement.commission, statement.refunds,
        statement.amount_owed, payout.amount if payout else "", payout.reference if payout else "",
    ])  # fmt: skip
    return response


class StatementCsvView(SellerRequiredMixin, View):
    def get(self, request, year, month):
        return statement_csv_response(statements.statement_for(seller=self.seller, month=_month(year, month)))
