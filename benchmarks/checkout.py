"""Benchmark checkout latency with concurrent buyers on PostgreSQL.

    .venv/bin/python benchmarks/checkout.py [--buyers 1,16,50] [--orders 4] [--database-url postgres://postgres@127.0.0.1:5432/ocop_checkout_bench]

1. Creates (if missing) a separate PostgreSQL database — never `test` or a test database — migrates it
   and sets up two sellers whose products every buyer orders (the same two stock rows: the worst case
   for the row locks that prevent overselling). Idempotent; stock is topped up each run.
2. Runs N buyer threads, each with its own connection and cookies, its requests handed to the production WSGI
   handler (in-process: no HTTP server, so the numbers are the application and the database; forms posted
   urlencoded with their CSRF token, as a browser posts them). Each buyer first checks out once, unmeasured, as
   a server's workers have served before (their persistent connections open and warm); the clock starts when
   every buyer is ready. Each buyer then checks out M times as a
   guest with cash on delivery: add two products → details → review → place. The threads start the
   "place the order" step together each round. E-mail tasks are queued (in memory, for no worker), as a
   request does in production; sending them is the worker's time, not the buyer's.
3. Reports p50/p95/max of placing the order (the locked transaction) and of the whole checkout, and
   orders per second; checks that every order was placed and stock was allocated exactly.
4. Writes the `## Checkout` section of benchmarks/RESULTS.md, between its own markers (other sections are
   left as they are).

Traffic stays in-process and on 127.0.0.1 (PostgreSQL). Bounded: buyers × orders checkouts, then it stops.
"""

import argparse
import datetime
import io
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode, urlparse

from bench_common import ensure_database
from catalogue import CpuMeter, reference_loop_ms, wait_for_quiet

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ocop_checkout_bench"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CHECKOUT_BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--buyers", default="1,16,50", help="concurrent buyers per run, comma-separated (threads, one connection each)")
    parser.add_argument("--orders", type=int, default=4, help="checkouts per buyer")
    parser.add_argument("--processes", type=int, default=2, help="processes the buyers are spread over (a server's workers)")
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md (trial runs)")
    parser.add_argument("--profile", type=int, metavar="N", help="instead: profile N single placements (queries, their time, Python time)")
    return parser.parse_args()


def setup_django(url: str) -> None:
    # As in production: Redis for the cache and the sessions' reads (set REDIS_URL= to measure without).
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="marketplace.settings",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SESSION_COOKIE_SECURE="false",
        DJANGO_CSRF_COOKIE_SECURE="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # As in production: the e-mail tasks are queued for a worker, not run inside the request.
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_BROKER_URL="memory://",
        # Static files from the apps, without collectstatic (the pages render {% static %} links).
        DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_catalogue(stock: int):
    """Two sellers with one product each, `stock` free units of each (idempotent)."""
    from django.core.management import call_command
    from oscar.core.loading import get_model

    from ocop_catalog.models import Commune, Province
    from ocop_catalog.sale import ListingReview
    from ocop_catalog.services import ListingData
    from sellers.listing_review import listing_decide
    from sellers.models import Seller
    from sellers.services import SellerData, application_approve, application_submit, seller_listing_save

    call_command("migrate", verbosity=0, interactive=False)
    province, _ = Province.objects.get_or_create(code="01", defaults={"name": "Thành phố Hà Nội", "short_name": "Hà Nội"})
    commune, _ = Commune.objects.get_or_create(
        code="00004", defaults={"province": province, "name": "Phường Ba Đình", "short_name": "Ba Đình", "kind": "Phường"}
    )
    products = []
    for number, (name, sku, price) in enumerate([("HTX Chè bench", "BENCH-CHE", 120_000), ("HTX Mật ong bench", "BENCH-MAT", 250_000)]):
        seller = Seller.objects.filter(tax_code=f"490000000{number}").first()
        if seller is None:
            data = SellerData(
                kind="cooperative", name=name, tax_code=f"490000000{number}", representative="Nguyễn Văn An",
                phone="0912345678", email=f"bench{number}@example.vn", commune=commune, bank_name="Agribank",
                bank_account_number="1234567890", bank_account_holder=name,
            )  # fmt: skip
            seller = application_approve(application=application_submit(data=data))
        listing = ListingData(sku=sku, title=f"Sản phẩm {sku}", description="", group_slug="thuc-pham", price_vnd=price, stock=0)
        product = seller_listing_save(seller=seller, listing=listing)
        if product.listing_review == ListingReview.PENDING:  # a new seller's first listings wait for staff
            product = listing_decide(product=product, approve=True)
        record = get_model("partner", "StockRecord").objects.get(product=product)
        record.num_in_stock = (record.num_allocated or 0) + stock
        record.save(update_fields=["num_in_stock"])
        products.append(product)
    _maintain()
    return products


