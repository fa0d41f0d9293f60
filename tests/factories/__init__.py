"""Factories for tests, built with get_model so they follow our Oscar forks."""

import datetime
import itertools
from decimal import Decimal

from oscar.core.loading import get_model

from ocop_catalog import services
from ocop_catalog.models import Commune, OcopCertificate

Partner = get_model("partner", "Partner")

_sequence = itertools.count(1)


def make_producer(*, commune: Commune, name: str | None = None) -> "Partner":
    number = next(_sequence)
    return services.producer_create_or_update(
        code=f"producer-{number}", name=name or f"Hợp tác xã thử nghiệm {number}", commune=commune
    )


def make_product(
    *,
    producer,
    title: str | None = None,
    group: str = "thuc-pham",
    price_vnd: int = 100_000,
    stock: int = 10,
    stars: int | None = None,
    issued_on: datetime.date | None = None,
    status: str = OcopCertificate.Status.VERIFIED,
):
    number = next(_sequence)
    product = services.product_listing_save(
        producer=producer,
        listing=services.ListingData(
            sku=f"SKU-{number}",
            title=title or f"Sản phẩm thử {number}",
            description="Mô tả sản phẩm.",
            group_slug=group,
            price_vnd=price_vnd,
            stock=stock,
        ),
    )
    if stars is not None:
        score = {1: 20, 2: 40, 3: 60, 4: 80, 5: 95}[stars]
        services.certificate_record(
            product=product,
            data=services.CertificateData(
                stars=stars,
                score=score,
                number=f"{number}/QĐ-UBND",
                issuer="Bộ Nông nghiệp và Môi trường" if stars == 5 else "UBND tỉnh Thái Nguyên",
                level="central" if stars == 5 else "province",
                issued_on=issued_on or datetime.date.today() - datetime.timedelta(days=30),
            ),
            status=status,
        )
    return product


def vnd(amount: int) -> Decimal:
    return Decimal(amount)
