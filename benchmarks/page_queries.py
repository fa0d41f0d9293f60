"""SQL queries and in-process time of one page, for whichever project DJANGO_SETTINGS_MODULE names (ours or
benchmarks/stock_oscar), so both are counted the same way. Run by benchmarks/catalogue.py --product-page.

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... .venv/bin/python benchmarks/page_queries.py PATH [--requests 30]

Prints one JSON line: status, bytes, queries warm (after a warm-up request) and cold (the first request after
the cache was emptied: what any project keeps there is gone), and the median wall time of warm requests
(django.test.Client, no network, no gunicorn).
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    cache.clear()  # the bench's own cache (a Redis database of its own, or this process's memory)
    # Each count is read at once: the next request empties the connection's query log its context points into.
    with CaptureQueriesContext(connection) as cold:
        response = client.get(args.path)
    counts = {"queries_cold": len(cold)}
    client.get(args.path)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(args.path)
    counts.update(queries=len(warm), sql=[query["sql"][:200] for query in warm.captured_queries])
    times = []
    for _ in range(args.requests):
        start = time.perf_counter()
        client.get(args.path)
        times.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "status": response.status_code,
                "bytes": len(response.content),
                **counts,
                "in_process_ms": round(1000 * statistics.median(times), 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
