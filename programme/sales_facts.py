"""The sales facts behind the dashboard's flow indicators (programme.models.SalesDay, and what a period cannot sum:
SalesBuyer, SalesConfirmation, SalesSharedOrder): recomputed per day with set-based SQL, and kept current by
marking the days that change.

Every fact is filed under the day its order was placed (Vietnam time), so an order placed, a seller's part moved
or a refund made changes one day. The beat task `sales_facts_refresh_dirty` recomputes, every
PROGRAMME_FACTS_REFRESH_SECONDS, today and yesterday (most changes: orders are placed today, and paid, confirmed
and shipped within a day or two — they need no mark, so placing an order writes nothing more) and the older days
programme.sales_signals marked (SalesDirtyDay) once their change committed;
`sales_facts_refresh_nightly` recomputes the last PROGRAMME_FACTS_NIGHTLY_DAYS days (so what no signal reports — a
product given another producer, a producer moving commune — is right by the next morning).

A day is recomputed by deleting its rows and inserting them again from orders, lines, parts and refunds (grouped
INSERT … SELECT, one transaction per batch of days, under a lock so two refreshes never interleave): running it
twice gives the same rows.
"""

import datetime
import time
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, Producer
from payments import methods
from sellers import lifecycle
from sellers.models import Fulfilment, FulfilmentStatusChange, SellerRefund

from .models import SalesBuyer, SalesConfirmation, SalesDay, SalesDirtyDay, SalesFactsRefresh, SalesSharedOrder
from .sql import buyer_key_sql

Order = get_model("order", "Order")
Line = get_model("order", "Line")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")

BATCH_DAYS = 31
LOCK_KEY = 1306  # PostgreSQL advisory lock: one refresh at a time (issue 13.6)
RUNS_KEPT_DAYS = 30


def refresh_seconds() -> int:
    return int(getattr(settings, "PROGRAMME_FACTS_REFRESH_SECONDS", 300))


def nightly_days() -> int:
    return int(getattr(settings, "PROGRAMME_FACTS_NIGHTLY_DAYS", 400))


def _zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def day_of(moment: datetime.datetime) -> datetime.date:
    """The day (Vietnam time) a fact placed at `moment` is filed under."""
    return timezone.localtime(moment, _zone()).date()


def _today() -> datetime.date:
    return timezone.localdate(timezone=_zone())


def _start_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=_zone())


# --- Marking days out of date -------------------------------------------------------------------


def days_mark_dirty(*, days: Iterable[datetime.date]) -> None:
    """Mark `days` for the next refresh. Idempotent (a day already marked stays marked once)."""
    marks = [SalesDirtyDay(day=day) for day in sorted(set(days))]
    if marks:
        SalesDirtyDay.objects.bulk_create(marks, ignore_conflicts=True)


def days_always_refreshed(*, today: datetime.date | None = None) -> list[datetime.date]:
    """Today and yesterday: every refresh recomputes them (yesterday too, for a change made just before midnight
    to an order of that day)."""
    return last_days(2, today=today)


def day_mark_dirty_on_commit(*, moment: datetime.datetime) -> None:
    """Mark the day of `moment` for the next refresh once the current transaction commits (never in the writer's
    transaction, so busy checkouts do not queue on one row) — unless it is today, which every refresh recomputes.
    Robust: a change is never refused for its mark, and the nightly refresh catches a mark lost to a crash."""
    day = day_of(moment)
    if day != _today():
        transaction.on_commit(lambda: days_mark_dirty(days=[day]), robust=True)


# --- Recomputing days ---------------------------------------------------------------------------


@dataclass
class RefreshResult:
    days: int
    batches: int
    seconds: float


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _real() -> str:
    return "DOUBLE PRECISION" if connection.vendor == "postgresql" else "REAL"


