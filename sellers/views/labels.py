"""Printable OCOP labels: a seller's own products with a valid certificate, each with its verify QR code.

A plain print-ready page (CSS @page A4, a grid of 3 × 8 labels per sheet, no script): the browser prints it
or saves it as PDF. Products are found among the seller's own (a foreign id is a 404, by SellerRequiredMixin).
"""

from django.http import Http404
from django.views.generic import TemplateView

from ocop_catalog.presenters import certificate_qr_svg
from ocop_catalog.selectors import products_with_valid_certificate

from .dashboard import SellerRequiredMixin

LABELS_PER_SHEET = 24


def _copies(raw: str | None, *, default: int) -> int:
    try:
        return min(max(int(raw), 1), LABELS_PER_SHEET * 10)
    except (TypeError, ValueError):
        return default


class LabelSheetView(SellerRequiredMixin, TemplateView):
    """All the seller's certified products (one label each), or one product (a full sheet), `?copies=` to change."""

    template_name = "sellers/labels.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product_ids = [self.product.pk] if self.product is not None else None
        products = products_with_valid_certificate(producer=self.seller.partner, product_ids=product_ids)
        if self.product is not None and not products:
            raise Http404  # its own product, but with no valid certificate to put on a label
        copies = _copies(self.request.GET.get("copies"), default=LABELS_PER_SHEET if self.product else 1)
        labels = []
        for product in products:
            certificate = product.label_certificate
            label = {"product": product, "certificate": certificate, "qr_svg": certificate_qr_svg(certificate_id=certificate.pk)}
            labels.extend([label] * copies)
        context.update(labels=labels, products=products, copies=copies, single=self.product)
        return context
