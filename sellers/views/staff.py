"""Programme staff: review applications and new sellers' first listings, suspend sellers, set commission, verify
certificates."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView
from oscar.core.loading import get_model

from ocop_catalog import selectors as ocop_selectors
from ocop_catalog.forms import CertificateRevokeForm
from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import OcopCertificate
from ocop_catalog.text import nfc

from .. import fulfilment, listing_review, selectors, services, statements
from ..forms import CommissionForm, DecisionForm, PayoutForm, RefundForm, SuspensionForm
from ..models import Fulfilment, Seller, SellerApplication, SellerDocument
from ..validators import DOCUMENT_EXTENSIONS
from .orders import statement_csv_response

Product = get_model("catalogue", "Product")
staff_required = method_decorator(staff_member_required(login_url="/shop/dashboard/login/"), name="dispatch")


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@staff_required
class ApplicationListView(ListView):
    template_name = "sellers/staff/application_list.html"
    context_object_name = "applications"
    paginate_by = 50

    def get_queryset(self):
        status = self.request.GET.get("status", SellerApplication.Status.PENDING)
        queryset = SellerApplication.objects.select_related("commune__province").order_by("-created_at")
        if status in SellerApplication.Status.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = SellerApplication.Status.choices
        context["status"] = self.request.GET.get("status", SellerApplication.Status.PENDING)
        return context


@staff_required
class ApplicationDetailView(DetailView):
    template_name = "sellers/staff/application_detail.html"
    context_object_name = "application"
    queryset = SellerApplication.objects.select_related("commune__province", "seller", "reviewed_by").prefetch_related("documents")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decision_form"] = DecisionForm()
        return context


@staff_required
class ApplicationDecideView(View):
    """POST approve or reject, with a reason for a rejection."""

    def post(self, request, pk):
        application = get_object_or_404(SellerApplication, pk=pk)
        form = DecisionForm(request.POST)
        form.is_valid()
        try:
            if request.POST.get("decision") == "approve":
                seller = services.application_approve(application=application, reviewer=request.user)
                messages.success(request, _("%(name)s is now a seller.") % {"name": seller.name})
            elif request.POST.get("decision") == "reject":
                services.application_reject(
                    application=application, reviewer=request.user, reason=form.cleaned_data.get("reason", "")
                )
                messages.success(request, _("The application was rejected and the applicant told."))
            else:
                messages.error(request, _("Choose approve or reject."))
        except ValidationError as error:
            _report(request, error)
        return redirect("sellers-staff:application-detail", pk=application.pk)


@staff_required
class DocumentDownloadView(View):
    """Certificate scans are private: staff fetch them through this view only."""

    def get(self, request, pk):
        document = get_object_or_404(SellerDocument, pk=pk)
        # Named and typed from our record (its type was sniffed from the bytes), never the uploader's name.
        content_type = document.content_type if document.content_type in DOCUMENT_EXTENSIONS else "application/octet-stream"
        extension = DOCUMENT_EXTENSIONS.get(content_type, "bin")
        response = FileResponse(
            document.file.open("rb"), content_type=content_type, as_attachment=True,
            filename=f"chung-nhan-ocop-{document.pk}.{extension}",
        )  # fmt: skip
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


@staff_required
class SellerListView(ListView):
    template_name = "sellers/staff/seller_list.html"
    context_object_name = "sellers"
    paginate_by = 50
    queryset = Seller.objects.select_related("commune__province", "partner").order_by("name")


@staff_required
class SellerDetailView(DetailView):
    template_name = "sellers/staff/seller_detail.html"
    context_object_name = "seller"
    queryset = Seller.objects.select_related("commune__province", "partner")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seller = self.object
        context["suspension_form"] = SuspensionForm()
        rate = seller.commission_rate
        context["commission_form"] = CommissionForm(
            initial={"commission_percent": rate * 100 if rate is not None else None}
        )
        context["products"] = selectors.seller_products(seller=seller)[:50]
        return context


@staff_required
class SellerStatusView(View):
    def post(self, request, pk):
        seller = get_object_or_404(Seller, pk=pk)
        try:
            if request.POST.get("action") == "suspend":
                form = SuspensionForm(request.POST)
                reason = form.cleaned_data["reason"] if form.is_valid() else ""
                services.seller_suspend(seller=seller, reason=reason)
                messages.success(request, _("%(name)s is suspended: its products left the shop.") % {"name": seller.name})
            elif request.POST.get("action") == "reinstate":
                services.seller_reinstate(seller=seller)
                messages.success(request, _("%(name)s can sell again.") % {"name": seller.name})
        except ValidationError as error:
            _report(request, error)
        return redirect("sellers-staff:seller-detail", pk=seller.pk)


@staff_required
class SellerCommissionView(View):
    def post(self, request, pk):
        seller = get_object_or_404(Seller, pk=pk)
        form = CommissionForm(request.POST)
        if form.is_valid():
            percent = form.cleaned_data["commission_percent"]
            rate = (percent / Decimal(100)).quantize(Decimal("0.001")) if percent is not None else None
            services.seller_commission_set(seller=seller, rate=rate)
            messages.success(request, _("Commission saved."))
        else:
            messages.error(request, _("Enter a commission between 0 and 100%."))
        return redirect("sellers-staff:seller-detail", pk=seller.pk)


@staff_required
class CertificateReviewListView(TemplateView):
    template_name = "sellers/staff/certificate_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificates"] = selectors.certificates_awaiting_verification()[:200]
        # Verified ones, to revoke (found by number, or the newest 50).
        context["number"] = nfc(self.request.GET.get("so", ""))[:100]
        context["revocable"] = ocop_selectors.certificates_revocable(number=context["number"])[:50]
        return context


@staff_required
class CertificateReviewView(View):
    def post(self, request, pk):
        certificate = get_object_or_404(OcopCertificate, pk=pk, status=OcopCertificate.Status.PENDING)
        services.certificate_review(certificate=certificate, approve=request.POST.get("decision") == "verify")
        messages.success(request, _("Certificate %(number)s: %(status)s.") % {
            "number": certificate.number, "status": certificate.get_status_display(),
        })  # fmt: skip
        return redirect("sellers-staff:certificate-list")


@staff_required
class CertificateRevokeView(View):
    """Revoke a verified certificate (thu hồi) with the decision's reason and date: POST only."""

    def post(self, request, pk):
        certificate = get_object_or_404(OcopCertificate, pk=pk, status=OcopCertificate.Status.VERIFIED)
        form = CertificateRevokeForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect("sellers-staff:certificate-list")
        try:
            certificate_revoke(certificate=certificate, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _report(request, error)
        else:
            messages.success(request, _("Certificate %(number)s revoked.") % {"number": certificate.number})
        return redirect("sellers-staff:certificate-list")


@staff_required
class ListingReviewListView(ListView):
    """New sellers' first listings waiting for a staff check (sellers.listing_review)."""

    template_name = "sellers/staff/listing_review_list.html"
    context_object_name = "listings"
    paginate_by = 50

    def get_queryset(self):
        return listing_review.listings_awaiting_review()

    def get_context_data(self, **kwargs):
        return super().get_context_data(required=settings.SELLER_FIRST_LISTINGS_REVIEWED, **kwargs)


@staff_required
class ListingReviewView(View):
    """Approve or reject (with a note for the seller) one waiting listing: POST only."""

    def post(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        approve = request.POST.get("decision") == "approve"
        try:
            listing_review.listing_decide(product=product, approve=approve, note=request.POST.get("note", ""))
        except ValidationError as error:
            _report(request, error)
        else:
            message = _("%(title)s is on sale.") if approve else _("%(title)s was sent back to its seller.")
            messages.success(request, message % {"title": product.title})
        return redirect("sellers-staff:listing-review-list")


def _statement_month(request) -> datetime.date:
    """The month asked for as ?month=YYYY-MM, else the previous month (the one usually paid out)."""
    raw = request.GET.get("month") or request.POST.get("month") or ""
    try:
        year, month = (int(part) for part in raw.split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        first = timezone.localdate().replace(day=1)
        return (first - datetime.timedelta(days=1)).replace(day=1)


@staff_required
class SellerStatementView(TemplateView):
    """A seller's monthly statement as staff see it, with the payout form."""

    template_name = "sellers/staff/statement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seller = get_object_or_404(Seller, pk=self.kwargs["pk"])
        statement = statements.statement_for(seller=seller, month=_statement_month(self.request))
        context.update(seller=seller, statement=statement, payout_form=PayoutForm(initial={"amount": statement.amount_owed}))
        return context


@staff_required
class SellerStatementCsvView(View):
    def get(self, request, pk):
        seller = get_object_or_404(Seller, pk=pk)
        return statement_csv_response(statements.statement_for(seller=seller, month=_statement_month(request)))


@staff_required
class PayoutRecordView(View):
    def post(self, request, pk):
        seller = get_object_or_404(Seller, pk=pk)
        month = _statement_month(request)
        form = PayoutForm(request.POST)
        if form.is_valid():
            try:
                statements.payout_record(
                    seller=seller, month=month, amount=form.cleaned_data["amount"],
                    reference=form.cleaned_data["reference"], recorded_by=request.user,
                )  # fmt: skip
                messages.success(request, _("Payout recorded."))
            except ValidationError as error:
                _report(request, error)
        else:
            messages.error(request, _("Enter the amount paid and the transfer reference."))
        return redirect(f"{reverse('sellers-staff:seller-statement', kwargs={'pk': seller.pk})}?month={month:%Y-%m}")


@staff_required
class PartRefundView(View):
    """Record a refund on a seller's part of an order (cash or transfer given back to the buyer)."""

    def post(self, request, part_pk):
        part = get_object_or_404(Fulfilment, pk=part_pk)
        form = RefundForm(request.POST)
        if form.is_valid():
            try:
                fulfilment.refund_record(fulfilment=part, amount=form.cleaned_data["amount"], reason=form.cleaned_data["reason"])
                messages.success(request, _("Refund recorded."))
            except ValidationError as error:
                _report(request, error)
        else:
            messages.error(request, _("Enter an amount and a reason."))
        return redirect("dashboard:order-detail", number=part.order.number)
