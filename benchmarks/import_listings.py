"""Time a seller's CSV import of 1,000 listings: new rows, the same file again, every row changed, a dry run.

    .venv/bin/python benchmarks/import_listings.py [--rows 1000] [--database-url URL]

SQLite by default: a throw-away file benchmarks/out/import_listings.sqlite3 (git-ignored), migrated and given
the 2025 localities on first use. With DATABASE_URL set (or --database-url) that database is used; it is
migrated and given the localities if it lacks them, and everything else the run writes is rolled back.
One row in ten carries an OCOP certificate; one in seven names the seller's commune.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
GROUP_SLUGS = ("thuc-pham", "do-uong", "thao-duoc", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    return parser.parse_args(argv)


def setup_django(database_url: str | None) -> str:
    OUT_DIR.mkdir(exist_ok=True)
    url = database_url or f"sqlite:///{OUT_DIR / 'import_listings.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return url


def listings_csv_content(rows: int, *, commune_code: str, price_offset: int = 0) -> bytes:
    from sellers.listings_csv import HEADER

    lines = [",".join(HEADER)]
    for number in range(rows):
        certificate = (
            f"4,{70 + number % 20},{number}/QĐ-UBND,2025-03-01,UBND tỉnh Thái Nguyên" if number % 10 == 0 else ",,,,"
        )
        lines.append(
            f"BENCH-{number:05d},Sản phẩm OCOP số {number},\"Mô tả, sản phẩm {number}\","
            f"{GROUP_SLUGS[number % len(GROUP_SLUGS)]},{50_000 + number + price_offset},{number % 100},"
            f"{certificate},{commune_code if number % 7 == 0 else ''}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def timed(label: str, action, rows: int) -> float:
    from django.db import connection

    queries = []
    started = time.perf_counter()
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        plan = action()
    seconds = time.perf_counter() - started
    assert not plan.errors, plan.errors[:5]
    print(
        f"{label:<28} {seconds:7.2f} s  {seconds / rows * 1000:6.2f} ms/row  {len(queries) / rows:5.1f} queries/row  "
        f"({plan.created} created, {plan.updated} updated, {plan.unchanged} unchanged)"
    )
    return seconds


def main(argv=None) -> int:
    args = parse_args(argv)
    url = setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection, transaction

    from ocop_catalog.models import Commune
    from sellers.listings_csv import listings_import
    from sellers.services import SellerData, seller_create

    call_command("migrate", verbosity=0)
    if not Commune.objects.exists():
        call_command("load_localities", verbosity=0)
    commune = Commune.objects.order_by("code").first()
    print(f"database: {connection.vendor} ({url.split('@')[-1]}); {args.rows} rows")

    with transaction.atomic():
        application = seller_create(
            data=SellerData(
                kind="cooperative", name="HTX Đo Tốc Độ", tax_code="0109999999", representative="", phone="",
                email="bench-import@example.vn", commune=commune, bank_name="", bank_account_number="",
                bank_account_holder="",
            ),
            slug="bench-import-listings",
            approved=True,
        )  # fmt: skip
        seller = application.seller
        content = listings_csv_content(args.rows, commune_code=commune.code)
        changed = listings_csv_content(args.rows, commune_code=commune.code, price_offset=1000)

        def run(data: bytes, **options):
            return lambda: listings_import(seller=seller, stream=io.BytesIO(data), **options)

        timed("import (new rows)", run(content), args.rows)
        timed("re-import (same file)", run(content), args.rows)
        timed("re-import (every price)", run(changed), args.rows)
        timed("dry run (check only)", run(changed, dry_run=True), args.rows)
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
