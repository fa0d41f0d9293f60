"""Benchmark the programme dashboard at national scale on PostgreSQL.

    .venv/bin/python benchmarks/programme.py [--database-url postgres://postgres@127.0.0.1:5432/h3]
        [--orders 100000] [--products 10000] [--runs 10] [--no-results]

1. a dedicated database (never `test`), migrated, with the 2025 localities and the 2023 pilot batch;
2. bulk-inserted (idempotent, tagged "pbench"): sellers in all 34 provinces, their producers, N products with
   certificates (valid, expiring, expired, none), M orders over the last 365 days with one or two items, their
   sellers' parts (delivered, confirmed, cancelled, auto-cancelled), payment methods and some refunds; then the
   dashboard's sales facts backfilled (programme.sales_facts);
3. each page's figures computed cold (JIT off, as the pages do) (cache emptied before each run): the national page (34 provinces, the nation,
   pilots against others, 12 months), a province page and a commune page, for 30 and 365 days; then the national
   page through the test client with its cache warm; the sales facts' refresh task for one day and their backfill
   of the whole year; the hourly task that computes the pages ahead.

Writes a `## Programme dashboard` section into benchmarks/RESULTS.md between its own markers. Target (issue 13.6):
p95 ≤ 500 ms for all 34 provinces with 100,000 orders and 10,000 products.
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from bench_common import ensure_database, results_section_write

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/h3"
BEGIN, END = "<!-- programme:begin -->", "<!-- programme:end -->"
TARGET_P95_MS = 500
PREFIX = "pbench"
SEED = 20261203
BATCH = 2000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("PROGRAMME_BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10, help="cold runs per page and period")
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md (trial runs)")
    return parser.parse_args()


def setup_django(url: str) -> None:
    os.environ.update(
        DATABASE_URL=url, DJANGO_SETTINGS_MODULE="marketplace.settings", DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SESSION_COOKIE_SECURE="false", DJANGO_CSRF_COOKIE_SECURE="false", CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_BROKER_URL="memory://", DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
    )  # fmt: skip
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def say(text: str) -> None:
    print(text, flush=True)


def prepare(*, products: int, orders: int) -> dict:
    """Top the database up to the wanted scale (idempotent: counts what the previous run left)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from oscar.core.loading import get_model

    from ocop_catalog import services
    from ocop_catalog.models import Commune, OcopCertificate, Producer, Province
    from programme.demo import PILOTS_2023
    from programme.pilots_csv import pilots_load
    from sellers.models import Fulfilment, FulfilmentStatusChange, Seller, SellerRefund

    Partner = get_model("partner", "Partner")
    Product = get_model("catalogue", "Product")
    StockRecord = get_model("partner", "StockRecord")
    Order = get_model("order", "Order")
    Line = get_model("order", "Line")
    rng = random.Random(SEED)
    call_command("migrate", verbosity=0, interactive=False)
    if Commune.objects.count() < 3000:
        say("  loading the 2025 localities")
        call_command("load_localities", verbosity=0)
    pilots_load(text=PILOTS_2023.read_text(encoding="utf-8"))
    today = timezone.localdate()
    now = timezone.now()
    communes_by_province: dict[str, list[str]] = {}
    for code, province in Commune.objects.values_list("code", "province_id"):
        communes_by_province.setdefault(province, []).append(code)
    pilot_communes = list(Commune.objects.filter(pilots__isnull=False).values_list("code", "province_id"))

    # Sellers: 10 per province, the pilot communes each with one more.
    if not Seller.objects.filter(slug__startswith=PREFIX).exists():
        say("  sellers and producers")
        places = [(province, rng.choice(communes_by_province[province])) for province in sorted(communes_by_province) for _ in range(10)]
        places += [(province, code) for code, province in pilot_communes]
        with transaction.atomic():
            partners = Partner.objects.bulk_create(
                [Partner(code=f"{PREFIX}-{i}", name=f"HTX thử tải {i}", commune_id=commune) for i, (_p, commune) in enumerate(places)]
            )
            Seller.objects.bulk_create([
                Seller(partner=partner, slug=f"{PREFIX}-{i}", name=partner.name, tax_code=f"{9_000_000_000 + i}",
                       email=f"{PREFIX}{i}@example.vn", commune_id=partner.commune_id, approved_at=now)
                for i, partner in enumerate(partners)
            ])  # fmt: skip
            # Every tenth seller suspended.
            Partner.objects.filter(pk__in=[p.pk for p in partners[::10]]).update(is_suspended=True)
            producers = []
            for i, partner in enumerate(partners):
                producers.append(Producer(name=partner.name, slug=f"{PREFIX}-{i}", commune_id=partner.commune_id, partner=partner,
                                          is_seller_itself=True))  # fmt: skip
                province = places[i][0]
                for j in range(2):  # two member households elsewhere in the province
                    producers.append(Producer(name=f"Hộ thử tải {i}-{j}", slug=f"{PREFIX}-{i}-{j}", kind="household",
                                              commune_id=rng.choice(communes_by_province[province]), partner=partner))  # fmt: skip
            Producer.objects.bulk_create(producers, batch_size=BATCH)
    producers = list(Producer.objects.filter(slug__startswith=PREFIX).values_list("pk", "partner_id"))

    have = Product.objects.filter(stockrecords__partner_sku__startswith=PREFIX).count()
    if have < products:
        say(f"  products {have} → {products}")
        product_class = services.ocop_product_class()
        while have < products:
            size = min(BATCH, products - have)
            with transaction.atomic():
                chosen = [rng.choice(producers) for _ in range(size)]
                new = Product.objects.bulk_create([
                    Product(structure=Product.STANDALONE, is_public=rng.random() > 0.03, title=f"Sản phẩm thử tải {have + k}",
                            slug=f"{PREFIX}-{have + k}", product_class=product_class, producer_id=partner, ocop_producer_id=producer)
                    for k, (producer, partner) in enumerate(chosen)
                ])  # fmt: skip
                StockRecord.objects.bulk_create([
                    StockRecord(product=product, partner_id=partner, partner_sku=f"{PREFIX}-{have + k}",
                                price=Decimal(rng.randrange(30, 900) * 1000), num_in_stock=100, price_currency="VND")
                    for k, (product, (_producer, partner)) in enumerate(zip(new, chosen, strict=True))
                ])  # fmt: skip
                certificates = []
                for product, (producer, _partner) in zip(new, chosen, strict=True):
                    roll = rng.random()
                    if roll < 0.1:
                        continue
                    stars = rng.choices([3, 4, 5], weights=[45, 40, 15])[0]
                    if roll < 0.2:
                        issued = today - datetime.timedelta(days=1200)  # expired
                    elif roll < 0.25:
                        issued = today - datetime.timedelta(days=36 * 30 + 5)  # expires within 90 days
                    else:
                        issued = today - datetime.timedelta(days=rng.randint(5, 900))
                    certificates.append(OcopCertificate(
                        product=product, holder_id=producer, stars=stars, score={3: 60, 4: 80, 5: 95}[stars],
                        number=f"{product.pk}/QĐ", issuer="UBND tỉnh", level="central" if stars == 5 else "province",
                        issued_on=issued, expires_on=services.certificate_default_expiry(issued_on=issued),
                        status=OcopCertificate.Status.VERIFIED,
                    ))  # fmt: skip
                OcopCertificate.objects.bulk_create(certificates)
            have += size

    catalogue = list(
        StockRecord.objects.filter(partner_sku__startswith=PREFIX).values_list("pk", "product_id", "partner_id", "price", "partner_sku")
    )
    have = Order.objects.filter(number__startswith="PB").count()
    added = have < orders
    if have < orders:
        say(f"  orders {have} → {orders}")
        users = [None] * 3 + list(get_model("users", "User").objects.values_list("pk", flat=True)[:50])
        while have < orders:
            size = min(BATCH, orders - have)
            with transaction.atomic():
                order_rows, items = [], []
                for k in range(size):
                    placed = now - datetime.timedelta(seconds=rng.randint(0, 365 * 86400))
                    picked = rng.sample(catalogue, rng.choice([1, 1, 1, 2]))
                    total = sum(record[3] for record in picked)
                    order_rows.append(Order(
                        number=f"PB{have + k:07d}", currency="VND", total_incl_tax=total, total_excl_tax=total,
                        shipping_incl_tax=0, shipping_excl_tax=0, status="Delivered", date_placed=placed,
                        guest_email=f"khach{rng.randint(1, 40000)}@example.vn", user_id=rng.choice(users),
                        payment_method=rng.choices(["cod", "vietqr", "card"], weights=[77, 15, 8])[0],
                    ))  # fmt: skip
                    items.append(picked)
                new_orders = Order.objects.bulk_create(order_rows)
                lines, parts = [], []
                for order, picked in zip(new_orders, items, strict=True):
                    seen = set()
                    for record_id, product_id, partner_id, price, sku in picked:
                        lines.append(Line(order=order, partner_id=partner_id, partner_sku=sku, stockrecord_id=record_id,
                                          product_id=product_id, title=sku, quantity=1, line_price_incl_tax=price,
                                          line_price_excl_tax=price, line_price_before_discounts_incl_tax=price,
                                          line_price_before_discounts_excl_tax=price, num_allocated=0))  # fmt: skip
                        if partner_id in seen:
                            continue  # one part per seller and order
                        seen.add(partner_id)
                        status = rng.choices(["delivered", "confirmed", "awaiting", "cancelled"], weights=[75, 8, 5, 12])[0]
                        confirmed = order.date_placed + datetime.timedelta(minutes=rng.randint(5, 40 * 60))
                        parts.append(Fulfilment(
                            order=order, partner_id=partner_id, status=status, confirm_by=order.date_placed + datetime.timedelta(hours=24),
                            confirmed_at=confirmed if status in ("delivered", "confirmed") else None,
                            delivered_at=confirmed + datetime.timedelta(days=3) if status == "delivered" else None,
                        ))  # fmt: skip
                Line.objects.bulk_create(lines)
                parts = Fulfilment.objects.bulk_create(parts)
                changes, refunds = [], []
                for part in parts:
                    if part.status == "cancelled" and rng.random() < 0.5:
                        changes.append(FulfilmentStatusChange(fulfilment=part, transition="expire", old_status="awaiting",
                                                              new_status="cancelled", created_at=part.confirm_by))  # fmt: skip
                    if part.status == "delivered" and rng.random() < 0.02:
                        refunds.append(SellerRefund(fulfilment=part, amount=Decimal(10_000), reason="thử tải"))
                FulfilmentStatusChange.objects.bulk_create(changes)
                SellerRefund.objects.bulk_create(refunds)
            have += size
            if have % 20_000 < BATCH:
                say(f"    {have}")
        # Parts were stamped "now" on insert: their waiting starts when their order was placed.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE sellers_fulfilment f SET created_at = o.date_placed FROM order_order o "
                "WHERE f.order_id = o.id AND o.number LIKE 'PB%%' AND f.created_at > o.date_placed"
            )
            cursor.execute("ANALYZE")
    # The dashboard reads the sales facts: computed for the whole history once orders were added (or never were).
    from programme import sales_facts
    from programme.models import SalesFactsRefresh

    if added or not SalesFactsRefresh.objects.exists():
        say("  sales facts (backfill)")
        result = sales_facts.backfill()
        say(f"    {result.days} days in {result.seconds:.0f} s")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "orders": Order.objects.count(), "lines": Line.objects.count(), "products": Product.objects.count(),
        "parts": Fulfilment.objects.count(), "producers": Producer.objects.count(), "provinces": Province.objects.count(),
    }  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _stats(times: list[float]) -> dict:
    return {"p50": statistics.median(times), "p95": percentile(times, 0.95), "max": max(times)}


