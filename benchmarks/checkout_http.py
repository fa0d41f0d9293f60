"""Benchmark checkout through the real stack: gunicorn workers over HTTP, one cookie session per buyer.

    .venv/bin/python benchmarks/checkout_http.py [--buyers 1,16,50] [--orders 4] [--workers 2]

The same worst case as benchmarks/checkout.py (every buyer orders one product of each of the same two sellers,
so every placement takes the same two stock rows; cash on delivery; guests), but each buyer is an HTTP client
with its own cookies (session, basket, CSRF) talking to gunicorn on 127.0.0.1, so middleware, sessions,
templates and the workers' queue count. Each round a buyer adds both products, sends the details, opens the
review, then all buyers press "Place the order" together (a barrier): the livestream rush.

Reported per run: orders placed and whether stock was allocated exactly; orders/s over the whole run (every
request of every checkout); the rush rate (buyers of a round ÷ the time from the barrier to the last placed
order, averaged over rounds); p50/p95/max of placing; p50/p95 of the whole checkout (the barrier wait left
out); the machine's load (CPU shares of gunicorn, PostgreSQL, this client and the rest, and the load average).
Writes its section of benchmarks/RESULTS.md between its own markers.

The database is benchmarks/checkout.py's (`ocop_checkout_bench`, created if missing; never `test`). E-mail tasks
are queued in memory for no worker, as benchmarks/checkout.py does: sending is the worker's time, not the buyer's.
"""

import argparse
import datetime
import http.client
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import ensure_database, results_section_write  # noqa: E402
from catalogue import CpuMeter, Gunicorn, bench_env, reference_loop_ms, wait_for_quiet  # noqa: E402
from checkout import DEFAULT_URL, buyers_run, percentile, prepare_catalogue, setup_django  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
RESULTS = BENCH_DIR / "RESULTS.md"
BEGIN, END = "<!-- checkout-http:begin -->", "<!-- checkout-http:end -->"
ADDRESS = {"name": "Trần Thị Bình", "phone": "0912345678", "street": "12 Phố Hàng Bạc", "province": "01",
           "commune": "00004", "note": "", "payment_method": "cod"}  # fmt: skip


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CHECKOUT_BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--buyers", default="1,16,50")
    parser.add_argument("--orders", type=int, default=4, help="checkouts per buyer")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--no-results", action="store_true")
    return parser.parse_args()


def server_env(args) -> dict:
    """benchmarks/catalogue.py's environment (the bench database, cache and folders only), with e-mail tasks
    queued in memory for no worker as a request does in production, and static files from the apps."""
    env = bench_env(SimpleNamespace(var_dir=OUT_DIR / "checkout-var", database_url=args.database_url, redis_url=args.redis_url))
    env.update(
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_BROKER_URL="memory://",
        DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    return env


class Buyer:
    """One shopper's browser: its own cookies and its own keep-alive connection, no redirects followed (each step is
    one request). Plain http.client rather than requests: the buyers' browsers are not on the server in real life,
    and here every client CPU millisecond is taken from gunicorn and PostgreSQL (requests cost ~4× as much)."""

    def __init__(self, base: str):
        address = urlparse(base)
        self.host, self.port = address.hostname, address.port
        self.connection = None
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> SimpleNamespace:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())} if self.cookies else {}
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):  # a keep-alive connection the server closed is opened again, once
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for header in response.headers.get_all("Set-Cookie") or ():
            name, _, value = header.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return SimpleNamespace(status_code=response.status, headers=response.headers, text=content.decode())

    def csrf(self) -> str:
        if "csrftoken" not in self.cookies:
            self.request("GET", "/shop/basket/")
        return self.cookies["csrftoken"]

    def post(self, path: str, data: dict):
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": self.csrf()})

    def until_review(self, products, email: str) -> dict:
        for product_id in products:
            response = self.post(f"/shop/basket/add/{product_id}/", {"quantity": 1})
            assert response.status_code == 302, f"add to basket: {response.status_code}"
        response = self.post("/shop/checkout/", {**ADDRESS, "email": email})
        assert response.status_code == 302, f"details: {response.status_code}"
        html = self.request("GET", "/shop/checkout/preview/").text
        return dict(re.findall(r'name="(basket_id|fingerprint)" value="([^"]*)"', html))


def run(base: str, products: list[int], *, buyers: int, orders: int) -> dict:
    barrier = threading.Barrier(buyers, timeout=300)
    lock = threading.Lock()
    place_ms, checkout_ms, failures, round_spans = [], [], [], {}

    def buyer(index):
        client = Buyer(base)
        for round_ in range(orders):
            try:
                started = time.perf_counter()
                fields = client.until_review(products, f"http{index}-{round_}@example.vn")
                before_place = time.perf_counter() - started
            except Exception as error:  # counted, and the round still meets at the barrier
                fields, before_place = None, 0.0
                with lock:
                    failures.append(f"before placing: {error}")
            barrier.wait()
            placing = time.perf_counter()
            with lock:
                span = round_spans.setdefault(round_, [placing, placing])
                span[0] = min(span[0], placing)
            if fields is None:
                continue
            response = client.post("/shop/checkout/preview/", fields)
            done = time.perf_counter()
            with lock:
                if response.status_code == 302 and response.headers.get("Location", "").endswith("/thank-you/"):
                    place_ms.append((done - placing) * 1000)
                    checkout_ms.append((before_place + done - placing) * 1000)
                    round_spans[round_][1] = max(round_spans[round_][1], done)
                else:
                    failures.append(f"place: {response.status_code} {response.headers.get('Location', '')}")

    elapsed = buyers_run(buyer, buyers)
    rush = [buyers / (end - begin) for begin, end in round_spans.values() if end > begin]
    return {"place_ms": place_ms, "checkout_ms": checkout_ms, "failures": failures, "elapsed": elapsed,
            "rush_rate": statistics.mean(rush) if rush else 0.0}  # fmt: skip


