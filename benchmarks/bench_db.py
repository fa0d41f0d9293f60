"""The separate PostgreSQL database a benchmark runs on: created if missing; never `test`, a test database or a
system one."""

import sys
from urllib.parse import urlparse

REFUSED = {"postgres", "template0", "template1", "test"}


def ensure_database(url: str) -> None:
    name = urlparse(url).path.lstrip("/")
    if not name or name in REFUSED or name.startswith("test_"):
        sys.exit(f"refusing to benchmark on the database {name!r}: use a separate one, e.g. ocop_checkout_bench")
    import psycopg

    admin = urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
