"""Benchmark product search: the database backend on SQLite and PostgreSQL, and Elasticsearch if set.

    .venv/bin/python benchmarks/search.py [--products 100000] [--databases postgresql sqlite]
        [--queries 60] [--no-results]

For each database, in a process of its own (its own settings):
1. a dedicated database — PostgreSQL `ocop_search_bench` at postgres://postgres@127.0.0.1:5432 (never
   `test`), SQLite /tmp/ocop_search_bench.sqlite3 — migrated, with the 2025 localities;
2. N products with realistic Vietnamese names across all 34 provinces and the six OCOP groups,
   bulk-inserted (producers, stock records, certificates: valid, expired and none); idempotent;
3. the search table rebuilt in full: bulk indexing rate (products/s);
4. query latency p50/p95 of a fixed, seeded mix through the backend (`backend.search`: count, facets and
   a page of 24): words; words and filters; filters only; facets only (no words, at most a
   province); and the JSON API end to end (Django test client);
5. with ELASTICSEARCH_URL: a full index rebuild (streaming bulk) and the same mix on Elasticsearch.

Writes a `## Search` section into benchmarks/RESULTS.md (replacing its own earlier one; other
sections are left alone). Target (issue 5): p95 ≤ 50 ms on PostgreSQL at 100,000 products;
Elasticsearch bulk indexing ≥ 5,000 products/s. Traffic stays on 127.0.0.1.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"
DATABASES = {
    "postgresql": "postgres://postgres@127.0.0.1:5432/ocop_search_bench",
    "sqlite": "sqlite:////tmp/ocop_search_bench.sqlite3",
}
FORBIDDEN_DB_NAMES = {"test", "postgres", "template0", "template1", "root"}
BEGIN, END = "<!-- search:begin -->", "<!-- search:end -->"
TARGET_P95_MS = 50
TARGET_ES_RATE = 5_000
PRODUCER_PREFIX = "sbench-"
SEED = 20261129

# (product kind, packs) per OCOP group, as sold on Vietnamese marketplaces.
KINDS = {
    "thuc-pham": [
        ("Mật ong hoa cà phê", ["chai 500ml", "chai 1 lít"]), ("Mật ong rừng", ["hũ 350ml", "chai 500ml"]),
        ("Mật ong bạc hà", ["chai 500ml", "hũ 1kg"]), ("Nước mắm cá cơm", ["chai 500ml", "can 2 lít"]),
        ("Nước mắm nhĩ", ["chai 250ml", "chai 500ml"]), ("Gạo ST25", ["túi 2kg", "túi 5kg"]),
        ("Gạo nếp cái hoa vàng", ["túi 2kg", "túi 5kg"]), ("Miến dong", ["gói 500g", "gói 1kg"]),
        ("Chả cá thu", ["hộp 500g", "hộp 1kg"]), ("Lạp xưởng", ["gói 500g", "gói 1kg"]),
        ("Hạt điều rang muối", ["hũ 500g", "túi 1kg"]), ("Tiêu đen", ["hũ 100g", "túi 500g"]),
        ("Kẹo dừa", ["hộp 250g", "hộp 500g"]), ("Nem chua", ["chục", "hộp 20 cái"]),
        ("Măng khô", ["túi 500g", "túi 1kg"]), ("Nấm hương rừng", ["túi 200g", "túi 500g"]),
        ("Khô bò", ["gói 250g", "gói 500g"]), ("Bánh đa nem", ["gói 300g", "gói 500g"]),
    ],
    "do-uong": [
        ("Trà shan tuyết cổ thụ", ["hộp 100g", "hộp 200g"]), ("Chè búp", ["túi 200g", "hộp 500g"]),
        ("Chè đinh", ["hộp 100g", "hộp 200g"]), ("Cà phê Robusta rang xay", ["túi 500g", "túi 1kg"]),
        ("Cà phê Arabica", ["túi 250g", "túi 500g"]), ("Rượu ngô men lá", ["chai 500ml", "bình 2 lít"]),
        ("Rượu sim", ["chai 500ml", "chai 750ml"]), ("Trà atiso", ["hộp 20 túi lọc", "hộp 50 túi lọc"]),
        ("Trà sen", ["hộp 100g", "hộp 200g"]), ("Trà hoa vàng", ["hộp 50g", "hộp 100g"]),
    ],
    "thao-duoc": [
        ("Tinh dầu quế", ["lọ 10ml", "lọ 50ml"]), ("Tinh bột nghệ", ["hũ 250g", "hũ 500g"]),
        ("Trà giảo cổ lam", ["hộp 200g", "hộp 500g"]), ("Cao atiso", ["hũ 100g", "hũ 200g"]),
        ("Sâm Ngọc Linh ngâm mật ong", ["hũ 300g", "hũ 500g"]), ("Tinh dầu sả chanh", ["lọ 10ml", "lọ 100ml"]),
        ("Dầu tràm", ["chai 50ml", "chai 100ml"]),
    ],
    "thu-cong-my-nghe": [
        ("Bình gốm men lam", ["cao 30cm", "cao 45cm"]), ("Nón lá bài thơ", ["cái", "bộ 2 cái"]),
        ("Giỏ mây tre đan", ["cỡ nhỏ", "cỡ lớn"]), ("Khăn thổ cẩm", ["60 × 180cm", "khổ lớn"]),
        ("Chiếu cói", ["1,6m", "1,8m"]), ("Khăn lụa tơ tằm", ["90 × 90cm", "khổ dài"]),
        ("Khay sơn mài", ["bộ 3 chiếc", "cỡ lớn"]),
    ],
    "sinh-vat-canh": [
        ("Lan hồ điệp", ["chậu 3 cành", "chậu 5 cành"]), ("Mai vàng", ["chậu nhỏ", "gốc lớn"]),
        ("Quất cảnh", ["chậu nhỏ", "chậu đại"]), ("Bonsai sanh", ["cỡ để bàn", "cỡ sân vườn"]),
    ],
    "dich-vu-du-lich": [
        ("Tour du lịch cộng đồng", ["1 ngày", "2 ngày 1 đêm"]), ("Homestay nhà sàn", ["1 đêm", "2 đêm"]),
        ("Trải nghiệm làng nghề", ["nửa ngày", "1 ngày"]), ("Tour sinh thái rừng tràm", ["nửa ngày", "1 ngày"]),
    ],
}  # fmt: skip
GROUP_WEIGHTS = {"thuc-pham": 45, "do-uong": 20, "thao-duoc": 12, "thu-cong-my-nghe": 12, "sinh-vat-canh": 5, "dich-vu-du-lich": 6}
QUALIFIERS = ["", "", "", "đặc sản", "loại 1", "hữu cơ", "truyền thống", "thượng hạng", "gia truyền"]
PRODUCER_FORMS = ["Hợp tác xã", "Hợp tác xã nông nghiệp", "Cơ sở sản xuất", "Tổ hợp tác", "Hộ kinh doanh"]
DESCRIPTIONS = [
    "{kind} của {producer}, làm theo cách truyền thống ở {commune}, {province}. Đóng gói {pack}.",
    "Sản phẩm OCOP {province}: {kind_lower} được chọn lọc kỹ, bảo quản nơi khô ráo, thoáng mát.",
    "{kind} từ vùng nguyên liệu {commune}; thơm ngon, an toàn, có truy xuất nguồn gốc. Quy cách {pack}.",
]
# What shoppers type: with and without diacritics, places and kinds.
TEXTS = [
    "mật ong", "mat ong rung", "nuoc mam phu quoc", "nước mắm cá cơm", "che thai nguyen", "chè búp",
    "cà phê đắk lắk", "ca phe robusta", "gạo st25", "gao nep cai hoa vang", "tinh dau que", "khan tho cam",
    "lan ho diep", "tour du lich cong dong", "rượu ngô", "tra shan tuyet co thu", "nón lá", "hat dieu",
    "sâm ngọc linh", "kẹo dừa bến tre", "mai vang", "da nang", "ha noi", "homestay",
]  # fmt: skip


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--databases", nargs="+", choices=sorted(DATABASES), default=["postgresql", "sqlite"])
    parser.add_argument("--queries", type=int, default=60, help="timed queries per kind (after a warm-up)")
    parser.add_argument("--postgresql-url", default=DATABASES["postgresql"])
    parser.add_argument("--sqlite-url", default=DATABASES["sqlite"])
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md (trial runs)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run one database in this process
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


# --- the parent: one child process per database -----------------------------------------------


def database_ensure(url: str) -> None:
    """Create the PostgreSQL benchmark database if missing (never one of the shared ones)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    if name in FORBIDDEN_DB_NAMES:
        raise SystemExit(f"Refusing to benchmark in the shared database {name!r}.")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def run_database(kind: str, url: str, args) -> dict:
    database_ensure(url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        "DATABASE_URL": url,
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "SEARCH_CACHE_SECONDS": "0",  # every query computed, but for the "asked again" row
        "DJANGO_DEBUG": "false",
        "DJANGO_LOG_LEVEL": "ERROR",
        "DJANGO_VAR_DIR": "/tmp/ocop-search-bench-var",
    }
    env.pop("REDIS_URL", None)  # locmem cache: measure the database, not a warm shared cache
    command = [sys.executable, __file__, "--worker", kind, "--products", str(args.products), "--queries", str(args.queries)]
    output = subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def machine() -> dict:
    import django

    cpus = os.cpu_count()
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpus": cpus, "cpu": model, "python": platform.python_version(), "django": django.get_version()}


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"{sha}{' (with uncommitted changes)' if dirty else ''}"
    except OSError:
        return "unknown"