def _source_sql(start: datetime.datetime, end: datetime.datetime) -> tuple[str, list]:
    """The WITH clause every insert starts from: the orders placed from `start` to before `end`, their lines with
    their area, part status and net delivered value (`live`: parts not cancelled), and their parts with their
    area (the first line's), confirmation wait and whether the deadline job cancelled them."""
    vendor = connection.vendor
    real = _real()
    day_sql, day_params = connection.ops.datetime_cast_date_sql("o.date_placed", [], settings.TIME_ZONE)
    if vendor == "postgresql":
        seconds = f"CAST(EXTRACT(EPOCH FROM (f.confirmed_at - COALESCE(paid.paid_at, f.created_at))) AS {real})"
    else:
        seconds = "((julianday(f.confirmed_at) - julianday(COALESCE(paid.paid_at, f.created_at))) * 86400.0)"
    names = {
        "order": _table(Order), "line": _table(Line), "product": _table(Product), "producer": _table(Producer),
        "address": _table(ShippingAddress), "part": _table(Fulfilment), "change": _table(FulfilmentStatusChange),
        "refund": _table(SellerRefund), "commune": _table(Commune),
    }  # fmt: skip
    sql = f"""
WITH placed AS (
    SELECT o.id AS order_id, {day_sql} AS day, o.payment_method AS method,
           COALESCE(CAST(o.user_id AS TEXT), NULLIF(o.guest_email, ''), CAST(a.phone_number AS TEXT)) AS buyer
    FROM {names["order"]} o LEFT JOIN {names["address"]} a ON a.id = o.shipping_address_id
    WHERE o.date_placed >= %s AND o.date_placed < %s
), item AS (
    SELECT l.id, l.order_id, l.partner_id, l.quantity, CAST(l.line_price_incl_tax AS {real}) AS value,
           placed.day, placed.method, placed.buyer, p.ocop_producer_id AS producer_id, pr.commune_id, cm.province_id,
           COALESCE(f.status, '') AS part_status, f.id AS part_id,
           SUM(CAST(l.line_price_incl_tax AS {real})) OVER (PARTITION BY l.order_id, l.partner_id) AS part_value,
           ROW_NUMBER() OVER (PARTITION BY l.order_id, l.partner_id ORDER BY l.id) AS place
    FROM placed JOIN {names["line"]} l ON l.order_id = placed.order_id
    LEFT JOIN {names["product"]} p ON p.id = l.product_id
    LEFT JOIN {names["producer"]} pr ON pr.id = p.ocop_producer_id
    LEFT JOIN {names["commune"]} cm ON cm.code = pr.commune_id
    LEFT JOIN {names["part"]} f ON f.order_id = l.order_id AND f.partner_id = l.partner_id
), refunded AS (
    SELECT r.fulfilment_id, CAST(SUM(r.amount) AS {real}) AS amount
    FROM {names["refund"]} r JOIN {names["part"]} f ON f.id = r.fulfilment_id JOIN placed ON placed.order_id = f.order_id
    GROUP BY r.fulfilment_id
), live AS (
    SELECT item.*,
           CASE WHEN item.part_status = %s THEN item.value - COALESCE(item.value * refunded.amount / NULLIF(item.part_value, 0), 0) END
               AS net
    FROM item LEFT JOIN refunded ON refunded.fulfilment_id = item.part_id
    WHERE item.part_status <> %s
), part AS (
    SELECT f.id, placed.day, head.province_id, head.commune_id, head.producer_id,
           CASE WHEN f.confirmed_at IS NOT NULL THEN {seconds} END AS seconds,
           CASE WHEN EXISTS (SELECT 1 FROM {names["change"]} c WHERE c.fulfilment_id = f.id AND c.transition = %s)
                THEN 1 ELSE 0 END AS expired
    FROM placed JOIN {names["part"]} f ON f.order_id = placed.order_id
    LEFT JOIN item head ON head.order_id = f.order_id AND head.partner_id = f.partner_id AND head.place = 1
    LEFT JOIN (
        SELECT c.fulfilment_id, MAX(c.created_at) AS paid_at FROM {names["change"]} c
        JOIN {names["part"]} f ON f.id = c.fulfilment_id JOIN placed ON placed.order_id = f.order_id
        WHERE c.transition = %s GROUP BY c.fulfilment_id
    ) paid ON paid.fulfilment_id = f.id
)"""
    # Placeholders in order of appearance: the day's time zone, the range, delivered, cancelled, expire, pay.
    adapt = connection.ops.adapt_datetimefield_value  # SQLite compares UTC text: no offset in the bounds
    return sql, [*day_params, adapt(start), adapt(end), lifecycle.DELIVERED, lifecycle.CANCELLED, "expire", "pay"]


