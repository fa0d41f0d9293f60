"""Programme staff dashboard under /shop/dashboard/ocop/: every dossier by state with counts, filters and
overdue steps, its CSV export, a dossier read-only with its audit trail, and the criteria sheets (edited as
their JSON data format; a save is a new version).

Who gets in: staff_selectors.is_programme_staff (staff with `evaluation.view_dossier`); anyone else signed in
gets a 403, an anonymous visitor the sign-in page. Nothing here changes a dossier.
"""

import csv
import json
from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import presenters, selectors, sheets
from .models import CriteriaSheet, Dossier
from .staff_forms import DossierFilterForm, SheetEditForm
from .staff_presenters import audit_action_label, audit_changes, dossier_row, local, sheet_preview
from .staff_selectors import (
    can_edit_sheets,
    filter_provinces,
    is_programme_staff,
    sheet_document,
    sheets_by_code,
    staff_dossier,
    staff_dossier_counts,
    staff_dossiers,
)

PAGE_SIZE = 100


def _private(response):
    # Dossiers name producers and their scores: never kept by a proxy, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class ProgrammeStaffMixin(AccessMixin):
    login_url = "/shop/dashboard/login/"
    edits_sheets = False
    section = "dossiers"  # the dashboard's tab

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        allowed = can_edit_sheets(request.user) if self.edits_sheets else is_programme_staff(request.user)
        if not allowed:
            raise PermissionDenied(_("This page is for the OCOP programme staff."))
        return _private(super().dispatch(request, *args, **kwargs))


# --- Dossiers -------------------------------------------------------------------------------------


def _filtered(request):
    form = DossierFilterForm(request.GET, provinces=filter_provinces())
    return form, form.filters()