def results_section(runs: list[dict], args) -> str:
    facts = machine()
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        BEGIN,
        f"## Search — {now:%Y-%m-%d %H:%M} UTC, {args.products:,} products",
        "",
        f"- Machine: {facts['cpus']} CPUs ({facts['cpu']}), Python {facts['python']}, Django {facts['django']}; "
        f"commit {_commit()}. Recorded by `benchmarks/search.py --products {args.products}`.",
        "- Latency: `backend.search(query)` in-process — count, the four facets and a page of 24 hits — over a "
        f"seeded mix, {args.queries} timed queries per kind after a warm-up; “API” is `GET /api/search/products/` "
        "through the Django test client (form, search, JSON); both without the result cache "
        "(SEARCH_CACHE_SECONDS=0), except the row “asked again (cache)”. PostgreSQL and SQLite each in a dedicated database.",
        "- Kinds: words (e.g. “nuoc mam phu quoc”); words + filters (stars, province or group, price); filters only "
        "(province, group, stars, sorted by price); facets only (no words, the whole catalogue or one province).",
        "- Index rate: the whole search table rebuilt from the catalogue (`search_reindex`, products/s); for "
        "Elasticsearch, a new index filled by streaming bulk from that table, then the alias swap.",
        f"- Targets: p95 ≤ {TARGET_P95_MS} ms on PostgreSQL at 100,000 products; Elasticsearch bulk ≥ {TARGET_ES_RATE:,} products/s.",
        "",
        "| N | backend | kind | p50 ms | p95 ms | index rate /s |",
        "|---:|---|---|---:|---:|---:|",
    ]
    for run in runs:
        for index, (name, timing) in enumerate(run["latency"].items()):
            rate = f"{run['index_rate']:,.0f}" if index == 0 else ""
            lines.append(f"| {run['products']:,} | {run['backend']} | {name} | {timing['p50']:.1f} | {timing['p95']:.1f} | {rate} |")
    notes = [note for run in runs for note in run.get("notes", [])]
    verdict = []
    for run in runs:
        if run["backend"].startswith("database (PostgreSQL"):
            worst = max(timing["p95"] for name, timing in run["latency"].items() if name != "API" and "cache" not in name)
            verdict.append(
                f"PostgreSQL p95 (worst backend kind) {worst:.1f} ms: "
                + ("✅ within" if worst <= TARGET_P95_MS else "❌ over")
                + f" the {TARGET_P95_MS} ms target at {run['products']:,} products."
            )
        if run["backend"] == "elasticsearch":
            verdict.append(f"Elasticsearch bulk {run['index_rate']:,.0f}/s: " + ("✅" if run["index_rate"] >= TARGET_ES_RATE else "❌"))
    if not any(run["backend"] == "elasticsearch" for run in runs):
        notes.append("Elasticsearch not measured: ELASTICSEARCH_URL was not set on this machine.")
    lines += [""] + [f"- {line}" for line in verdict + notes] + ["", END]
    return "\n".join(lines) + "\n"


