"""Benchmark the catalogue, category, search and home pages on PostgreSQL under gunicorn.

    .venv/bin/python benchmarks/catalogue.py [--products 10000] [--duration 20] [--connections 8]
        [--database-url postgres://postgres@127.0.0.1:5432/ocop_bench]

1. Creates (if missing) a separate PostgreSQL database, migrates it, loads localities and the demo
   catalogue, tops it up to N products (benchmarks/catalogue_data.py; idempotent) and rebuilds the
   search table (`search_reindex --database-only`) when the project has one.
2. Collects static files into benchmarks/out/var and starts gunicorn (2 workers) on a free loopback port,
   with a Redis database of its own (flushed) as the cache.
3. Counts SQL queries per page in-process (django.test.Client) at page sizes 4, 24 and 100, warm and cold.
4. Loads each page with wrk on 127.0.0.1 (p95 from benchmarks/wrk_report.lua). The machine is shared:
   each URL waits for a quiet machine and is measured again (up to 3 times) if other processes took CPU.
5. Adds a dated section to benchmarks/RESULTS.md (and the raw numbers to benchmarks/out/*.json).

With --product-page it measures instead one product page of ours side by side with stock django-oscar's
(benchmarks/stock_oscar: Oscar's documented settings, the same number of products in a database of its own,
filled by benchmarks/stock_oscar/load.py), both under gunicorn on this machine, in alternating rounds:

    .venv/bin/python benchmarks/catalogue.py --product-page --connections 16 [--rounds 2]
        [--stock-database-url postgres://postgres@127.0.0.1:5432/bench_stock_oscar]

Target (issue 16.5): ≥ 1.5× stock Oscar's requests/s in the same run, ≤ 6 SQL queries warm.

Where the time goes on one page: benchmarks/profile_page.py.

Target (project guide): ≥ 150 requests/s at p95 ≤ 150 ms with ≤ 12 SQL queries whatever the page size.
gunicorn is stopped on exit, Ctrl-C or error. Traffic goes to 127.0.0.1 only.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"  # git-ignored
RESULTS = BENCH_DIR / "RESULTS.md"
WRK_LUA = BENCH_DIR / "wrk_report.lua"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PAGE_SIZES = (4, 24, 100)
TARGET_RPS, TARGET_P95_MS, TARGET_QUERIES = 150, 150, 12
PAGE_KEYS = ("catalogue", "deep", "filtered", "category", "search", "home")
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/ocop_bench"
FORBIDDEN_DB_NAMES = {"test", "postgres", "template0", "template1", "root"}
RESULTS_MARKER = "<!-- sections: newest first -->"
STOCK_DB = "postgres://postgres@127.0.0.1:5432/bench_stock_oscar"
DJANGO_ADMIN = ROOT / ".venv" / "bin" / "django-admin"
PRODUCT_TARGET_RATIO, PRODUCT_TARGET_QUERIES = 1.5, 6


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk warm-up per URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--database-url", default=DEFAULT_DB)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15", help="a Redis DB of its own: flushed")
    parser.add_argument("--var-dir", type=Path, default=OUT_DIR / "var", help="DJANGO_VAR_DIR (static, media)")
    parser.add_argument("--quiet-wait", type=float, default=120,
                        help="seconds to wait for other processes to calm down before each URL")
    parser.add_argument("--max-other", type=float, default=10,
                        help="re-measure a URL when other processes took more than this %% of the CPUs")
    parser.add_argument("--attempts", type=int, default=3, help="measurements per URL at most (the cleanest is kept)")
    parser.add_argument("--only", nargs="*", choices=PAGE_KEYS, help="pages to load with wrk (default: all)")
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md (trial runs)")
    parser.add_argument("--note", default="", help="a line added to the RESULTS.md section")
    parser.add_argument("--product-page", action="store_true",
                        help="measure one product page of ours against stock django-oscar's instead of the list pages")
    parser.add_argument("--stock-database-url", default=STOCK_DB, help="stock Oscar's own database (--product-page)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of ours and stock (--product-page)")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


# --- Environment and database ---------------------------------------------------------------


def bench_env(args) -> dict:
    """The environment of every Django process here: the bench database, cache and folders only."""
    var_dir = args.var_dir.resolve()
    return {
        "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_VAR_DIR": str(var_dir),
        "DJANGO_MEDIA_ROOT": str(var_dir / "media"),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SESSION_COOKIE_SECURE": "false",
        "DJANGO_CSRF_COOKIE_SECURE": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "SEARCH_BACKEND": "database",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def database_ensure(url: str) -> None:
    """Create the bench database if missing; refuse the project's other databases."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql") or not name:
        sys.exit(f"--database-url must be a postgres:// URL with a database name, not {url!r}")
    if name in FORBIDDEN_DB_NAMES:
        sys.exit(f"Refusing to benchmark in the {name!r} database: use a database of its own.")
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("The bench database must be on this machine (loopback).")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            log(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *command: str) -> None:
    log("manage.py " + " ".join(command))
    subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env={**os.environ, **env}, check=True)


