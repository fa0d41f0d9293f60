from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from cms.demo import demo_content_load
from ocop_catalog.demo.load import demo_catalogue_load
from ocop_catalog.models import Province
from search.services import search_documents_rebuild
from sellers.demo import DEMO_EMAIL_DOMAIN, demo_sellers_load


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
        sellers = demo_sellers_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo sellers: {sellers.sellers} ({sellers.created} new); sign in as "
                f"<producer code>@{DEMO_EMAIL_DOMAIN} with the demo password."
            )
        )
        # Articles feature catalogue products: after the catalogue.
        content = demo_content_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {content.news} news and {content.training} training articles "
                f"({content.created} new)."
            )
        )
        # Each app above the core may declare its own demo steps on its AppConfig:
        # `demo_loaders = ("app.demo.function", ...)`, functions taking `stdout` (None when quiet) that load
        # idempotently and return one line saying what they loaded. They run in INSTALLED_APPS order.
        for config in apps.get_app_configs():
            for loader in getattr(config, "demo_loaders", ()):
                line = import_string(loader)(stdout=self.stdout if verbose else None)
                self.stdout.write(self.style.SUCCESS(line))
        # The whole search table now, whether or not a Celery worker runs yet (idempotent).
        search = search_documents_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search: {search.documents} products on sale indexed."))
