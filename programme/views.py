"""Thin views of the programme dashboard: who may see which area is decided by programme.selectors (another
province's figures are a 404), what a page holds by programme.pages, how it is written by programme.presenters."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import charts, exports, pages, sales_facts, selectors
from .forms import PeriodForm
from .indicators import INDICATORS, PRODUCER
from .presenters import SORTABLE, Sort, columns, comparison_columns, period_label


def _role(request):
    role = selectors.programme_staff_for(user=request.user)
    if role is None:
        raise PermissionDenied
    return role


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _page_charts(data, *, target: int) -> dict:
    months = data.monthly
    labels = [f"{m['month']:%m/%y}" for m in months]
    total = data.total.figures
    share_rows = [(row.name, row.figures.online_share, row.target or target) for row in data.rows if row.figures.producers]
    return {
        "orders": charts.column_chart(title=_("Orders by month"), labels=labels, values=[m["orders"] for m in months],
                                      unit="count", chart_id="chart-orders"),
        "revenue": charts.column_chart(title=_("Delivered revenue by month (VND)"), labels=labels,
                                       values=[m["revenue"] for m in months], unit="vnd", chart_id="chart-revenue"),
        "stars": charts.column_chart(
            title=_("Products on sale by valid stars"), labels=["5★", "4★", "3★", _("No valid ★")],
            values=[total.products_5, total.products_4, total.products_3, total.products_none], unit="count",
            chart_id="chart-stars", height=180,
        ),
        "share": charts.share_chart(title=_("Share of OCOP producers selling online, against the target"),
                                    rows=share_rows, chart_id="chart-share") if share_rows else None,
    }  # fmt: skip


def _line(row) -> dict:
    """A row as the template writes it, every figure already formatted (a table of 34 × 20 figures renders in a few ms)."""
    return {"name": row.name, "url": row.url, "cells": [(cell.unit, cell.text) for cell in row.cells()]}


def _render(request, data, *, period, form, breadcrumbs, public=False, filename="chi-tieu"):
    sort = Sort.from_query(request.GET)
    rows = sort.apply(data.rows)
    export = request.GET.get("export")
    if export in exports.FORMATS and not public:
        return _private(exports.response(export, data=data, rows=rows, period=period, filename=filename))
    from .indicators import online_target_percent

    query = request.GET.copy()
    for name in ("sort", "dir", "export"):
        query.pop(name, None)
    context = {
        "data": data, "rows": [_line(row) for row in rows], "total": _line(data.total), "columns": columns(),
        "indicators": INDICATORS, "sort": sort, "form": form,
        "period_label": period_label(period.start, period.end), "breadcrumbs": breadcrumbs, "public": public,
        "comparison_columns": comparison_columns(), "charts": _page_charts(data, target=online_target_percent()),
        "is_producer_level": data.level == PRODUCER, "query": query.urlencode(), "cache_minutes": pages.cache_seconds() // 60,
        "sales_minutes": max(sales_facts.refresh_seconds() // 60, 1),
        "headers": [{"column": column, "link": sort.link_for(column.code) if column.code in SORTABLE else None} for column in columns()],
        "name_link": sort.link_for("name"),
    }  # fmt: skip
    template = "programme/dashboard/overview.html" if public else "programme/dashboard/area.html"
    return render(request, template, context)


@login_required
@require_GET
def dashboard(request):
    role = _role(request)
    if not role.is_national:
        url = reverse("programme:province", args=[role.province_id])
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    form = PeriodForm(request.GET or None)
    period = form.period_value()
    data = pages.national_page(period=period)
    return _private(_render(request, data, period=period, form=form, breadcrumbs=[], filename="chi-tieu-toan-quoc"))


@login_required
@require_GET
def province(request, code: str):
    role = _role(request)
    area = selectors.province_for_staff(role=role, code=code)
    form = PeriodForm(request.GET or None)
    period = form.period_value()
    data = pages.province_page(province=area, period=period)
    crumbs = [(reverse("programme:dashboard"), _("Whole country"))] if role.is_national else []
    return _private(_render(request, data, period=period, form=form, breadcrumbs=crumbs, filename=f"chi-tieu-tinh-{code}"))


@login_required
@require_GET
def commune(request, code: str):
    role = _role(request)
    area = selectors.commune_for_staff(role=role, code=code)
    form = PeriodForm(request.GET or None)
    period = form.period_value()
    data = pages.commune_page(commune=area, period=period)
    crumbs = [(reverse("programme:dashboard"), _("Whole country"))] if role.is_national else []
    crumbs.append((reverse("programme:province", args=[area.province_id]), area.province.name))
    return _private(_render(request, data, period=period, form=form, breadcrumbs=crumbs, filename=f"chi-tieu-xa-{code}"))


@require_GET
@cache_control(public=True, max_age=600)
def overview(request):
    """Public: the nation's and each province's aggregates, no names of producers or buyers."""
    form = PeriodForm({"period": request.GET.get("period", "365")})
    if request.GET.get("period") not in (None, "30", "90", "365"):
        form = PeriodForm({"period": "365"})
    period = form.period_value()
    data = pages.public_overview(period=period)
    return _render(request, data, period=period, form=form, breadcrumbs=[], public=True)
