"""What each dashboard page holds — the areas' rows, the total, pilots against other communes, monthly sales — read
in a fixed number of queries and cached for a few minutes (the page says when its figures were computed)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop_catalog.models import Commune, Producer, Province

from . import indicators, sales_facts
from .indicators import COMMUNE, NATIONAL, NATIONAL_KEY, PILOT, PRODUCER, PROVINCE, Figures, Period, Scope
from .models import Pilot
from .presenters import PILOT_LABELS, Comparison, Row

CACHE_VERSION = 1


def cache_seconds() -> int:
    return int(getattr(settings, "PROGRAMME_DASHBOARD_CACHE_SECONDS", 600))


@dataclass
class PageData:
    title: str
    level: str  # what the rows are: province, commune or producer
    rows: list[Row]
    total: Row
    comparisons: list[Comparison] = field(default_factory=list)
    monthly: list[dict] = field(default_factory=list)
    pilots: list[Pilot] = field(default_factory=list)
    computed_at: datetime.datetime | None = None
    sales_as_of: datetime.datetime | None = None  # the sales facts' last refresh (programme.sales_facts.as_of)


# Pages the hourly task (programme.tasks) computes ahead for every province and the nation, for the standard periods.
PRECOMPUTED_DAYS = (30, 90, 365)
PRECOMPUTED_SECONDS = 2 * 3600


def _computed(build) -> "PageData":
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Grouped queries with correlated subqueries look costly to the planner, which then spends more time
            # JIT-compiling them than running them (90 ms of 220 on the parts query): off for this transaction.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
                # A year of sales facts' details (buyers, confirmation times) is hashed and sorted in memory, not
                # on disk (20–30 MB at 100,000 orders a year).
                cursor.execute("SET LOCAL work_mem = '64MB'")
        data = build()
    data.computed_at = timezone.now()
    data.sales_as_of = sales_facts.as_of()
    return data


def _cached(key: str, build, *, refresh: bool = False):
    """The page's data from the cache, else computed and kept for PROGRAMME_DASHBOARD_CACHE_SECONDS; `refresh`
    computes it again and keeps it until the next hourly refresh."""
    data = None if refresh else cache.get(key)
    if data is None:
        data = _computed(build)
        cache.set(key, data, PRECOMPUTED_SECONDS if refresh else cache_seconds())
    return data


def _key(kind: str, code: str, period: Period) -> str:
    return f"programme:page:v{CACHE_VERSION}:{kind}:{code}:{period.start:%Y%m%d}:{period.end:%Y%m%d}"


def _comparisons(*, province: str | None, period: Period, memo: dict) -> list[Comparison]:
    groups = indicators.figures(scope=Scope(level=PILOT, province=province), period=period, memo=memo)
    counts = indicators.commune_counts_by_pilot(province=province)
    return [
        Comparison(label=_("Pilot communes"), communes=counts[True], figures=groups.get(True, Figures(key=True))),
        Comparison(label=_("Other communes"), communes=counts[False], figures=groups.get(False, Figures(key=False))),
    ]


def national_page(*, period: Period, refresh: bool = False) -> PageData:
    """Every province, the nation, pilot communes against the others, monthly sales."""

    def build():
        target = indicators.online_target_percent()
        memo: dict = {}  # the three groupings of the nation add up one reading by commune
        by_province = indicators.figures(scope=Scope(level=PROVINCE), period=period, memo=memo)
        pilots = dict(
            Pilot.objects.values("commune__province_id").order_by().annotate(n=Count("commune", distinct=True))
            .values_list("commune__province_id", "n")
        )  # fmt: skip
        rows = [
            Row(
                key=province.code, name=province.short_name, url=reverse("programme:province", args=[province.code]),
                pilot=str(pilots.get(province.code, "")), figures=by_province.get(province.code, Figures(key=province.code)),
                target=target,
            )  # fmt: skip
            for province in Province.objects.order_by("short_name")
        ]
        national = indicators.figures(scope=Scope(level=NATIONAL), period=period, memo=memo).get(NATIONAL_KEY, Figures())
        return PageData(
            title=_("Whole country"), level=PROVINCE, rows=rows,
            total=Row(key=NATIONAL_KEY, name=_("Whole country"), figures=national, target=target),
            comparisons=_comparisons(province=None, period=period, memo=memo),
            monthly=indicators.monthly_sales(scope=Scope(level=NATIONAL), until=period.end),
        )  # fmt: skip

    return _cached(_key("national", "VN", period), build, refresh=refresh)


def province_page(*, province: Province, period: Period, refresh: bool = False) -> PageData:
    """The province's communes that have anything to show (figures or a pilot), the province, its pilot
    communes against its other communes, monthly sales."""

    def build():
        default_target = indicators.online_target_percent()
        memo: dict = {}  # the three groupings of the province add up one reading by commune
        by_commune = indicators.figures(scope=Scope(level=COMMUNE, province=province.code), period=period, memo=memo)
        pilots = list(Pilot.objects.filter(commune__province=province).select_related("commune"))
        kinds, targets = {}, {}
        for pilot in pilots:
            kinds.setdefault(pilot.commune_id, set()).add(pilot.kind)
            if pilot.target_online_percent is not None:
                targets[pilot.commune_id] = pilot.target_online_percent
        shown = set(by_commune) | set(kinds)
        rows = [
            Row(
                key=commune.code, name=commune.name, url=reverse("programme:commune", args=[commune.code]),
                pilot=", ".join(PILOT_LABELS[kind] for kind in sorted(kinds.get(commune.code, ()))),
                figures=by_commune.get(commune.code, Figures(key=commune.code)),
                target=targets.get(commune.code, default_target),
            )  # fmt: skip
            for commune in Commune.objects.filter(province=province, code__in=shown)
        ]
        total = indicators.figures(scope=Scope(level=PROVINCE, province=province.code), period=period, memo=memo)
        return PageData(
            title=province.name, level=COMMUNE, rows=rows,
            total=Row(key=province.code, name=province.name, figures=total.get(province.code, Figures()), target=default_target),
            comparisons=_comparisons(province=province.code, period=period, memo=memo),
            monthly=indicators.monthly_sales(scope=Scope(level=NATIONAL, province=province.code), until=period.end),
            pilots=pilots,
        )  # fmt: skip

    return _cached(_key("province", province.code, period), build, refresh=refresh)


def commune_page(*, commune: Commune, period: Period) -> PageData:
    """The commune's producers, the commune, its pilot designations, monthly sales."""

    def build():
        pilots = list(Pilot.objects.filter(commune=commune))
        target = next((p.target_online_percent for p in pilots if p.target_online_percent is not None), None)
        target = indicators.online_target_percent() if target is None else target
        by_producer = indicators.figures(scope=Scope(level=PRODUCER, commune=commune.code), period=period)
        rows = [
            Row(key=producer.pk, name=f"{producer.name} ({producer.get_kind_display()})",
                figures=by_producer.get(producer.pk, Figures(key=producer.pk)), target=target)
            for producer in Producer.objects.filter(commune=commune)
        ]  # fmt: skip
        total = indicators.figures(scope=Scope(level=COMMUNE, commune=commune.code), period=period)
        return PageData(
            title=str(commune), level=PRODUCER, rows=rows,
            total=Row(key=commune.code, name=commune.name, figures=total.get(commune.code, Figures()), target=target,
                      pilot=", ".join(PILOT_LABELS[p.kind] for p in pilots)),
            monthly=indicators.monthly_sales(scope=Scope(level=NATIONAL, commune=commune.code), until=period.end),
            pilots=pilots,
        )  # fmt: skip

    return _cached(_key("commune", commune.code, period), build)


def public_overview(*, period: Period) -> PageData:
    """The national page without links or pilot comparisons' detail: aggregates only, for anyone."""
    return national_page(period=period)
