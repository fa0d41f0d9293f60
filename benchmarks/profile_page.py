"""Profile one page in-process against the benchmark database (run benchmarks/catalogue.py first).

    .venv/bin/python benchmarks/profile_page.py /shop/catalogue/ [--requests 20] [--page-size 24] [--top 30]

Prints wall time per request split into SQL and the rest, the queries with their time, and the top
functions of a cProfile over the requests (after two warm-up requests). Same environment as catalogue.py.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))

from catalogue import DEFAULT_DB, OUT_DIR, bench_env  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--page-size", type=int, default=24)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime)")
    parser.add_argument("--database-url", default=DEFAULT_DB)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--var-dir", type=Path, default=OUT_DIR / "var")
    parser.add_argument("--dump", type=Path, help="write the raw profile here (for snakeviz, gprof2dot)")
    args = parser.parse_args(argv)
    os.environ.update(bench_env(args))

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.OSCAR_PRODUCTS_PER_PAGE = args.page_size
    client = Client()
    for _ in range(2):
        assert client.get(args.path).status_code == 200

    sql = []

    def timer(execute, query, params, many, context):
        start = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql.append((time.perf_counter() - start, query))

    with connection.execute_wrapper(timer):
        start = time.perf_counter()
        for _ in range(args.requests):
            client.get(args.path)
        plain = (time.perf_counter() - start) / args.requests
    per_request = len(sql) // args.requests
    sql_time = sum(t for t, _ in sql) / args.requests
    print(f"{args.path} @ {args.page_size}/page: {plain * 1000:.1f} ms per request, "
          f"{per_request} queries taking {sql_time * 1000:.1f} ms (SQL), {(plain - sql_time) * 1000:.1f} ms Python")
    for t, query in sql[-per_request:]:
        print(f"  {t * 1000:7.2f} ms  {query[:220]}")

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        client.get(args.path)
    profile.disable()
    if args.dump:
        profile.dump_stats(args.dump)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
