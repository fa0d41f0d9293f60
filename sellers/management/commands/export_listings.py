from django.core.management.base import BaseCommand

from sellers.listings_csv import listings_export

from .import_listings import seller_from_slug


class Command(BaseCommand):
    help = "Export a seller's listings as CSV (sorted by SKU) that import_listings takes back unchanged."

    def add_arguments(self, parser):
        parser.add_argument("--seller", required=True, help="the seller's slug")
        parser.add_argument("file", nargs="?", help="where to write; standard output when left out")
        parser.add_argument("--bom", action="store_true", help="start with a UTF-8 BOM, for Excel")

    def handle(self, *args, **options):
        seller = seller_from_slug(options["seller"])
        lines = listings_export(seller=seller)
        prefix = "\ufeff" if options["bom"] else ""
        if options["file"] is None:
            self.stdout.write(prefix + "".join(lines), ending="")
            return
        rows = -1  # the header is not a product
        with open(options["file"], "w", encoding="utf-8", newline="") as target:
            target.write(prefix)
            for line in lines:
                target.write(line)
                rows += 1
        self.stdout.write(self.style.SUCCESS(f"Exported {rows} product(s) of {seller.slug} to {options['file']}."))