def _maintain() -> None:
    """VACUUM ANALYZE the benchmark's database, as autovacuum keeps a production one. This machine's PostgreSQL runs
    without autovacuum: run after run left dead versions of the two stock rows every buyer updates (1,168 of them
    behind 2 live rows, seen 2026-12-04) and statistics never gathered, so the basket's lines were planned as 97 per
    basket, with the stock records read by a sequential scan of their dead versions."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


ADDRESS = {"name": "Trần Thị Bình", "phone": "0912345678", "street": "12 Phố Hàng Bạc", "province": "01",
           "commune": "00004", "note": "", "payment_method": "cod"}  # fmt: skip


def run(products, *, buyers: int, orders: int, processes: int = 1) -> dict:
    """`buyers` buyer threads, spread over `processes` processes (as a server spreads them over its workers: the
    threads of one interpreter share one core). Every buyer of every process meets the others at one barrier
    before pressing "Place the order"."""
    import multiprocessing

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    # One handler, the production one, its middleware loaded once before the clock starts and before the buyers'
    # processes are forked, as a server's worker loads it at start.
    handler = WSGIHandler()
    connection.close()  # each process, each thread, its own connection
    if processes <= 1:
        results = [_buyer_threads(products, handler, list(range(buyers)), orders, threading.Barrier(buyers, timeout=120))]
    else:
        context = multiprocessing.get_context("fork")
        barrier, queue = context.Barrier(buyers, timeout=120), context.Queue()
        shares = [list(range(buyers))[number::processes] for number in range(processes)]
        workers = [context.Process(target=_process_buyers, args=(products, handler, share, orders, barrier, queue)) for share in shares if share]
        for worker in workers:
            worker.start()
        results = [queue.get(timeout=900) for _ in workers]
        for worker in workers:
            worker.join()
    merged = {key: [value for result in results for value in result[key]] for key in results[0]}
    # From the buyers' start together (every connection warm) to the last one's end; perf_counter is the machine's
    # monotonic clock, the same in every process.
    return merged | {"elapsed": max(merged["ended"]) - min(merged["started"])}


def _process_buyers(products, handler, indexes, orders, barrier, queue) -> None:
    queue.put(_buyer_threads(products, handler, indexes, orders, barrier))


def _buyer_threads(products, handler, indexes: list[int], orders: int, barrier) -> dict:
    """The buyers `indexes`, a thread each, `orders` checkouts each; their place and checkout times, failures."""
    from django.db import connection

    place_ms, checkout_ms, failures, started_at, ended_at, warm_orders = [], [], [], [], [], []
    lock = threading.Lock()

    def buyer(index):
        client = WsgiBuyer(handler)
        try:
            # A checkout before the clock starts, as each of a server's workers has served some: its persistent
            # database connection opened and warm (PostgreSQL's caches, the prepared statements). Opening 50 of them
            # inside the measured run charged each buyer's few orders with it.
            warm = client.post("/shop/checkout/preview/", _until_review(client, products, f"warm{index}@example.vn"))
            with lock:
                warm_orders.append(warm.status_code == 302)
            barrier.wait()  # every buyer warm: the clock starts
            started_at.append(time.perf_counter())
            for round_ in range(orders):
                started = time.perf_counter()
                fields = _until_review(client, products, f"bench{index}-{round_}@example.vn")
                before_place = time.perf_counter() - started
                barrier.wait()
                placing = time.perf_counter()
                response = client.post("/shop/checkout/preview/", fields)
                done = time.perf_counter()
                with lock:
                    if response.status_code == 302 and response.headers.get("Location", "").endswith("/thank-you/"):
                        place_ms.append((done - placing) * 1000)
                        checkout_ms.append((before_place + done - placing) * 1000)  # the barrier wait left out
                    else:
                        failures.append(response.status_code)
            ended_at.append(time.perf_counter())
        finally:
            connection.close()

    buyers_run(buyer, len(indexes), indexes=indexes)
    return {"place_ms": place_ms, "checkout_ms": checkout_ms, "failures": failures, "started": started_at,
            "ended": ended_at, "warm_orders": warm_orders}  # fmt: skip


def _until_review(client, products, email: str) -> dict:
    """Add one of each product, give the details (a guest, cash on delivery), open the review: its form's fields."""
    for product in products:
        client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})
    client.post("/shop/checkout/", {**ADDRESS, "email": email})
    html = client.get("/shop/checkout/preview/").content.decode()
    return dict(re.findall(r'name="(basket_id|fingerprint)" value="([^"]*)"', html))


