"""Bulk listings in the seller dashboard: download a CSV of one's products, upload one, check, confirm.

The uploaded file waits between preview and confirm in private storage (sellers.listings_pending); the
signed-in user's session holds its token, the seller it was checked for and its digest: a confirm applies
only the file this seller previewed, checked again.
"""

import hashlib
import io

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG
from ocop_catalog.text import nfc

from .. import listings_csv, listings_pending
from .dashboard import ActiveSellerMixin, SellerRequiredMixin

SESSION_KEY = "sellers:listing-import"
PREVIEW_ROWS = 20
ERRORS_SHOWN = 200


class ListingImportForm(forms.Form):
    file = forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("CSV file (UTF-8, up to %(megabytes)s MB)") % {"megabytes": _megabytes()}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > listings_csv.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(megabytes)s MB: split it into smaller files.") % {"megabytes": _megabytes()}
            )
        return upload


def _megabytes() -> int:
    return listings_csv.MAX_FILE_BYTES // (1024 * 1024)


# --- The file waiting for confirmation --------------------------------------------------------


def _pending_keep(request, *, seller, name: str, content: bytes, stock_reads: dict[str, int]) -> None:
    # The bytes wait in private storage; the session holds only their token, seller and digest.
    _pending_forget(request, seller=seller)
    token = listings_pending.pending_import_store(seller=seller, content=content, stock_reads=stock_reads)
    request.session[SESSION_KEY] = {
        "seller": seller.pk,
        "token": token,
        "name": nfc(name)[:100],
        "digest": hashlib.sha256(content).hexdigest(),
    }


def _pending_get(request, *, seller) -> dict | None:
    """The file this seller checked, with its bytes; another seller's (or a gone or damaged one) is dropped."""
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict):
        return None
    content = None
    if pending.get("seller") == seller.pk:
        content = listings_pending.pending_import_read(seller=seller, token=pending.get("token"))
    if content is None or hashlib.sha256(content).hexdigest() != pending.get("digest"):
        _pending_forget(request, seller=seller)
        return None
    stock_reads = listings_pending.pending_import_stock_reads(seller=seller, token=pending["token"])
    return {**pending, "content": content, "stock_reads": stock_reads}


def _pending_forget(request, *, seller) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    # Only this seller's own file: a token planted in the session is looked for in this seller's folder.
    if isinstance(pending, dict) and pending.get("seller") == seller.pk:
        listings_pending.pending_import_delete(seller=seller, token=pending.get("token"))


# --- Views ------------------------------------------------------------------------------------


class ListingExportView(SellerRequiredMixin, View):
    """The seller's products as CSV, with a BOM so that Excel reads Vietnamese right."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        body = "\ufeff" + "".join(listings_csv.listings_export(seller=self.seller))
        response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
        filename = f"{self.seller.slug}-san-pham-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ListingImportView(ActiveSellerMixin, FormView):
    """Upload a CSV: its faults, or a preview of what it would change and a button to confirm."""

    form_class = ListingImportForm
    template_name = "sellers/dashboard/listing_import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["header"] = ",".join(listings_csv.HEADER)
        context["max_rows"] = listings_csv.MAX_ROWS
        context["groups"] = PRODUCT_GROUPS_BY_SLUG.values()
        if "plan" not in kwargs:
            pending = _pending_get(self.request, seller=self.seller)
            if pending is not None:
                plan = listings_csv.listings_parse(
                    seller=self.seller, stream=io.BytesIO(pending["content"]), stock_reads=pending["stock_reads"]
                )
                context.update(_plan_context(plan), pending_name=pending["name"], digest=pending["digest"])
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        content = upload.read(listings_csv.MAX_FILE_BYTES + 1)
        plan = listings_csv.listings_parse(seller=self.seller, stream=io.BytesIO(content))
        if plan.errors:
            _pending_forget(self.request, seller=self.seller)
            return self.render_to_response(self.get_context_data(form=form, **_plan_context(plan)))
        # The stock levels this preview shows are what the seller's numbers are compared with at confirm.
        _pending_keep(self.request, seller=self.seller, name=upload.name, content=content, stock_reads=plan.stock_reads())
        return redirect("sellers:listing-import")


class ListingImportConfirmView(ActiveSellerMixin, View):
    """Apply the file this seller previewed; the digest posted must be the one shown."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        pending = _pending_get(request, seller=self.seller)
        if pending is None or not constant_time_compare(pending["digest"], request.POST.get("digest", "")):
            messages.error(request, _("There is no checked file to import, or it has changed: upload it again."))
            return redirect("sellers:listing-import")
        plan = listings_csv.listings_import(
            seller=self.seller, stream=io.BytesIO(pending["content"]), stock_reads=pending["stock_reads"]
        )
        if plan.errors:
            # The preview still shows them: the file stays pending.
            messages.error(request, _("The file has errors now: nothing was imported."))
            return redirect("sellers:listing-import")
        _pending_forget(request, seller=self.seller)
        messages.success(
            request,
            _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged; "
              "%(certificates)s certificates sent for verification.")
            % {"created": plan.created, "updated": plan.updated, "unchanged": plan.unchanged,
               "certificates": plan.certificates},
        )  # fmt: skip
        return redirect("sellers:product-list")


class ListingImportCancelView(SellerRequiredMixin, View):
    """Drop the file waiting for confirmation."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        _pending_forget(request, seller=self.seller)
        messages.info(request, _("The import was cancelled: nothing was changed."))
        return redirect("sellers:listing-import")


ACTION_LABELS = {
    listings_csv.CREATE: gettext_lazy("New"),
    listings_csv.UPDATE: gettext_lazy("Updated"),
    listings_csv.UNCHANGED: gettext_lazy("Unchanged"),
}


def _plan_context(plan) -> dict:
    preview = [
        {
            "row": row.row,
            "sku": row.listing.sku,
            "title": row.listing.title,
            "group": PRODUCT_GROUPS_BY_SLUG[row.listing.group_slug].label,
            "price_vnd": row.listing.price_vnd,
            "stock": row.listing.stock,
            "stars": row.certificate.stars if row.certificate else None,
            "action": ACTION_LABELS[row.action],
        }
        for row in plan.rows[:PREVIEW_ROWS]
    ]
    return {
        "plan": plan,
        "preview": preview,
        "rows_not_shown": max(len(plan.rows) - PREVIEW_ROWS, 0),
        "errors": plan.errors[:ERRORS_SHOWN],
        "errors_not_shown": max(len(plan.errors) - ERRORS_SHOWN, 0),
    }