def results_write(section: str) -> None:
    """Replace our own earlier section, or add it at the end; other sections stay as they are."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    urls = {"postgresql": args.postgresql_url, "sqlite": args.sqlite_url}
    runs = []
    for kind in args.databases:
        log(f"{kind}: {args.products:,} products")
        runs += run_database(kind, urls[kind], args)["runs"]
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    import django

    django.setup()
    section = results_section(runs, args)
    print(section)
    if not args.no_results:
        results_write(section)
        log(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


# --- the child: one database ------------------------------------------------------------------


def worker(args) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from ocop_catalog.models import Province

    call_command("migrate", verbosity=0)
    if not Province.objects.exists():
        call_command("load_localities", verbosity=0)
    catalogue_ensure(args.products)
    vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[connection.vendor]
    version = connection.cursor().connection.info.server_version if connection.vendor == "postgresql" else None
    label = f"database ({vendor} {version // 10000}.{version % 10000})" if version else f"database ({vendor})"
    runs = []

    from search.backends import CachedSearchBackend
    from search.backends.database import DatabaseSearchBackend
    from search.services import search_documents_rebuild

    log(f"{vendor}: rebuilding the search table")
    started = time.perf_counter()
    result = search_documents_rebuild(batch_size=1000)
    rate = result.documents / (time.perf_counter() - started)
    log(f"{vendor}: {result.documents:,} documents, {rate:,.0f}/s")
    analyse(connection)
    latency = measure(DatabaseSearchBackend(), args.queries, api=True, cached=CachedSearchBackend(DatabaseSearchBackend()))
    runs.append({"backend": label, "products": result.documents, "index_rate": rate, "latency": latency})

    if settings.ELASTICSEARCH_URL:
        runs.append(measure_elasticsearch(args, documents=result.documents))
    elif connection.vendor == "postgresql":
        runs[-1].setdefault("notes", []).append(measure_bulk_bodies())
    print(json.dumps({"runs": runs}))
    return 0


def analyse(connection) -> None:
    """Fresh planner statistics (and visibility map, for index-only scans) after the bulk load."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def measure_elasticsearch(args, *, documents: int) -> dict:
    from search.backends.elasticsearch import ElasticsearchSearchBackend
    from search.elastic.client import es_client, es_index_name
    from search.elastic.indexing import es_index_rebuild

    log("elasticsearch: rebuilding the index")
    started = time.perf_counter()
    result = es_index_rebuild()
    rate = result.documents / (time.perf_counter() - started)
    es_client().indices.refresh(index=es_index_name())
    return {
        "backend": "elasticsearch",
        "products": documents,
        "index_rate": rate,
        "latency": measure(ElasticsearchSearchBackend(), args.queries, api=False),
        "notes": [f"Elasticsearch analysis: {'ICU' if result.icu else 'standard tokenizer + lowercase + asciifolding'}."],
    }


