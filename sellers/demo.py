"""Demo sellers: every demo producer becomes an approved seller with a user who can sign in."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.demo.catalogue import PRODUCERS

from .models import Seller, SellerKind

Partner = get_model("partner", "Partner")
User = get_user_model()

DEMO_EMAIL_DOMAIN = "demo.cho-ocop.vn"


@dataclass(frozen=True)
class DemoSellersResult:
    sellers: int
    created: int


def demo_seller_email(producer_code: str) -> str:
    return f"{producer_code}@{DEMO_EMAIL_DOMAIN}"


@transaction.atomic
def demo_sellers_load() -> DemoSellersResult:
    """Attach a seller record and a signed-in user to each demo producer. Idempotent.

    The users' password is settings.DEMO_PASSWORD: demo data is for a local or staging site only.
    """
    created = 0
    for number, producer in enumerate(PRODUCERS, start=1):
        partner = Partner.objects.select_related("commune").get(code=producer.code)
        email = demo_seller_email(producer.code)
        seller, was_created = Seller.objects.get_or_create(
            partner=partner,
            defaults={
                "slug": producer.code, "kind": SellerKind.COOPERATIVE, "name": partner.name,
                "tax_code": f"99{number:08d}", "representative": "Người đại diện", "phone": f"09{number:08d}",
                "email": email, "commune": partner.commune, "bank_name": "Agribank",
                "bank_account_number": f"1500{number:08d}", "bank_account_holder": partner.name,
                "approved_at": timezone.now(),
            },
        )  # fmt: skip
        created += was_created
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=settings.DEMO_PASSWORD, first_name=partner.name[:150])
        partner.users.add(user)
    return DemoSellersResult(sellers=len(PRODUCERS), created=created)