class WsgiBuyer:
    """One shopper's browser, in-process: its own cookies (session, basket, CSRF token), its forms posted urlencoded
    with the CSRF token as a browser posts them, each request handed to the production WSGI handler as a server's
    worker hands it (the request's start and end signals, the database connection's reuse and health check), no
    redirect followed. Django's test client did more than a server per request (its signal receivers connected
    and disconnected around each, the response instrumented, the CSRF check skipped) and posted multipart."""

    def __init__(self, handler):
        self.handler = handler
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None):
        body = urlencode(data).encode() if data is not None else b""
        environ = {
            "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "CONTENT_LENGTH": str(len(body)),
        }  # fmt: skip
        if data is not None:
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        if self.cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        started = {}
        response = self.handler(environ, lambda status, headers, exc_info=None: started.update(status=status, headers=headers))
        try:
            content = b"".join(response)
        finally:
            response.close()  # request_finished, as a server closes each response
        headers = {}
        for name, value in started["headers"]:
            if name.lower() == "set-cookie":
                cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                self.cookies[cookie_name.strip()] = cookie_value.strip()
            headers[name] = value
        return SimpleNamespace(status_code=int(started["status"].split()[0]), headers=headers, content=content)

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, data: dict):
        if "csrftoken" not in self.cookies:
            self.get("/shop/basket/")
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})