def measure_bulk_bodies() -> str:
    """Without a server: how fast our side feeds a bulk rebuild, and whether its memory stays flat.

    The table is streamed through the same actions `es_index_rebuild` gives `streaming_bulk`, and
    each is serialised as the client would send it; the server's own indexing time is not in it.
    """
    import resource

    from elasticsearch.serializer import JsonSerializer

    from search.elastic.indexing import _actions
    from search.models import ProductSearchDocument

    serializer = JsonSerializer()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    documents = sent_bytes = 0
    rows = ProductSearchDocument.objects.order_by("pk").iterator(chunk_size=1000)
    for action in _actions(rows, index="bench"):
        header = {"index": {"_index": action["_index"], "_id": action["_id"]}}
        sent_bytes += len(serializer.dumps(header)) + len(serializer.dumps(action["_source"])) + 2
        documents += 1
    rate = documents / (time.perf_counter() - started)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    log(f"bulk bodies: {documents:,} documents, {rate:,.0f}/s, {sent_bytes / 2**20:,.0f} MB, peak RSS +{grown_mb:.0f} MB")
    return (
        f"Elasticsearch bulk, our side only (no server here): {documents:,} documents streamed from the table, "
        f"with descriptions, and serialised into bulk bodies ({sent_bytes / 2**20:,.0f} MB) at {rate:,.0f}/s; "
        f"peak memory grew by {grown_mb:.0f} MB. The server's indexing time is not included: rerun with "
        "ELASTICSEARCH_URL (docker-compose) for the real rate."
    )