AREA = "day, province_id, commune_id, producer_id"
FACT_MODELS = (SalesDay, SalesBuyer, SalesConfirmation, SalesSharedOrder)


def _insert(model, names: tuple[str, ...], select: str, params: list, *, start, end) -> tuple[str, list]:
    source, source_params = _source_sql(start, end)
    columns = ", ".join(_column(model, name) for name in ("day", "province", "commune", "producer", *names))
    return f"{source}\nINSERT INTO {_table(model)} ({columns})\n{select}", [*source_params, *params]


def _insert_statements(start: datetime.datetime, end: datetime.datetime) -> list[tuple[str, list]]:
    """One INSERT … SELECT per fact table for the orders placed from `start` to before `end`."""
    # Net values are never below 0; summed in floating point as the shares are, kept to the hundredth of a đồng.
    days = f"""SELECT {AREA}, SUM(orders), SUM(cod), SUM(vietqr), SUM(card), SUM(n_lines), SUM(n_items),
       COALESCE(ROUND(CAST(SUM(revenue) AS NUMERIC), 2), 0), SUM(parts), SUM(confirmed), SUM(expired)
FROM (
    SELECT {AREA}, COUNT(DISTINCT order_id) AS orders,
           COUNT(DISTINCT CASE WHEN method = %s THEN order_id END) AS cod,
           COUNT(DISTINCT CASE WHEN method = %s THEN order_id END) AS vietqr,
           COUNT(DISTINCT CASE WHEN method = %s THEN order_id END) AS card,
           COUNT(*) AS n_lines, SUM(quantity) AS n_items,
           SUM(CASE WHEN net > 0 THEN net ELSE 0 END) AS revenue, 0 AS parts, 0 AS confirmed, 0 AS expired
    FROM live GROUP BY {AREA}
    UNION ALL
    SELECT {AREA}, 0, 0, 0, 0, 0, 0, CAST(NULL AS {_real()}), COUNT(*), COUNT(seconds), SUM(expired)
    FROM part GROUP BY {AREA}
) area GROUP BY {AREA}"""
    # An order's areas, when it has more than one.
    shared = f"""SELECT {AREA}, order_id, method
FROM (SELECT DISTINCT {AREA}, order_id, method FROM live) area
WHERE order_id IN (
    SELECT order_id FROM (SELECT DISTINCT order_id, province_id, commune_id, producer_id FROM live) areas
    GROUP BY order_id HAVING COUNT(*) > 1
)"""
    span = {"start": start, "end": end}
    return [
        _insert(
            SalesDay, ("orders", "orders_cod", "orders_vietqr", "orders_card", "lines", "items", "revenue", "parts",
                       "parts_confirmed", "parts_auto_cancelled"),
            days, [methods.COD, methods.VIETQR, methods.CARD], **span,
        ),  # fmt: skip
        _insert(
            SalesBuyer, ("buyer",),
            f"SELECT DISTINCT {AREA}, {buyer_key_sql(connection.vendor, 'buyer')} FROM live WHERE buyer IS NOT NULL", [], **span,
        ),  # fmt: skip
        _insert(SalesConfirmation, ("seconds",), f"SELECT {AREA}, seconds FROM part WHERE seconds IS NOT NULL", [], **span),
        _insert(SalesSharedOrder, ("order", "payment_method"), shared, [], **span),
    ]