def redis_flush(url: str) -> None:
    import redis

    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1") or parts.path.strip("/") in ("", "0"):
        sys.exit(f"--redis-url must be a loopback Redis database of its own (not 0): {url!r} is flushed.")

    redis.Redis.from_url(url).flushdb()


# --- Pages -----------------------------------------------------------------------------------


def pages(category_url: str) -> list[dict]:
    """The pages measured: name, path for the test client and percent-encoded path for wrk."""
    search = "/shop/search/?q=" + quote("mật ong", safe="").replace("%20", "+")
    return [
        {"key": "catalogue", "name": "catalogue", "path": "/shop/catalogue/"},
        {"key": "deep", "name": "catalogue p50", "path": "/shop/catalogue/?page=50"},
        {"key": "filtered", "name": "catalogue filtered", "path": "/shop/catalogue/?stars_min=4&province=01&sort=price"},
        {"key": "category", "name": "category do-uong", "path": category_url},
        {"key": "search", "name": "search “mật ong”", "path": search},
        {"key": "home", "name": "home", "path": "/"},
    ]


def rendered_cards_drop(redis_url: str) -> None:
    """Drop every cached product card and grid from the bench's own Redis database: the worst case, as after
    a deploy that changes the card, at midnight or in the other language."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for pattern in ("*ocop:card:*", "*template.cache.product-grid*"):
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)


def query_counts(page_list: list[dict], *, redis_url: str) -> dict:
    """SQL queries per page and page size, in-process, after one warm-up request each; "cold": after the
    cached search answers were retired and every cached card and grid dropped."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    try:  # what any indexed change (a price, a stock level) does: retire cached search answers and grids
        from search.services import search_generation_advance as retire_cached_answers
    except ImportError:
        retire_cached_answers = None
    client = Client()
    counts, samples = {}, {}
    for page in page_list:
        counts[page["name"]] = {}
        for size in PAGE_SIZES:
            with override_settings(OSCAR_PRODUCTS_PER_PAGE=size):
                client.get(page["path"])  # warm: locality choices, group menu, thumbnails
                cold = None
                if retire_cached_answers is not None:
                    retire_cached_answers()
                    rendered_cards_drop(redis_url)
                    with CaptureQueriesContext(connection) as captured_cold:
                        client.get(page["path"])
                    cold = len(captured_cold)
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(page["path"])
            shown = len(response.context["products"]) if response.context and "products" in response.context else None
            if shown is None and response.context and "featured_products" in response.context:
                shown = len(response.context["featured_products"])
            counts[page["name"]][size] = {
                "queries": len(captured),
                "queries_cold": cold,
                "status": response.status_code,
                "products": shown,
                "count": getattr(response.context.get("result"), "count", None) if response.context else None,
            }
            if size == 24:
                samples[page["name"]] = [q["sql"] for q in captured.captured_queries]
    return {"counts": counts, "sql": samples}


# --- gunicorn and wrk ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn in its own process group, stopped (group and all) on exit."""

    def __init__(self, env: dict, workers: int, log_path: Path, *, app: str = "marketplace.wsgi:application",
                 cwd: Path = ROOT, ready_path: str = "/shop/catalogue/"):  # fmt: skip
        self.port = free_port()
        self.ready_path = ready_path
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [
                str(GUNICORN), app,
                "--workers", str(workers),
                "--bind", f"127.0.0.1:{self.port}",
                "--timeout", "60",
                "--graceful-timeout", "5",
                "--error-logfile", "-",
            ],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if http_status(self.port, self.ready_path) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
            except ProcessLookupError:
                pass
        self.log.close()


