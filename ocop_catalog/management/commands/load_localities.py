from django.core.management.base import BaseCommand

from ocop_catalog.services import localities_load, locality_rows_from_package


class Command(BaseCommand):
    help = "Load the 34 provinces and 3,321 communes of the 2025 reform (idempotent; keeps pilot flags)."

    def handle(self, *args, **options):
        rows = locality_rows_from_package()
        total = len(rows)

        def progress(done: int) -> None:
            self.stdout.write(f"\r  communes {done}/{total}", ending="")
            self.stdout.flush()

        result = localities_load(rows=rows, progress=progress if options["verbosity"] >= 1 else None)
        if options["verbosity"] < 1:
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Provinces: {result.provinces_created} created, {result.provinces_updated} unchanged or updated; "
                f"communes: {result.communes_created} created, {result.communes_updated} unchanged or updated."
            )
        )