class DossierListView(ProgrammeStaffMixin, TemplateView):
    template_name = "evaluation/staff/dossier_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        form, filters = _filtered(self.request)
        page = Paginator(staff_dossiers(filters=filters, now=now), PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        without_status = query.copy()
        without_status.pop("trang_thai", None)
        context.update(
            form=form, filters=filters, page_obj=page, rows=[dossier_row(dossier, now=now) for dossier in page],
            counts=staff_dossier_counts(filters=filters, now=now), query=query.urlencode(),
            query_without_status=without_status.urlencode(), can_edit_sheets=can_edit_sheets(self.request.user),
        )  # fmt: skip
        context["status_tabs"] = [
            (status, label, context["counts"]["by_status"][status]) for status, label in form.fields["trang_thai"].choices if status
        ]
        return context


class _Echo:
    def write(self, value):
        return value


CSV_HEADERS = [
    "Mã hồ sơ", "Sản phẩm", "Người bán", "Xã/phường", "Tỉnh/thành phố", "Nhóm sản phẩm", "Bộ tiêu chí",
    "Loại hồ sơ", "Trạng thái", "Ngày nộp", "Ở bước này từ", "Số ngày ở bước này", "Hạn (ngày)", "Quá hạn",
    "Điểm", "Hạng sao", "Số giấy chứng nhận", "Tình trạng giấy chứng nhận",
]  # fmt: skip


def csv_safe(value) -> str:
    """A cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) starts with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_cells(row) -> list[str]:
    return [
        csv_safe(cell)
        for cell in (
            row.pk, row.product, row.seller, row.commune, row.province, row.group, row.sheet, row.kind, row.status_label,
            local(row.submitted_at), local(row.step_since), row.days_in_step, row.limit_days or "",
            "Có" if row.overdue else "Không", row.result_score, f"{row.result_stars}★" if row.result_stars else "",
            row.certificate_number, row.certificate_status,
        )
    ]  # fmt: skip


class DossierCsvView(ProgrammeStaffMixin, TemplateView):
    """Exactly the filtered list (every page of it), streamed: UTF-8 with a BOM so Excel reads Vietnamese."""

    def get(self, request, *args, **kwargs):
        now = timezone.now()
        _form, filters = _filtered(request)
        writer = csv.writer(_Echo())
        dossiers = staff_dossiers(filters=filters, now=now)

        def lines():
            yield "\ufeff" + writer.writerow(CSV_HEADERS)
            for dossier in dossiers.iterator(chunk_size=500):
                yield writer.writerow(csv_cells(dossier_row(dossier, now=now)))

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ho-so-ocop-{timezone.localdate():%Y-%m-%d}.csv"'
        return response


class DossierDetailView(ProgrammeStaffMixin, TemplateView):
    template_name = "evaluation/staff/dossier_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            dossier = staff_dossier(pk=kwargs["pk"])
        except Dossier.DoesNotExist:
            raise Http404 from None
        trail = [
            {"entry": entry, "label": audit_action_label(entry.action), "changes": audit_changes(entry)}
            for entry in selectors.dossier_audit_trail(dossier=dossier)
        ]
        context.update(
            dossier=dossier, row=dossier_row(dossier, now=timezone.now()), trail=trail,
            score=presenters.dossier_self_assessment(dossier=dossier), rounds=list(dossier.rounds.all()),
        )  # fmt: skip
        return context


# --- Criteria sheets ------------------------------------------------------------------------------


class SheetListView(ProgrammeStaffMixin, TemplateView):
    section = "sheets"
    template_name = "evaluation/staff/sheet_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(sheets=sheets_by_code(), can_edit_sheets=can_edit_sheets(self.request.user))
        return context


def _sheet(pk) -> CriteriaSheet:
    sheet = CriteriaSheet.objects.filter(pk=pk).first()
    if sheet is None:
        raise Http404
    return sheet


class SheetDetailView(ProgrammeStaffMixin, TemplateView):
    section = "sheets"
    template_name = "evaluation/staff/sheet_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sheet = _sheet(kwargs["pk"])
        context.update(
            sheet=sheet, preview=sheet_preview(sheet_document(sheet=sheet)), can_edit_sheets=can_edit_sheets(self.request.user),
            newest=selectors.sheet_current(code=sheet.code), dossier_count=sheet.dossiers.count(),
        )  # fmt: skip
        return context


class SheetEditView(ProgrammeStaffMixin, TemplateView):
    """GET: the version as JSON in a text area. POST "preview": the edited text checked and laid out, nothing
    saved. POST "save": stored as the code's next version by the loader (evaluation.sheets.criteria_sheet_load),
    which refuses what `load_ocop_criteria` refuses; an unchanged text makes no version."""

    template_name = "evaluation/staff/sheet_edit.html"
    edits_sheets = True
    section = "sheets"

    @cached_property
    def sheet(self) -> CriteriaSheet:
        return _sheet(self.kwargs["pk"])  # read after the access check: a stranger learns nothing of the ids

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context:
            text = json.dumps(sheet_document(sheet=self.sheet), ensure_ascii=False, indent=2)
            context["form"] = SheetEditForm(initial={"document": text}, code=self.sheet.code)
        context.update(sheet=self.sheet, newest=selectors.sheet_current(code=self.sheet.code))
        return context

    def post(self, request, *args, **kwargs):
        form = SheetEditForm(request.POST, code=self.sheet.code)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        document = form.cleaned_data["document"]
        if request.POST.get("action") != "save":
            return self.render_to_response(self.get_context_data(form=form, preview=sheet_preview(document)))
        result = sheets.criteria_sheet_load(document=document, loaded_from=f"dashboard: {request.user.email}")
        if result.created:
            messages.success(
                request,
                _("Saved as version %(version)s. Dossiers filed on earlier versions keep theirs; new dossiers use this one.")
                % {"version": result.sheet.version},
            )
        else:
            messages.info(request, _("Nothing changed: no new version was made."))
        return redirect("evaluation-staff:sheet-detail", pk=result.sheet.pk)
