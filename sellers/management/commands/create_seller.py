from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ocop_catalog.models import Commune
from sellers.models import SellerKind
from sellers.services import SellerData, seller_create


class Command(BaseCommand):
    help = "Onboard a seller as programme staff do: an application, approved at once with --approved."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--commune", required=True, help="5-digit 2025 commune code, e.g. 00004")
        parser.add_argument("--email", required=True)
        parser.add_argument("--tax-code", required=True)
        parser.add_argument("--kind", default=SellerKind.COOPERATIVE, choices=SellerKind.values)
        parser.add_argument("--representative", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--approved", action="store_true")

    def handle(self, *args, **options):
        commune = Commune.objects.filter(code=options["commune"]).first()
        if commune is None:
            raise CommandError(f"Unknown commune code {options['commune']!r} (run load_localities?).")
        data = SellerData(
            kind=options["kind"], name=options["name"], tax_code=options["tax_code"],
            representative=options["representative"], phone=options["phone"], email=options["email"],
            commune=commune, bank_name="", bank_account_number="", bank_account_holder="",
        )  # fmt: skip
        try:
            application = seller_create(data=data, slug=options["slug"], approved=options["approved"])
        except ValidationError as error:
            details = getattr(error, "message_dict", {"": error.messages})
            raise CommandError("; ".join(f"{field}: {' '.join(texts)}".lstrip(": ") for field, texts in details.items())) from None
        if application.seller:
            self.stdout.write(self.style.SUCCESS(f"Seller {application.seller.slug} created and approved."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Application {application.pk} recorded, awaiting review."))