def _batches(days: Iterable[datetime.date], size: int) -> list[tuple[datetime.date, datetime.date]]:
    """Runs of consecutive days, each at most `size` long, as (first, last)."""
    batches: list[tuple[datetime.date, datetime.date]] = []
    for day in sorted(set(days)):
        if batches and day == batches[-1][1] + datetime.timedelta(days=1) and (day - batches[-1][0]).days < size:
            batches[-1] = (batches[-1][0], day)
        else:
            batches.append((day, day))
    return batches


def _batch_refresh(first: datetime.date, last: datetime.date) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        # Taken inside the batch: a change committed after this is marked again and refreshed next time.
        SalesDirtyDay.objects.filter(day__range=(first, last)).delete()
        for model in FACT_MODELS:
            model.objects.filter(day__range=(first, last)).delete()
        for sql, params in _insert_statements(_start_of(first), _start_of(last + datetime.timedelta(days=1))):
            cursor.execute(sql, params)


def refresh(
    *, days: Iterable[datetime.date] = (), reason: str = "days", batch_days: int = BATCH_DAYS,
    progress: Callable[[int, int, datetime.date, datetime.date], None] | None = None,
) -> RefreshResult:  # fmt: skip
    """Recompute the sales facts of `days` and of every day marked out of date, in batches of at most
    `batch_days` consecutive days (one transaction each). Idempotent. `progress(done, total, first, last)` is
    called after each batch. Records the refresh (the dashboard's "as of")."""
    started_at, started = timezone.now(), time.monotonic()
    wanted = set(days) | set(SalesDirtyDay.objects.values_list("day", flat=True))
    batches = _batches(wanted, batch_days)
    for done, (first, last) in enumerate(batches, start=1):
        _batch_refresh(first, last)
        if progress is not None:
            progress(done, len(batches), first, last)
    SalesFactsRefresh.objects.create(
        reason=reason, started_at=started_at, finished_at=timezone.now(), days=len(wanted),
        first_day=min(wanted, default=None), last_day=max(wanted, default=None),
    )  # fmt: skip
    SalesFactsRefresh.objects.filter(started_at__lt=started_at - datetime.timedelta(days=RUNS_KEPT_DAYS)).delete()
    return RefreshResult(days=len(wanted), batches=len(batches), seconds=time.monotonic() - started)


def refresh_dirty() -> RefreshResult:
    """Recompute today, yesterday and the days marked out of date (the beat task, every
    PROGRAMME_FACTS_REFRESH_SECONDS)."""
    return refresh(days=days_always_refreshed(), reason="dirty")


def last_days(count: int, *, today: datetime.date | None = None) -> list[datetime.date]:
    today = today or _today()
    return [today - datetime.timedelta(days=back) for back in range(count)]


def refresh_recent(*, days: int | None = None) -> RefreshResult:
    """Recompute the last `days` days (PROGRAMME_FACTS_NIGHTLY_DAYS) and the marked ones (the nightly task)."""
    return refresh(days=last_days(days or nightly_days()), reason="nightly")


def order_days() -> tuple[datetime.date, datetime.date] | None:
    """The first and last day any order was placed, or None without orders."""
    first = Order.objects.order_by("date_placed").values_list("date_placed", flat=True).first()
    last = Order.objects.order_by("-date_placed").values_list("date_placed", flat=True).first()
    return None if first is None else (day_of(first), day_of(last))


def backfill(*, since: datetime.date | None = None, progress=None, batch_days: int = BATCH_DAYS) -> RefreshResult:
    """Recompute every day from `since` (by default the first order's day) to today (the backfill command, the
    demo loader, the benchmark)."""
    today = _today()
    if since is None:
        span = order_days()
        since = span[0] if span else today
    days = last_days(max((today - since).days + 1, 0), today=today)
    return refresh(days=days, reason="backfill", batch_days=batch_days, progress=progress)


def as_of() -> datetime.datetime | None:
    """When the last refresh started: the facts hold every change committed before it (each refresh takes the
    days marked out of date). None before the first refresh."""
    return SalesFactsRefresh.objects.values_list("started_at", flat=True).first()