def measure(*, runs: int) -> list[tuple[str, dict, int]]:
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from oscar.core.loading import get_model

    from ocop_catalog.models import Commune, Province
    from programme import pages
    from programme.indicators import Period
    from programme.models import Pilot, ProgrammeStaff

    Order = get_model("order", "Order")

    pilot = Pilot.objects.select_related("commune__province").order_by("commune_id").first()
    province = pilot.commune.province if pilot else Province.objects.first()
    commune = pilot.commune if pilot else Commune.objects.first()
    results = []
    for days in (30, 365):
        period = Period.last_days(days)
        for label, call in (
            ("national page (34 provinces)", lambda period=period: pages.national_page(period=period)),
            (f"province page ({province.short_name})", lambda period=period: pages.province_page(province=province, period=period)),
            (f"commune page ({commune.name})", lambda period=period: pages.commune_page(commune=commune, period=period)),
        ):
            # One untimed call first: a fresh process's first queries pay for the connection's catalogue caches and
            # Django's first compilations, which a running server has long paid; every timed call empties the cache.
            cache.clear()
            call()
            times, queries = [], 0
            for _ in range(runs):
                cache.clear()
                reset_queries()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    call()
                    times.append((time.perf_counter() - started) * 1000)
                queries = len(captured)
            results.append((f"{label}, {days} days, cold", _stats(times), queries))
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(email=f"{PREFIX}-staff@example.vn")
    ProgrammeStaff.objects.get_or_create(user=user)
    client = Client()
    client.force_login(user)
    cache.clear()
    client.get("/chuong-trinh/?period=365")
    times = []
    for _ in range(max(runs * 3, 20)):
        started = time.perf_counter()
        response = client.get("/chuong-trinh/?period=365")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    results.append(("GET /chuong-trinh/ (365 days), cache warm, end to end", _stats(times), 0))
    # The sales facts: the refresh task, and the backfill of the whole history.
    from django.utils import timezone

    from programme import sales_facts
    from programme.tasks import dashboard_figures_refresh, sales_facts_refresh_dirty

    # The refresh task recomputes today and yesterday every time, and the days marked (here one, 100 days ago).
    older = timezone.localdate() - datetime.timedelta(days=100)
    days = [*sales_facts.days_always_refreshed(), older]
    placed = sum(Order.objects.filter(date_placed__gte=Period(start=day, end=day).start_at,
                                      date_placed__lt=Period(start=day, end=day).end_before).count() for day in days)  # fmt: skip
    times = []
    for _ in range(runs):
        sales_facts.days_mark_dirty(days=[older])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            assert sales_facts_refresh_dirty() == len(days)
            times.append((time.perf_counter() - started) * 1000)
    results.append((f"sales facts refresh task: today, yesterday and 1 older day marked ({placed} orders)", _stats(times),
                    len(captured)))  # fmt: skip
    started = time.perf_counter()
    backfill = sales_facts.backfill()
    elapsed = (time.perf_counter() - started) * 1000
    results.append((f"sales facts backfill: {backfill.days} days ({backfill.batches} batches of ≤ {sales_facts.BATCH_DAYS} days), once",
                    _stats([elapsed]), 0))  # fmt: skip

    started = time.perf_counter()
    pages_computed = dashboard_figures_refresh()
    elapsed = (time.perf_counter() - started) * 1000
    results.append((f"hourly refresh task: {pages_computed} pages (nation and 34 provinces × 30/90/365 days), once", _stats([elapsed]), 0))
    return results


