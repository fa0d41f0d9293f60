"""Celery tasks of the programme: thin wrappers that are safe to run twice."""

from celery import shared_task

from ocop_catalog.models import Province

from . import pages, sales_facts
from .indicators import Period


@shared_task
def dashboard_figures_refresh() -> int:
    """Compute the national page and every province's page for the last 30, 90 and 365 days ahead of the staff
    who open them (each page says when its figures were computed). Returns how many pages were computed."""
    computed = 0
    for days in pages.PRECOMPUTED_DAYS:
        period = Period.last_days(days)
        pages.national_page(period=period, refresh=True)
        computed += 1
        for province in Province.objects.order_by("code"):
            pages.province_page(province=province, period=period, refresh=True)
            computed += 1
    return computed


@shared_task
def sales_facts_refresh_dirty() -> int:
    """Recompute the sales facts of the days marked out of date (beat, every PROGRAMME_FACTS_REFRESH_SECONDS).
    Returns how many days were recomputed."""
    return sales_facts.refresh_dirty().days


@shared_task
def sales_facts_refresh_nightly() -> int:
    """Recompute the last PROGRAMME_FACTS_NIGHTLY_DAYS days of sales facts (beat, nightly). Returns the days."""
    return sales_facts.refresh_recent().days