def http_status(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def wrk(port: int, path: str, *, duration: int, connections: int, threads: int) -> dict:
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
        "-s", str(WRK_LUA), f"http://127.0.0.1:{port}{path}",
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^WRK_JSON (\{.*\})$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk gave no report:\n{output}")
    report = json.loads(match.group(1))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    report["rps"] = float(rps.group(1)) if rps else report["requests"] / (report["duration_us"] / 1e6)
    report["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    report["raw"] = output
    return report


def _cmdline(pid: str) -> str:
    try:
        return open(f"/proc/{pid}/cmdline").read().replace("\0", " ")
    except OSError:
        return ""


class CpuMeter:
    """CPU time over a window, split into gunicorn, PostgreSQL, wrk and everything else (from /proc).

    This machine is shared: other processes (a test run in the same tree) steal cores and skew req/s.
    """

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, gunicorn_pgid: int, database: str):
        self.pgid = gunicorn_pgid
        self.database = database

    @staticmethod
    def _busy() -> float:
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / CpuMeter.TICK

    def _by_pid(self) -> dict:
        """CPU seconds so far of gunicorn's processes and of the backends serving the bench database."""
        groups = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                raw = open(f"/proc/{entry.name}/stat").read()
            except OSError:
                continue
            comm = raw[raw.index("(") + 1 : raw.rindex(")")]
            rest = raw[raw.rindex(")") + 2 :].split()
            pgid, ticks = int(rest[2]), int(rest[11]) + int(rest[12])
            if pgid == self.pgid:
                groups[int(entry.name)] = ("gunicorn", ticks / self.TICK)
            elif comm == "postgres" and f" {self.database} " in _cmdline(entry.name):
                groups[int(entry.name)] = ("postgres", ticks / self.TICK)
        return groups

    @staticmethod
    def _children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has been waited for
        return usage.ru_utime + usage.ru_stime

    def start(self) -> None:
        self.t0, self.busy0, self.pids0 = time.monotonic(), self._busy(), self._by_pid()
        self.children0 = self._children()

    def stop(self) -> dict:
        seconds = time.monotonic() - self.t0
        busy = self._busy() - self.busy0
        groups = {"gunicorn": 0.0, "postgres": 0.0}
        # Per process, so a backend that closes during the window (CONN_MAX_AGE) does not count negative.
        for pid, (group, seconds_used) in self._by_pid().items():
            before = self.pids0.get(pid)
            groups[group] += seconds_used - (before[1] if before and before[0] == group else 0.0)
        wrk_seconds = self._children() - self.children0
        other = max(0.0, busy - groups["gunicorn"] - groups["postgres"] - wrk_seconds)
        cpus = os.cpu_count() or 1
        return {
            "seconds": round(seconds, 2),
            "busy_pct": round(100 * busy / seconds / cpus, 1),
            "gunicorn_pct": round(100 * groups["gunicorn"] / seconds / cpus, 1),
            "postgres_pct": round(100 * groups["postgres"] / seconds / cpus, 1),
            "wrk_pct": round(100 * wrk_seconds / seconds / cpus, 1),
            "other_pct": round(100 * other / seconds / cpus, 1),
            "gunicorn_s": round(groups["gunicorn"], 3),
            "postgres_s": round(groups["postgres"], 3),
        }


def wait_for_quiet(max_wait: float, threshold_pct: float = 15.0) -> float:
    """Wait (at most `max_wait` s) until the machine is nearly idle; returns the busy % last seen."""
    deadline = time.monotonic() + max_wait
    while True:
        before = CpuMeter._busy()
        time.sleep(1.0)
        busy_pct = 100 * (CpuMeter._busy() - before) / (os.cpu_count() or 1)
        if busy_pct <= threshold_pct or time.monotonic() >= deadline:
            return busy_pct
        log(f"  machine busy ({busy_pct:.0f}% CPU from other processes), waiting")
        time.sleep(4)


def reference_loop_ms() -> float:
    """The machine's speed of the moment: the best of three timings of a fixed pure-Python loop, in ms. This kind of
    machine has been seen to run the same code a third slower from one quarter of an hour to the next with nothing
    else running; a result read beside this figure can be compared with one measured at another moment (lower is
    faster)."""
    timings = []
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for number in range(3_000_000):
            total += number
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


def load_measure(server: "Gunicorn", meter: CpuMeter, path: str, name: str, args) -> dict:
    """wrk on `path` after a warm-up: measured again (up to --attempts) while other processes took more than
    --max-other % of the CPUs; the least disturbed measurement is returned."""
    status = http_status(server.port, path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}, not 200")
    wrk(server.port, path, duration=args.warmup, connections=args.connections, threads=args.threads)
    best = None
    for attempt in range(1, args.attempts + 1):
        wait_for_quiet(args.quiet_wait)
        log(f"wrk {name} {path} for {args.duration} s (attempt {attempt})")
        meter.start()
        load = wrk(server.port, path, duration=args.duration, connections=args.connections, threads=args.threads)
        load["cpu"] = meter.stop()
        load["attempt"] = attempt
        load["loadavg"] = os.getloadavg()[0]
        lat = load["latency_us"]
        log(
            f"  {load['rps']:.1f} req/s, p50 {_ms(lat['p50'])} ms, p95 {_ms(lat['p95'])} ms, "
            f"p99 {_ms(lat['p99'])} ms, not 200: {load['not_200']}; CPU {load['cpu']}, "
            f"gunicorn {1000 * load['cpu']['gunicorn_s'] / max(load['requests'], 1):.1f} ms/req"
        )
        if best is None or load["cpu"]["other_pct"] < best["cpu"]["other_pct"]:
            best = load
        if load["cpu"]["other_pct"] <= args.max_other:
            break
        log(f"  other processes took {load['cpu']['other_pct']}% of the CPUs: measuring again")
    return best


def wrk_ensure() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")


# --- Report ----------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    import django
    import oscar
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split(" Copyright")[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "postgres": pg,
        "django": django.get_version(),
        "oscar": oscar.get_version(),
        "wrk": wrk_version,
        "commit": commit.stdout.strip() + (" (with uncommitted changes)" if dirty else ""),
    }


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _ms(us) -> str:
    return f"{us / 1000:.0f}" if us >= 10_000 else f"{us / 1000:.1f}"


def results_section(run: dict) -> str:
    m = run["machine"]
    lines = [
        f"## {run['started']} — catalogue pages, {_n(run['products'])} products",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, PostgreSQL {m['postgres']}, "
        f"Django {m['django']}, Oscar {m['oscar']}; commit {m['commit']}.",
        f"- Server: gunicorn {run['workers']} sync workers, DEBUG off, Redis cache; database `{run['database']}` "
        f"({_n(run['products'])} public products, {run['producers']} producers).",
        f"- Load: {m['wrk']}; `-t{run['threads']} -c{run['connections']} -d{run['duration']}s` per URL after a "
        f"{run['warmup']} s warm-up, on 127.0.0.1 — wrk shares the {m['nproc']} CPUs with gunicorn and PostgreSQL.",
        "- p95 from `benchmarks/wrk_report.lua`; \"not 200\" counts every response that was not 200 (3xx too). "
        "CPU: share of all cores during the run (from /proc); \"other\" is anything else on this shared machine "
        "(each URL is measured up to 3 times and the run least disturbed is kept). CPU ms/req: gunicorn and "
        "PostgreSQL CPU time per request, which other load disturbs much less than req/s.",
        f"- SQL: queries per request in-process (test client, warm cache) at {'/'.join(map(str, PAGE_SIZES))} "
        "products per page; \"cold\": the first request after cached search answers were retired (as any price or "
        "stock change does) and every cached product card and grid dropped (the worst case). "
        f"Target: ≥ {TARGET_RPS} req/s, p95 ≤ {TARGET_P95_MS} ms, ≤ {TARGET_QUERIES} queries.",
    ]
    if run.get("note"):
        lines.append(f"- Note: {run['note']}")
    lines += [
        "",
        "| page | URL | req/s | p50 ms | p95 ms | p99 ms | not 200 | SQL 4/24/100 | CPU ms/req gunicorn+pg "
        "| CPU % gunicorn/pg/wrk/other | target |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---|---|",
    ]
    for page in run["pages"]:
        load = page.get("load")
        counts = run["queries"]["counts"].get(page["name"], {})
        sql = "/".join(str(counts[s]["queries"]) if s in counts else "—" for s in PAGE_SIZES)
        if any(counts.get(s, {}).get("queries_cold") is not None for s in PAGE_SIZES):
            sql += " (cold " + "/".join(str(counts[s].get("queries_cold")) for s in PAGE_SIZES if s in counts) + ")"
        queries_ok = counts and all(
            max(counts[s]["queries"], counts[s].get("queries_cold") or 0) <= TARGET_QUERIES for s in PAGE_SIZES if s in counts
        )
        if load:
            lat = load["latency_us"]
            misses = []
            if load["rps"] < TARGET_RPS:
                misses.append("req/s")
            if lat["p95"] > TARGET_P95_MS * 1000:
                misses.append("p95")
            if not queries_ok:
                misses.append("SQL")
            bad = load["not_200"] + sum(load["errors"].values())
            if bad:
                misses.append("errors")
            verdict = "✅ met" if not misses else "❌ " + ", ".join(misses)
            c = load.get("cpu", {})
            cpu = "/".join(f"{c.get(k, 0):.0f}" for k in ("gunicorn_pct", "postgres_pct", "wrk_pct", "other_pct"))
            n = max(load["requests"], 1)
            per_request = f"{1000 * c.get('gunicorn_s', 0) / n:.1f}+{1000 * c.get('postgres_s', 0) / n:.1f}"
            lines.append(
                f"| {page['name']} | `{page['path']}` | {load['rps']:.1f} | {_ms(lat['p50'])} | {_ms(lat['p95'])} | "
                f"{_ms(lat['p99'])} | {load['not_200']} | {sql} | {per_request} | {cpu} | {verdict} |"
            )
        else:
            lines.append(f"| {page['name']} | `{page['path']}` | — | — | — | — | — | {sql} | — | — | not loaded |")
    return "\n".join(lines) + "\n"


def results_write(section: str) -> None:
    header = (
        "# Benchmark results\n\n"
        "Recorded by the scripts in this folder (`benchmarks/catalogue.py`: catalogue, category, search and home "
        "pages under gunicorn + PostgreSQL, loaded with wrk on loopback). Target from the project guide: with "
        f"10 000 products on this 2-core machine, ≥ {TARGET_RPS} requests/s at p95 ≤ {TARGET_P95_MS} ms with "
        f"≤ {TARGET_QUERIES} SQL queries whatever the page size (stock Oscar: 3.5 requests/s, 126 queries).\n\n"
        f"{RESULTS_MARKER}\n"
    )
    text = RESULTS.read_text() if RESULTS.exists() else header
    if RESULTS_MARKER not in text:
        text = text.rstrip("\n") + "\n\n" + RESULTS_MARKER + "\n"
    before, after = text.split(RESULTS_MARKER, 1)
    rest = after.strip("\n")
    RESULTS.write_text(before + RESULTS_MARKER + "\n\n" + section + ("\n" + rest + "\n" if rest else ""))


# --- Product page against stock Oscar (--product-page) --------------------------------------


def stock_env(args) -> dict:
    """The environment of stock Oscar's processes: its settings, its own database and folder."""
    var_dir = args.var_dir.resolve() / "stock_oscar"
    return {
        "DJANGO_SETTINGS_MODULE": "stock_oscar.settings",
        "PYTHONPATH": str(BENCH_DIR),
        "DATABASE_URL": args.stock_database_url,
        "DJANGO_VAR_DIR": str(var_dir),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def stock_prepare(args, env: dict) -> None:
    """Create, migrate and fill stock Oscar's database (idempotent), then tidy it as ours is."""
    import psycopg

    if urlsplit(args.stock_database_url).path == urlsplit(args.database_url).path:
        sys.exit("--stock-database-url must name another database than --database-url.")
    database_ensure(args.stock_database_url)
    full_env = {**os.environ, **env}
    log("stock Oscar: django-admin migrate")
    subprocess.run([str(DJANGO_ADMIN), "migrate", "--noinput", "-v", "0"], cwd=BENCH_DIR, env=full_env, check=True)
    log(f"stock Oscar: topping up to {args.products} products")
    subprocess.run([str(PYTHON), str(BENCH_DIR / "stock_oscar" / "load.py"), "--products", str(args.products)],
                   cwd=BENCH_DIR, env=full_env, check=True)  # fmt: skip
    with psycopg.connect(args.stock_database_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def stock_product_path(url: str) -> str:
    """The page of stock Oscar's product in the middle of its catalogue (by id)."""
    import psycopg

    with psycopg.connect(url) as conn:
        (count,) = conn.execute("SELECT count(*) FROM catalogue_product WHERE is_public").fetchone()
        slug, pk = conn.execute(
            "SELECT slug, id FROM catalogue_product WHERE is_public ORDER BY id OFFSET %s LIMIT 1", [count // 2]
        ).fetchone()
    return f"/catalogue/{slug}_{pk}/"


def our_product_path() -> str:
    """The page of our generated product in the middle of the catalogue (by id) holding a valid certificate,
    a photo and units to sell: a product as an advert or a shared link shows it."""
    from django.utils import timezone
    from oscar.core.loading import get_model

    from ocop_catalog.sale import buyable_now_q
    from ocop_catalog.selectors import certificates_valid_on

    Product = get_model("catalogue", "Product")
    candidates = (
        Product.objects.filter(
            buyable_now_q(), stockrecords__partner_sku__startswith="BENCH-", images__isnull=False,
            ocop_certificates__in=certificates_valid_on(day=timezone.localdate()),
        )
        .distinct()
        .order_by("pk")
    )  # fmt: skip
    return candidates[candidates.count() // 2].get_absolute_url()


def page_queries(env: dict, path: str, *, cwd: Path) -> dict:
    """Queries warm and cold and in-process time of `path` (benchmarks/page_queries.py in the project's env)."""
    output = subprocess.run(
        [str(PYTHON), str(BENCH_DIR / "page_queries.py"), path], cwd=cwd, env={**os.environ, **env},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def product_results_section(run: dict) -> str:
    m = run["machine"]
    sides = {side["key"]: side for side in run["sides"]}
    ours, stock = sides["ours"], sides["stock"]
    lines = [
        f"## {run['started']} — product page, ours against stock django-oscar {run['stock_oscar']}, "
        f"{_n(run['products'])} products each",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, PostgreSQL {m['postgres']}, "
        f"Django {m['django']}, Oscar {m['oscar']}; commit {m['commit']}.",
        f"- Both under gunicorn {run['workers']} sync workers, DEBUG off, on the same PostgreSQL, each in a database "
        f"of its own with {_n(run['products'])} public products (stock records, categories, one photo each): ours "
        f"`{run['database']}` (Redis cache), stock Oscar `{run['stock_database']}` (`benchmarks/stock_oscar`: Oscar's "
        "documented settings — `oscar.defaults`, its apps, middleware and context processors, ATOMIC_REQUESTS, "
        "haystack's simple engine, Django's default local-memory cache; CONN_MAX_AGE 60 as ours).",
        f"- Pages: ours `{ours['path']}` (a valid 3–5★ certificate, a photo, in stock), stock "
        f"`{stock['path']}` (a photo, in stock); both answer 200 to an anonymous visitor without cookies.",
        f"- Load: {m['wrk']}; `-t{run['threads']} -c{run['connections']} -d{run['duration']}s` per page after a "
        f"{run['warmup']} s warm-up, on 127.0.0.1; {run['rounds']} rounds alternating ours and stock, so both "
        "meet the same machine. wrk shares the CPUs with gunicorn and PostgreSQL.",
        "- SQL: queries per request in-process (test client), warm and cold (the first request after the cache was "
        "emptied); in-process ms: median wall time of a warm request without network or gunicorn. CPU: share of "
        "all cores during the run (from /proc), \"other\" is anything else on this shared machine; load: the "
        "1-minute load average at the end of each run.",
        f"- Target (issue 16.5): ≥ {PRODUCT_TARGET_RATIO}× stock Oscar's req/s in the same run, "
        f"≤ {PRODUCT_TARGET_QUERIES} queries warm.",
    ]
    if run.get("note"):
        lines.append(f"- Note: {run['note']}")
    lines += [
        "",
        "| round | site | req/s | p50 ms | p95 ms | p99 ms | not 200 | SQL warm (cold) | in-process ms "
        "| CPU ms/req gunicorn+pg | CPU % gunicorn/pg/wrk/other | load |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|---:|",
    ]
    for index in range(run["rounds"]):
        for side in (ours, stock):
            load = side["loads"][index]
            lat, c, n = load["latency_us"], load["cpu"], max(load["requests"], 1)
            cpu = "/".join(f"{c.get(k, 0):.0f}" for k in ("gunicorn_pct", "postgres_pct", "wrk_pct", "other_pct"))
            q = side["queries"]
            lines.append(
                f"| {index + 1} | {side['name']} | {load['rps']:.1f} | {_ms(lat['p50'])} | {_ms(lat['p95'])} | "
                f"{_ms(lat['p99'])} | {load['not_200'] + sum(load['errors'].values())} | {q['queries']} ({q['queries_cold']}) | "
                f"{q['in_process_ms']} | {1000 * c['gunicorn_s'] / n:.1f}+{1000 * c['postgres_s'] / n:.1f} | {cpu} | "
                f"{load['loadavg']:.2f} |"
            )
    ratios = [o["rps"] / s["rps"] for o, s in zip(ours["loads"], stock["loads"], strict=True)]
    bad = sum(load["not_200"] + sum(load["errors"].values()) for side in (ours, stock) for load in side["loads"])
    met = min(ratios) >= PRODUCT_TARGET_RATIO and ours["queries"]["queries"] <= PRODUCT_TARGET_QUERIES and not bad
    lines += [
        "",
        f"Ours against stock Oscar, round by round: {', '.join(f'{r:.2f}×' for r in ratios)} the requests/s; "
        f"{ours['queries']['queries']} queries warm against {stock['queries']['queries']}. "
        + ("✅ target met." if met else "❌ target not met."),
    ]
    return "\n".join(lines) + "\n"


def product_page_main(args, env: dict, started) -> int:
    """Ours and stock Oscar's product page side by side (see the module's docstring)."""
    import oscar
    from django.db import connections

    senv = stock_env(args)
    stock_prepare(args, senv)
    ours_path = our_product_path()
    stock_path = stock_product_path(args.stock_database_url)
    sides = [
        {"key": "ours", "name": "ours", "path": ours_path, "env": env, "database": urlsplit(args.database_url).path.lstrip("/"),
         "gunicorn": {"ready_path": ours_path}},
        {"key": "stock", "name": f"stock Oscar {oscar.get_version()}", "path": stock_path, "env": senv,
         "database": urlsplit(args.stock_database_url).path.lstrip("/"),
         "gunicorn": {"app": "stock_oscar.wsgi:application", "cwd": BENCH_DIR, "ready_path": stock_path}},
    ]  # fmt: skip
    log("counting SQL queries (benchmarks/page_queries.py)")
    for side in sides:
        side["queries"] = page_queries(side["env"], side["path"], cwd=BENCH_DIR if side["key"] == "stock" else ROOT)
        if side["queries"]["status"] != 200:
            raise RuntimeError(f"{side['name']} {side['path']} answered {side['queries']['status']}")
        log(f"  {side['name']} {side['path']}: {side['queries']}")
    run = {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "stock_oscar": oscar.get_version(),
        "products": args.products,
        "database": sides[0]["database"],
        "stock_database": sides[1]["database"],
        "workers": args.workers,
        "threads": args.threads,
        "connections": args.connections,
        "duration": args.duration,
        "warmup": args.warmup,
        "rounds": args.rounds,
        "note": args.note,
    }
    connections.close_all()
    redis_flush(args.redis_url)  # ours starts from an empty cache, as stock Oscar's local-memory one does
    servers = {}
    previous_sigterm = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        for side in sides:
            server = Gunicorn(side["env"], args.workers, OUT_DIR / f"gunicorn-{side['key']}.log", **side["gunicorn"])
            servers[side["key"]] = server
            log(f"{side['name']}: gunicorn on 127.0.0.1:{server.port}, waiting for it")
            server.wait_ready()
        for index in range(args.rounds):
            for side in sides:
                server = servers[side["key"]]
                meter = CpuMeter(server.proc.pid, side["database"])
                load = load_measure(server, meter, side["path"], f"round {index + 1} {side['name']}", args)
                side.setdefault("loads", []).append(load)
    finally:
        for server in servers.values():
            server.stop()
        log("gunicorn stopped")
        signal.signal(signal.SIGTERM, previous_sigterm)
    run["sides"] = [{k: v for k, v in side.items() if k not in ("env", "gunicorn")} for side in sides]
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (OUT_DIR / f"product-page-{stamp}.json").write_text(json.dumps(run, indent=2, ensure_ascii=False, default=str))
    section = product_results_section(run)
    print("\n" + section)
    if not args.no_results:
        results_write(section)
        log(f"results added to {RESULTS.relative_to(ROOT)}")
    return 0


# --- Main ------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    wrk_ensure()
    if not GUNICORN.exists():
        sys.exit(f"{GUNICORN} is missing: `make install` first (gunicorn is a pinned dependency).")
    OUT_DIR.mkdir(exist_ok=True)
    args.var_dir.mkdir(parents=True, exist_ok=True)
    env = bench_env(args)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    started = datetime.datetime.now(datetime.UTC)

    database_ensure(args.database_url)
    redis_flush(args.redis_url)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_localities", "-v", "0")
    manage(env, "load_demo_data", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")

    import django

    django.setup()
    from catalogue_data import products_top_up
    from django.db import connection, connections
    from django.test.utils import setup_test_environment
    from oscar.core.loading import get_model

    log(f"topping up to {args.products} products")
    products_top_up(target=args.products)
    from django.core.management import call_command, get_commands

    if "search_reindex" in get_commands():
        # bulk_create sends no signals: rebuild the search table the list pages read, as after an import.
        log("manage.py search_reindex --database-only")
        call_command("search_reindex", "--database-only", verbosity=0)
    with connection.cursor() as cursor:
        # Bulk inserts and the date UPDATE leave dead rows and no statistics; a live site has both tidy.
        cursor.execute("VACUUM ANALYZE")
    if args.product_page:
        return product_page_main(args, env, started)
    Product = get_model("catalogue", "Product")
    Partner = get_model("partner", "Partner")
    Category = get_model("catalogue", "Category")
    category_url = Category.objects.get(depth=1, slug="do-uong").get_absolute_url()
    page_list = pages(category_url)
    if args.only:
        page_list_load = [p for p in page_list if p["key"] in args.only]
    else:
        page_list_load = page_list

    setup_test_environment()  # response.context for the query report
    log("counting SQL queries per page")
    queries = query_counts(page_list, redis_url=args.redis_url)
    for name, by_size in queries["counts"].items():
        log(f"  {name}: " + ", ".join(
            f"{size}→{v['queries']} q (cold {v['queries_cold']}, {v['status']})" for size, v in by_size.items()
        ))
    run = {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "products": Product.objects.filter(is_public=True).count(),
        "producers": Partner.objects.count(),
        "database": urlsplit(args.database_url).path.lstrip("/"),
        "workers": args.workers,
        "threads": args.threads,
        "connections": args.connections,
        "duration": args.duration,
        "warmup": args.warmup,
        "note": args.note,
        "queries": queries,
        "pages": page_list,
    }
    connections.close_all()

    server = None
    previous_sigterm = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        server = Gunicorn(env, args.workers, OUT_DIR / "gunicorn.log")
        log(f"gunicorn on 127.0.0.1:{server.port}, waiting for it")
        server.wait_ready()
        meter = CpuMeter(server.proc.pid, run["database"])
        for page in page_list_load:
            page["load"] = load_measure(server, meter, page["path"], page["name"], args)
    finally:
        if server is not None:
            server.stop()
            log("gunicorn stopped")
        signal.signal(signal.SIGTERM, previous_sigterm)

    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (OUT_DIR / f"catalogue-{stamp}.json").write_text(json.dumps(run, indent=2, ensure_ascii=False, default=str))
    section = results_section(run)
    print("\n" + section)
    if not args.no_results:
        results_write(section)
        log(f"results added to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