def write_results(section: str) -> None:
    results_section_write(RESULTS, begin=BEGIN, end=END, section=section)


def main():
    args = parse_args()
    ensure_database(args.database_url)
    setup_django(args.database_url)
    started = time.monotonic()
    say("Preparing data")
    counts = prepare(products=args.products, orders=args.orders)
    say(f"  ready in {time.monotonic() - started:.0f} s: {counts}")
    results = measure(runs=args.runs)
    from django.db import connection

    version = connection.cursor().connection.info.server_version
    lines = [
        f"## Programme dashboard — {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC (issue 13.6)",
        "",
        f"PostgreSQL {version // 10000}.{version % 10000}, {platform.machine()}, {os.cpu_count()} cores shared with other work; "
        f"{counts['provinces']} provinces, {counts['products']:,} products, {counts['producers']:,} producers, "
        f"{counts['orders']:,} orders ({counts['lines']:,} lines, {counts['parts']:,} sellers' parts) over 365 days. "
        f"`benchmarks/programme.py --runs {args.runs}`; cold = the page's figures computed with the cache emptied (after one "
        "untimed call per page and period, so a new process's first queries are not counted).",
        "",
        "| what | p50 ms | p95 ms | max ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, stats, queries in results:
        lines.append(f"| {label} | {stats['p50']:.0f} | {stats['p95']:.0f} | {stats['max']:.0f} | {queries or '—'} |")
    worst = max(stats["p95"] for label, stats, _q in results if "national" in label)
    verdict = "met" if worst <= TARGET_P95_MS else "NOT met"
    lines += ["", f"Target p95 ≤ {TARGET_P95_MS} ms for the national page cold: **{verdict}** (worst p95 {worst:.0f} ms). "
              f"The page is served from a {int(os.environ.get('PROGRAMME_DASHBOARD_CACHE_SECONDS', 600)) // 60}-minute cache and says when its "
              "figures were computed."]  # fmt: skip
    section = "\n".join(lines)
    print(section)
    if not args.no_results:
        write_results(section)


if __name__ == "__main__":
    main()