def query_mix(rng: random.Random, count: int) -> dict[str, list]:
    """The same queries for every backend: (kind → ProductQuery list), seeded."""
    from ocop_catalog.models import Province
    from search.query import ProductQuery

    provinces = list(Province.objects.values_list("code", flat=True))
    groups = list(GROUP_WEIGHTS)
    mix = {"words": [], "words + filters": [], "filters only": [], "facets only": []}
    for _ in range(count):
        mix["words"].append(ProductQuery(text=rng.choice(TEXTS), sort="relevance"))
        filters = rng.choice([{"stars_min": rng.choice([3, 4])}, {"province": rng.choice(provinces)}, {"group": rng.choice(groups)}])
        mix["words + filters"].append(
            ProductQuery(text=rng.choice(TEXTS), sort="relevance", price_max=rng.choice([None, 200_000, 500_000]), **filters)
        )
        mix["filters only"].append(
            ProductQuery(province=rng.choice(provinces), group=rng.choice(groups), stars_min=rng.choice([None, 3, 4]), sort="price")
        )
        mix["facets only"].append(ProductQuery(province=rng.choice([None, rng.choice(provinces)])))
    return mix


def _timings(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50": statistics.median(ordered) * 1000, "p95": p95 * 1000, "n": len(ordered)}


def measure(backend, count: int, *, api: bool, cached=None) -> dict:
    from urllib.parse import urlencode

    from django.test import Client

    rng = random.Random(SEED)
    mix = query_mix(rng, count)
    latency = {}
    for kind, queries in mix.items():
        for query in queries[: max(3, count // 10)]:  # warm-up: caches, plans
            backend.search(query)
        samples = []
        for query in queries:
            started = time.perf_counter()
            backend.search(query)
            samples.append(time.perf_counter() - started)
        latency[kind] = _timings(samples)
        log(f"  {kind}: p50 {latency[kind]['p50']:.1f} ms, p95 {latency[kind]['p95']:.1f} ms")
    if cached is not None:
        from django.test import override_settings

        # The same facet queries asked again: answered from the result cache (search.backends).
        with override_settings(SEARCH_CACHE_SECONDS=60):
            for query in mix["facets only"]:
                cached.search(query)
            samples = []
            for query in mix["facets only"]:
                started = time.perf_counter()
                cached.search(query)
                samples.append(time.perf_counter() - started)
        latency["facets only, asked again (cache)"] = _timings(samples)
    if api:
        client = Client()
        samples = []
        for query in mix["words + filters"]:
            params = {key: value for key, value in (
                ("q", query.text), ("stars_min", query.stars_min), ("province", query.province), ("group", query.group),
                ("price_max", query.price_max), ("sort", query.sort),
            ) if value}  # fmt: skip
            started = time.perf_counter()
            response = client.get(f"/api/search/products/?{urlencode(params)}", secure=True)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, response.content[:300]
        latency["API"] = _timings(samples[len(samples) // 10 :])
        log(f"  API: p50 {latency['API']['p50']:.1f} ms, p95 {latency['API']['p95']:.1f} ms")
    return latency


# --- data -------------------------------------------------------------------------------------


def catalogue_ensure(target: int) -> None:
    """Bench producers and products up to `target` products in all, bulk-inserted, seeded. Idempotent."""
    from django.db import transaction
    from oscar.core.loading import get_model

    from ocop_catalog import services
    from ocop_catalog.models import Commune, OcopCertificate, Province
    from ocop_catalog.rules import STAR_BANDS, add_months
    from ocop_catalog.text import slugify_vi

    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")

    existing = Product.objects.count()
    if existing >= target:
        log(f"{existing:,} products already")
        return
    rng = random.Random(SEED + existing)
    roots = services.product_groups_ensure()
    product_class = services.ocop_product_class()
    provinces = {province.code: province for province in Province.objects.all()}
    communes_by_province = {}
    for commune in Commune.objects.only("code", "name", "province_id"):
        communes_by_province.setdefault(commune.province_id, []).append(commune)
    producers = list(Partner.objects.filter(code__startswith=PRODUCER_PREFIX).select_related("commune"))
    wanted_producers = max(len(provinces) * 3, target // 80)
    new_producers = []
    for number in range(len(producers), wanted_producers):
        province = list(provinces)[number % len(provinces)]  # every province, evenly
        commune = rng.choice(communes_by_province[province])
        group = rng.choices(list(GROUP_WEIGHTS), weights=list(GROUP_WEIGHTS.values()))[0]
        trade = rng.choice(KINDS[group])[0].split()[0]
        name = f"{rng.choice(PRODUCER_FORMS)} {trade} {commune.name.split(' ', 1)[-1]} {number}"
        new_producers.append(Partner(code=f"{PRODUCER_PREFIX}{number}", name=name, commune=commune))
    Partner.objects.bulk_create(new_producers, batch_size=1000)
    producers = list(Partner.objects.filter(code__startswith=PRODUCER_PREFIX).select_related("commune__province"))
    today = datetime.date.today()
    batch = 2000
    log(f"generating {target - existing:,} products")
    for start in range(existing, target, batch):
        size = min(batch, target - start)
        rows = []
        for number in range(start, start + size):
            producer = producers[number % len(producers)]
            group = rng.choices(list(GROUP_WEIGHTS), weights=list(GROUP_WEIGHTS.values()))[0]
            kind, packs = rng.choice(KINDS[group])
            pack = rng.choice(packs)
            place = producer.commune.province.short_name if rng.random() < 0.5 else producer.commune.name.split(" ", 1)[-1]
            title = " ".join(part for part in (kind, rng.choice(QUALIFIERS), place, pack) if part)
            description = rng.choice(DESCRIPTIONS).format(
                kind=kind, kind_lower=kind.lower(), producer=producer.name, commune=producer.commune.name,
                province=producer.commune.province.name, pack=pack,
            )  # fmt: skip
            rows.append((producer, group, title, description))
        with transaction.atomic():
            products = Product.objects.bulk_create(
                [
                    Product(
                        title=title, slug=slugify_vi(title)[:120], description=description, product_class=product_class,
                        producer=producer, is_public=True, structure="standalone",
                    )
                    for producer, group, title, description in rows
                ]
            )  # fmt: skip
            if not all(product.pk for product in products):  # SQLite before 3.35 returns no ids
                products = list(Product.objects.order_by("-pk")[:size])[::-1]
            ProductCategory.objects.bulk_create(
                [ProductCategory(product=product, category=roots[group]) for product, (_, group, _, _) in zip(products, rows, strict=True)]
            )
            StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=product, partner=producer, partner_sku=f"SB-{product.pk}", price_currency="VND",
                        price=rng.randrange(20, 3000) * 1000, num_in_stock=0 if rng.random() < 0.1 else rng.randrange(1, 300),
                    )
                    for product, (producer, _, _, _) in zip(products, rows, strict=True)
                ]
            )  # fmt: skip
            certificates = []
            for product, (producer, _, _, _) in zip(products, rows, strict=True):
                if rng.random() < 0.25:
                    continue  # not rated yet
                stars = rng.choices([3, 4, 5], weights=[55, 35, 10])[0]
                low, high = STAR_BANDS[stars]
                issued = today - datetime.timedelta(days=rng.randrange(0, 48 * 30))  # a quarter have expired
                certificates.append(
                    OcopCertificate(
                        product=product, stars=stars, score=rng.randint(low, high), number=f"{product.pk}/QĐ-UBND",
                        issuer="Bộ Nông nghiệp và Môi trường" if stars == 5 else f"UBND {producer.commune.province.name}",
                        level="central" if stars == 5 else "province", issued_on=issued,
                        expires_on=add_months(issued, 36), status=OcopCertificate.Status.VERIFIED,
                    )
                )  # fmt: skip
            OcopCertificate.objects.bulk_create(certificates)
        log(f"  {start + size:,}/{target:,}")


if __name__ == "__main__":
    sys.exit(main())