def buyers_run(buyer, count: int, *, indexes=None) -> float:
    """Run `buyer(index)` in `count` threads at once (index in `indexes`, else 0…count-1); the seconds until the
    last one ends."""
    threads = [threading.Thread(target=buyer, args=(index,)) for index in (indexes if indexes is not None else range(count))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def _step(steps: dict, name: str, send, path: str, data, *, record: bool):
    """One request of the checkout before placing, its wall time, this thread's CPU and its queries noted in `steps`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = send(path, data) if data is not None else send(path)
        if record:
            wall, cpu = (time.perf_counter() - started) * 1000, (time.thread_time() - cpu_started) * 1000
            steps.setdefault(name, []).append((wall, cpu, len(queries)))
    return response


def profile_placements(products, *, count: int) -> None:
    """Where one placement's time goes: N placements by one buyer, each timed, its queries counted and timed,
    and a cProfile of all N (top functions by their own time)."""
    import cProfile
    import pstats

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profiler, walls, cpus, sql_ms, counts, slowest, steps = cProfile.Profile(), [], [], [], [], {}, {}
    profiling = os.environ.get("CHECKOUT_PROFILE_CPROFILE", "1") != "0"  # 0: time without the profiler's overhead
    handler = WSGIHandler()
    for round_ in range(count + 1):  # the first warms the caches and is left out
        client = WsgiBuyer(handler)
        client.get("/shop/basket/")  # the CSRF cookie, as a browser has it from the product's page
        for number, product in enumerate(products, 1):
            _step(steps, f"add {number}", client.post, f"/shop/basket/add/{product.pk}/", {"quantity": 1}, record=round_ > 0)
        _step(steps, "details", client.post, "/shop/checkout/", {**ADDRESS, "email": f"profile{round_}@example.vn"}, record=round_ > 0)
        html = _step(steps, "review", client.get, "/shop/checkout/preview/", None, record=round_ > 0).content.decode()
        fields = dict(re.findall(r'name="(basket_id|fingerprint)" value="([^"]*)"', html))
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.thread_time()
            if round_ and profiling:
                profiler.enable()
            response = client.post("/shop/checkout/preview/", fields)
            profiler.disable()
            wall = (time.perf_counter() - started) * 1000
            cpu = (time.thread_time() - cpu_started) * 1000
        location = response.headers.get("Location", "")
        assert response.status_code == 302 and location.endswith("/thank-you/"), (response.status_code, location)
        if not round_:
            continue
        walls.append(wall)
        cpus.append(cpu)
        counts.append(len(queries))
        sql_ms.append(sum(float(query["time"]) for query in queries) * 1000)
        for query in queries:
            shape = re.sub(r"\b\d+\b", "N", query["sql"])[:110]
            total, seen = slowest.get(shape, (0.0, 0))
            slowest[shape] = (total + float(query["time"]) * 1000, seen + 1)
    print(f"placement: p50 {statistics.median(walls):.1f} ms over {count}; queries {statistics.median(counts):.0f}, "
          f"SQL {statistics.median(sql_ms):.1f} ms, Python and the rest {statistics.median(walls) - statistics.median(sql_ms):.1f} ms; "
          f"this process's CPU {statistics.median(cpus):.1f} ms{' (under cProfile)' if profiling else ''}")  # fmt: skip
    for name, values in steps.items():  # the steps before placing (not under cProfile), for the whole checkout's cost
        print(
            f"{name}: p50 {statistics.median(v[0] for v in values):.1f} ms, CPU {statistics.median(v[1] for v in values):.1f} ms, "
            f"queries {statistics.median(v[2] for v in values):.0f}"
        )
    if os.environ.get("CHECKOUT_PROFILE_QUERIES"):  # every query of the last placement, in order
        for number, query in enumerate(queries, 1):
            print(f"  {number:3d} {float(query['time']) * 1000:6.2f} ms  {query['sql'][:160]}")
    print("queries by total time (all placements):")
    for shape, (total, seen) in sorted(slowest.items(), key=lambda item: -item[1][0])[:15]:
        print(f"  {total:7.1f} ms {seen:4d}×  {shape}")
    if not profiling:
        return
    stream = io.StringIO()
    # CHECKOUT_PROFILE_SORT=cumtime CHECKOUT_PROFILE_TOP=90 CHECKOUT_PROFILE_CHARS=30000: the call tree's heavy branches.
    sort, top = os.environ.get("CHECKOUT_PROFILE_SORT", "tottime"), int(os.environ.get("CHECKOUT_PROFILE_TOP", "20"))
    pstats.Stats(profiler, stream=stream).sort_stats(sort).print_stats(top)
    print(stream.getvalue()[: int(os.environ.get("CHECKOUT_PROFILE_CHARS", "6000"))])


def summary(values):
    return {"p50": statistics.median(values), "p95": percentile(values, 0.95), "max": max(values)}


BEGIN, END = "<!-- checkout:begin -->", "<!-- checkout:end -->"


def write_results(section: str) -> None:
    """Replace our own earlier section (between our markers), or add it at the end; other sections
    — and other scripts' markers — stay as they are."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    block = f"{BEGIN}\n{section.rstrip()}\n\n{END}\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        text = before + block + rest.split(END, 1)[1].lstrip("\n")
    else:
        # An unmarked section of ours from before the markers: up to the next heading or marker.
        unmarked = re.compile(r"^## Checkout\b.*?(?=^## |^<!-- |\Z)", re.S | re.M)
        if unmarked.search(text):
            text = unmarked.sub(lambda _match: block + "\n", text, count=1)
        else:
            text = text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text)


