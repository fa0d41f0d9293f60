from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sellers.listings_csv import CHECKING, MAX_FILE_BYTES, listings_import
from sellers.models import Seller


def seller_from_slug(slug: str) -> Seller:
    """The seller named on the command line, or a CommandError."""
    seller = Seller.objects.select_related("partner").filter(slug=slug).first()
    if seller is None:
        raise CommandError(f"No seller with slug {slug!r}.")
    return seller


class Command(BaseCommand):
    help = (
        "Import a seller's listings from a CSV file (UTF-8, with or without BOM): all rows or none. "
        "Every faulty row is reported; --dry-run only checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seller", required=True, help="the seller's slug")
        parser.add_argument("file", help="the CSV file")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    def handle(self, *args, **options):
        seller = seller_from_slug(options["seller"])
        if not seller.is_active and not options["dry_run"]:
            raise CommandError(f"Seller {seller.slug} is suspended: it cannot change its listings.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: split it.")
        phase = {"last": None}

        def progress(current_phase: str, done: int, total: int | None) -> None:
            if phase["last"] not in (None, current_phase):
                self.stdout.write("")
            phase["last"] = current_phase
            label = "checked" if current_phase == CHECKING else "saved"
            count = f"{done}/{total}" if total else f"{done}"
            self.stdout.write(f"\r  rows {count} {label}", ending="")
            self.stdout.flush()

        with path.open("rb") as stream:
            plan = listings_import(
                seller=seller,
                stream=stream,
                dry_run=options["dry_run"],
                progress=progress if options["verbosity"] >= 1 else None,
            )
        if phase["last"]:
            self.stdout.write("")
        if plan.errors:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(plan.errors)} error(s) in {path}: nothing was imported.")
        counts = (
            f"{plan.created} created, {plan.updated} updated, {plan.unchanged} unchanged; "
            f"{plan.certificates} certificate(s) sent for verification"
        )
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"{path}: no errors. Would give {counts} (dry run: nothing written)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {path} for {seller.slug}: {counts}."))
