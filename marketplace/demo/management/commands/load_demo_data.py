from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ocop_catalog.demo.load import demo_catalogue_load
from ocop_catalog.models import Province


class Command(BaseCommand):
    help = "Load the demo OCOP catalogue (producers, products, certificates, images). Idempotent."

    def handle(self, *args, **options):
        if not Province.objects.exists():
            self.stdout.write("No localities yet: loading them first.")
            call_command("load_localities", verbosity=options["verbosity"])
        if not Province.objects.exists():
            raise CommandError("Localities could not be loaded.")
        verbose = options["verbosity"] >= 1

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\r  products {done}/{total}", ending="")
            self.stdout.flush()

        result = demo_catalogue_load(progress=progress if verbose else None)
        if verbose:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue: {result.producers} producers, {result.products} products, "
                f"{result.certificates} certificates."
            )
        )