def main():
    args = parse_args()
    ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.conf import settings
    from django.db import connection
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    if args.profile:
        profile_placements(prepare_catalogue(stock=args.profile + 1), count=args.profile)
        return
    rows, problems = [], []
    # Two checkouts first, in this process (which the buyers' processes are forked from): templates compiled, caches
    # and lazy imports filled, as in a server that has been serving for a while.
    run(prepare_catalogue(stock=3), buyers=1, orders=2)
    for buyers in [int(value) for value in args.buyers.split(",")]:
        total = buyers * args.orders
        products = prepare_catalogue(stock=total + buyers)  # and each buyer's warm-up order
        before = {p.pk: StockRecord.objects.get(product=p).num_allocated or 0 for p in products}
        connection.close()
        quiet = wait_for_quiet(120)
        loop_ms = reference_loop_ms()
        load_before = os.getloadavg()[0]
        meter = CpuMeter(os.getpgid(0), urlparse(args.database_url).path.lstrip("/"))  # the buyers' processes: ours
        meter.start()
        result = run(products, buyers=buyers, orders=args.orders, processes=min(args.processes, buyers))
        cpu = meter.stop()
        after = {p.pk: StockRecord.objects.get(product=p).num_allocated or 0 for p in products}
        placed = len(result["place_ms"])
        exact = all(after[pk] - before[pk] == placed + sum(result["warm_orders"]) for pk in before)
        if placed != total or not exact:
            problems.append(f"{buyers} buyers: {placed} of {total} placed, allocation exact: {exact}")
        if not placed:
            continue
        place, whole = summary(result["place_ms"]), summary(result["checkout_ms"])
        rows.append(
            f"| {buyers} | {placed}/{total} {'✓' if exact else '✗'} | {placed / result['elapsed']:.1f} | "
            f"{place['p50']:.0f} | {place['p95']:.0f} | {place['max']:.0f} | {whole['p50']:.0f} | {whole['p95']:.0f} | "
            # This process and its buyers' processes (counted once they have ended, as children), PostgreSQL, the rest.
            # PostgreSQL's backends end with the buyers' connections, before the meter reads them: in the rest.
            f"{cpu['gunicorn_pct'] + cpu['wrk_pct']:.0f}/{cpu['postgres_pct'] + cpu['other_pct']:.0f} | "
            f"{quiet:.0f} % → {load_before:.1f}–{os.getloadavg()[0]:.1f}, loop {loop_ms:.0f} ms |"
        )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # Changes to the code measured, not to RESULTS.md (which an earlier benchmark of the same session may have written).
    status = ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/RESULTS.md"]
    dirty = subprocess.run(status, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"## Checkout — {now}\n\n"
        f"- Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, PostgreSQL {pg_version}; commit {commit}"
        f"{' (with uncommitted changes)' if dirty else ''}; database `{urlparse(args.database_url).path.lstrip('/')}`; "
        f"cache {'Redis' if settings.REDIS_URL else 'local memory'}.\n"
        f"- `benchmarks/checkout.py --buyers {args.buyers} --orders {args.orders} --processes {args.processes}`: concurrent guest "
        f"buyers (threads spread over {args.processes} processes as a server's workers, one PostgreSQL connection each, "
        "requests handed in-process to the production WSGI handler — no HTTP server; forms posted urlencoded with their CSRF "
        f"token, as a browser posts them; one unmeasured checkout each first, every connection warm), {args.orders} checkouts each, cash on "
        "delivery, one product of each of two sellers per order, so every buyer locks the same two stock rows (the worst "
        "case). Each round the buyers press “Place the order” together. E-mail tasks are queued, not sent, as in production.\n"
        "- place: the locked transaction (stock check, allocation, order, sellers' parts). Whole checkout: add 2 → details → "
        "review → place, the wait for the other buyers left out. CPU: shares of all cores during the run — the buyers' "
        "processes (application and test client) / PostgreSQL and anything else; machine: busy share of the machine "
        "before the run (other processes), then the 1-minute load average before–after, and the machine's speed before "
        "the run (loop: the best time of a fixed Python loop, catalogue.reference_loop_ms; lower is faster).\n\n"
        "| buyers | orders placed, stock exact | orders/s | place p50 ms | place p95 ms | place max ms | checkout p50 ms | "
        "checkout p95 ms | CPU % buyers/PostgreSQL+rest | machine |\n"
        "|---:|---|---:|---:|---:|---:|---:|---:|---|---|\n" + "\n".join(rows) + "\n\n"
    )
    print(section)
    if not args.no_results:
        write_results(section)
    if problems:
        sys.exit("; ".join(problems))


if __name__ == "__main__":
    main()
