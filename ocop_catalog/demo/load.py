"""Load the demo OCOP catalogue through the catalogue's services (never fixtures with keys)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from ocop_catalog import services
from ocop_catalog.bulk import catalogue_bulk_change
from ocop_catalog.lifecycle import certificate_revoke
from ocop_catalog.models import Commune, OcopCertificate, Producer
from ocop_catalog.text import slugify_vi

from .catalogue import MEMBERS, PILOT_COMMUNES, PRODUCERS, PRODUCTS
from .images import product_image_jpeg


@dataclass(frozen=True)
class DemoLoadResult:
    producers: int
    products: int
    certificates: int


@transaction.atomic
def demo_catalogue_load(*, progress: Callable[[int, int], None] | None = None) -> DemoLoadResult:
    """Create or update the demo producers, products, certificates and images. Idempotent.

    Needs the localities loaded first (`load_localities`). One transaction, and one catalogue change: search indexes
    each product once at the end, not on every save (halves the load's time).
    """
    with transaction.atomic(), catalogue_bulk_change():
        return _demo_catalogue_load(progress=progress)


def _demo_catalogue_load(*, progress: Callable[[int, int], None] | None) -> DemoLoadResult:
    services.product_groups_ensure()
    for code, ecommerce, smart_rural in PILOT_COMMUNES:
        services.commune_set_pilot_flags(
            commune=Commune.objects.get(code=code), ecommerce=ecommerce, smart_rural=smart_rural
        )
    producers = {
        demo.code: services.producer_create_or_update(
            code=demo.code, name=demo.name, commune=Commune.objects.get(code=demo.commune_code)
        )
        for demo in PRODUCERS
    }
    members = {(member.seller_code, member.name): _member(member, partner=producers[member.seller_code]) for member in MEMBERS}
    certificates = 0
    for done, demo in enumerate(PRODUCTS, start=1):
        product = services.product_listing_save(
            ocop_producer=members[(demo.producer_code, demo.made_by)] if demo.made_by else None,
            producer=producers[demo.producer_code],
            listing=services.ListingData(
                sku=demo.sku,
                title=demo.title,
                description=demo.description,
                group_slug=demo.group_slug,
                price_vnd=demo.price_vnd,
                stock=demo.stock,
            ),
        )
        if demo.certificate is not None and not _revoked(product=product, number=demo.certificate.number):
            services.certificate_record(
                product=product,
                data=services.CertificateData(
                    stars=demo.certificate.stars,
                    score=demo.certificate.score,
                    number=demo.certificate.number,
                    issuer=demo.certificate.issuer,
                    level=demo.certificate.level,
                    issued_on=demo.certificate.issued_on,
                ),
                status=OcopCertificate.Status.VERIFIED,
            )
        if demo.certificate is not None:
            certificates += 1
        services.product_image_set(
            product=product,
            filename=f"demo-{slugify_vi(demo.producer_code)}-{slugify_vi(demo.sku)}.jpg",
            content=product_image_jpeg(title=demo.title, group_slug=demo.group_slug, hue=demo.image_hue),
            caption=demo.title,
        )
        if progress:
            progress(done, len(PRODUCTS))
    _demo_revocation(producers=producers)
    return DemoLoadResult(producers=len(producers), products=len(PRODUCTS), certificates=certificates)


# One demo certificate revoked after a post-market check (it had expired since, so the storefront is unchanged):
# its verify page says revoked, with the reason and date (/ocop/chung-nhan/?so=1033/QĐ-UBND).
DEMO_REVOKED = {
    "producer_code": "htx-lua-tom-hoa-tu", "sku": "HT-TOM-KHO-200", "number": "1033/QĐ-UBND",
    "reason": "Hậu kiểm năm 2023: bao bì ghi sai thành phần, chủ thể không khắc phục trong thời hạn.",
    "revoked_on": datetime.date(2023, 6, 15),
}  # fmt: skip


def _member(member, *, partner) -> Producer:
    """The demo seller's member producer, created the first time (found again by name)."""
    existing = Producer.objects.filter(partner=partner, name=member.name).first()
    data = services.ProducerData(
        name=member.name, kind=member.kind, commune=Commune.objects.get(code=member.commune_code), story=member.story
    )
    return services.producer_save(partner=partner, data=data, producer=existing)


def _revoked(*, product, number: str) -> bool:
    """A revoked certificate is never recorded again: the loader leaves it as it is."""
    return product.ocop_certificates.filter(number=number, status=OcopCertificate.Status.REVOKED).exists()


def _demo_revocation(*, producers) -> None:
    """Revoke the DEMO_REVOKED certificate, once."""
    certificate = OcopCertificate.objects.filter(
        product__stockrecords__partner=producers[DEMO_REVOKED["producer_code"]],
        product__stockrecords__partner_sku=DEMO_REVOKED["sku"],
        number=DEMO_REVOKED["number"], status=OcopCertificate.Status.VERIFIED,
    ).first()  # fmt: skip
    if certificate is not None:
        certificate_revoke(certificate=certificate, reason=DEMO_REVOKED["reason"], revoked_on=DEMO_REVOKED["revoked_on"], by=None)
