"""What the benchmark scripts share: the separate PostgreSQL database they run on (created if missing; never
`test`, a test database or a system one) and writing their own section of RESULTS.md."""

import sys
from pathlib import Path
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


def results_section_write(results: Path, *, begin: str, end: str, section: str) -> None:
    """Replace the script's earlier section of `results` (between its markers), or add it at the end; other
    sections, and other scripts' markers, stay as they are."""
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    block = f"{begin}\n{section.rstrip()}\n\n{end}\n"
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        text = before + block + rest.split(end, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    results.write_text(text)