def main():
    args = parse_args()
    ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.db import connection
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    OUT_DIR.mkdir(exist_ok=True)
    levels = [int(value) for value in args.buyers.split(",")]
    products = prepare_catalogue(stock=max(levels) * args.orders + 1)
    connection.close()
    server = Gunicorn(server_env(args), args.workers, OUT_DIR / "gunicorn-checkout.log")
    rows, problems = [], []
    try:
        server.wait_ready()
        base = f"http://127.0.0.1:{server.port}"
        warm = Buyer(base)  # one checkout to warm both workers' caches and connections
        for round_ in range(2):
            warm.post("/shop/checkout/preview/", warm.until_review([p.pk for p in products], f"warm{round_}@example.vn"))
        for buyers in levels:
            total = buyers * args.orders
            prepare_catalogue(stock=total)
            before = {p.pk: StockRecord.objects.get(product=p).num_allocated or 0 for p in products}
            connection.close()
            quiet = wait_for_quiet(120)
            loop_ms = reference_loop_ms()
            load_before = os.getloadavg()[0]
            meter = CpuMeter(os.getpgid(server.proc.pid), urlparse(args.database_url).path.lstrip("/"))
            meter.start()
            client_cpu = time.process_time()
            result = run(base, [p.pk for p in products], buyers=buyers, orders=args.orders)
            client_s = time.process_time() - client_cpu
            cpu = meter.stop()
            load_after = os.getloadavg()[0]
            after = {p.pk: StockRecord.objects.get(product=p).num_allocated or 0 for p in products}
            placed = len(result["place_ms"])
            exact = all(after[pk] - before[pk] == placed for pk in before)
            if placed != total or not exact or result["failures"]:
                problems.append(f"{buyers} buyers: {placed}/{total} placed, allocation exact: {exact}, failures: {result['failures'][:3]}")
            if not placed:
                continue
            place, whole = result["place_ms"], result["checkout_ms"]
            client_pct = 100 * client_s / cpu["seconds"] / (os.cpu_count() or 1)
            other = max(0.0, cpu["other_pct"] - client_pct)
            rows.append(
                f"| {buyers} | {placed}/{total} {'✓' if exact else '✗'} | {placed / result['elapsed']:.1f} | "
                f"{result['rush_rate']:.1f} | {statistics.median(place):.0f} | {percentile(place, 0.95):.0f} | {max(place):.0f} | "
                f"{statistics.median(whole):.0f} | {percentile(whole, 0.95):.0f} | {len(result['failures'])} | "
                f"{cpu['gunicorn_pct']:.0f}/{cpu['postgres_pct']:.0f}/{client_pct:.0f}/{other:.0f} | "
                f"{quiet:.0f} % → {load_before:.1f}–{load_after:.1f}, loop {loop_ms:.0f} ms |"
            )
            print(rows[-1], flush=True)
    finally:
        server.stop()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    # Changes to the code measured, not to RESULTS.md (which an earlier benchmark of the same session may have written).
    status = ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/RESULTS.md"]
    dirty = subprocess.run(status, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"## Checkout over HTTP — {now} (issue 16)\n\n"
        f"- Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, PostgreSQL {pg_version}; commit {commit}"
        f"{' (with uncommitted changes)' if dirty else ''}; gunicorn {args.workers} sync workers, DEBUG off, Redis cache, "
        f"sessions in the database read through the cache; database `{urlparse(args.database_url).path.lstrip('/')}`.\n"
        f"- `benchmarks/checkout_http.py --buyers {args.buyers} --orders {args.orders}`: each buyer an HTTP client with its own "
        "cookies (session, basket, CSRF), in threads of one client process on the same 2 CPUs; per checkout: add 2 products "
        "(two sellers, the same two stock rows for everyone) → details (guest, cash on delivery) → review → place; no "
        "redirect followed. Each round the buyers press “Place the order” together.\n"
        "- orders/s: orders placed ÷ the whole run (every request of every checkout). Rush: a round's buyers ÷ the time from "
        "their pressing “Place the order” together to the last order placed (mean over rounds). place: the POST that places "
        "the order, as the buyer waits for it (queueing for a worker included). CPU: shares of all cores during the run — "
        "gunicorn / PostgreSQL / this client / anything else; load: busy share of the machine before the run (other "
        "processes), then the 1-minute load average before–after, and the machine's speed before the run (loop: the best "
        "time of a fixed Python loop, catalogue.reference_loop_ms; lower is faster).\n\n"
        "| buyers | orders placed, stock exact | orders/s | rush orders/s | place p50 ms | place p95 ms | place max ms | "
        "checkout p50 ms | checkout p95 ms | errors | CPU % gunicorn/pg/client/other | machine |\n"
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n" + "\n".join(rows) + "\n"
    )
    print(section)
    if not args.no_results:
        results_section_write(RESULTS, begin=BEGIN, end=END, section=section)
    if problems:
        sys.exit("; ".join(problems))


if __name__ == "__main__":
    main()
