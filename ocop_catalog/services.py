"""State changes of the OCOP catalogue: localities, groups, producers, products and certificates."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .images import image_over_pixel_limit
from .models import Commune, OcopCertificate, Producer, Province
from .rules import PRODUCT_GROUPS, PRODUCT_GROUPS_BY_SLUG, add_months
from .selectors import locality_choices_forget
from .signals import product_thumbnails_drawn
from .text import nfc, slugify_vi

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

OCOP_PRODUCT_CLASS_SLUG = "ocop"


# --- Localities -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalityRow:
    province_code: str
    province_name: str
    province_short_name: str
    province_lat: float | None
    province_lon: float | None
    commune_code: str
    commune_name: str
    commune_short_name: str
    commune_kind: str
    commune_lat: float | None
    commune_lon: float | None


def locality_rows_from_package() -> list[LocalityRow]:
    """The 34 provinces / 3,321 communes of the 2025 reform, as shipped by `vietnamadminunits`."""
    from vietnamadminunits.database import get_data

    fields = [
        "provinceCode", "province", "provinceShort", "provinceLat", "provinceLon",
        "wardCode", "ward", "wardShort", "wardType", "wardLat", "wardLon",
    ]  # fmt: skip
    return [
        LocalityRow(
            province_code=record["provinceCode"].zfill(2),
            province_name=nfc(record["province"]),
            province_short_name=nfc(record["provinceShort"]),
            province_lat=record["provinceLat"],
            province_lon=record["provinceLon"],
            commune_code=record["wardCode"].zfill(5),
            commune_name=nfc(record["ward"]),
            commune_short_name=nfc(record["wardShort"]),
            commune_kind=nfc(record["wardType"]),
            commune_lat=record["wardLat"],
            commune_lon=record["wardLon"],
        )
        for record in get_data(fields=fields)
    ]


@dataclass(frozen=True)
class LocalityLoadResult:
    provinces_created: int
    provinces_updated: int
    communes_created: int
    communes_updated: int


@transaction.atomic
def localities_load(
    *, rows: Iterable[LocalityRow], progress: Callable[[int], None] | None = None
) -> LocalityLoadResult:
    """Create or update provinces and communes from `rows`, keeping staff-set pilot flags.

    Idempotent: loading the same rows twice changes nothing the second time.
    """
    rows = list(rows)
    provinces = {}
    for row in rows:
        provinces[row.province_code] = Province(
            code=row.province_code,
            name=row.province_name,
            short_name=row.province_short_name,
            latitude=row.province_lat,
            longitude=row.province_lon,
        )
    existing_provinces = set(Province.objects.values_list("code", flat=True))
    Province.objects.bulk_create(
        provinces.values(),
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "short_name", "latitude", "longitude"],
    )
    communes = [
        Commune(
            code=row.commune_code,
            province_id=row.province_code,
            name=row.commune_name,
            short_name=row.commune_short_name,
            kind=row.commune_kind,
            latitude=row.commune_lat,
            longitude=row.commune_lon,
        )
        for row in rows
    ]
    existing_communes = set(Commune.objects.values_list("code", flat=True))
    batch_size = 500
    for start in range(0, len(communes), batch_size):
        Commune.objects.bulk_create(
            communes[start : start + batch_size],
            update_conflicts=True,
            unique_fields=["code"],
            # Pilot flags are not in the source: never overwrite what staff set.
            update_fields=["province", "name", "short_name", "kind", "latitude", "longitude"],
        )
        if progress:
            progress(min(start + batch_size, len(communes)))
    province_codes = set(provinces)
    commune_codes = {commune.code for commune in communes}
    transaction.on_commit(lambda: locality_choices_forget(province_codes=province_codes))
    return LocalityLoadResult(
        provinces_created=len(province_codes - existing_provinces),
        provinces_updated=len(province_codes & existing_provinces),
        communes_created=len(commune_codes - existing_communes),
        communes_updated=len(commune_codes & existing_communes),
    )


def commune_set_pilot_flags(*, commune: Commune, ecommerce: bool, smart_rural: bool) -> Commune:
    commune.is_ecommerce_pilot = ecommerce
    commune.is_smart_rural_pilot = smart_rural
    commune.full_clean()
    commune.save(update_fields=["is_ecommerce_pilot", "is_smart_rural_pilot"])
    transaction.on_commit(lambda: locality_choices_forget(province_codes=[commune.province_id]))
    return commune


# --- Product groups -------------------------------------------------------------------------


@transaction.atomic
def product_groups_ensure() -> dict[str, "Category"]:
    """Make the six OCOP groups exist as root categories (by slug); returns them by slug. Idempotent."""
    roots = {category.slug: category for category in Category.objects.filter(depth=1)}
    for group in PRODUCT_GROUPS:
        if group.slug not in roots:
            roots[group.slug] = Category.add_root(name=group.name, slug=group.slug, is_public=True)
    return {group.slug: roots[group.slug] for group in PRODUCT_GROUPS}


def ocop_product_class() -> "ProductClass":
    product_class, _ = ProductClass.objects.get_or_create(
        slug=OCOP_PRODUCT_CLASS_SLUG,
        defaults={"name": "Sản phẩm OCOP", "requires_shipping": True, "track_stock": True},
    )
    return product_class


# --- Producers and products -----------------------------------------------------------------


def producer_create_or_update(*, code: str, name: str, commune: Commune) -> "Partner":
    """The producer (Oscar partner) with this code, created or updated. Idempotent."""
    partner, created = Partner.objects.get_or_create(code=code, defaults={"name": nfc(name), "commune": commune})
    if not created and (partner.name != nfc(name) or partner.commune_id != commune.code):
        # The seller as its own producer first: saving the partner reindexes its products, which read the producer.
        Producer.objects.filter(partner=partner, is_seller_itself=True).update(name=nfc(name), commune=commune)
        partner.name = nfc(name)
        partner.commune = commune
        partner.save(update_fields=["name", "commune"])
    return partner


def _unique_producer_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify_vi(name)[:200] or "nha-san-xuat"
    slug, n = base, 2
    while Producer.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def producer_seller_itself(*, partner: "Partner") -> Producer:
    """The seller `partner` as an OCOP producer (name and commune from it), created the first time. Idempotent.

    A product listed without a producer chosen is the seller's own: it points here.
    """
    producer = Producer.objects.filter(partner=partner, is_seller_itself=True).first()
    if producer is None:
        producer = Producer.objects.create(
            name=partner.name, slug=_unique_producer_slug(partner.name), commune_id=partner.commune_id,
            partner=partner, is_seller_itself=True,
        )  # fmt: skip
    return producer


@dataclass(frozen=True)
class ProducerData:
    """What a seller says about a producer it sells for."""

    name: str
    kind: str
    commune: Commune | None
    tax_code: str = ""
    story: str = ""
    latitude: float | None = None
    longitude: float | None = None


@transaction.atomic
def producer_save(*, partner: "Partner", data: ProducerData, producer: Producer | None = None) -> Producer:
    """Create a producer managed by `partner`, or update `producer` (which must be managed by `partner`).

    The slug is made from the name when the producer is created and then kept (links and QR labels point at it).
    Raises ValidationError on a bad tax code, coordinates or a missing commune.
    """
    if producer is not None and producer.partner_id != partner.pk:
        raise Producer.DoesNotExist
    producer = producer or Producer(partner=partner)
    producer.name = nfc(data.name)
    producer.kind = data.kind
    producer.commune = data.commune
    producer.tax_code = nfc(data.tax_code)
    producer.story = nfc(data.story)
    producer.latitude, producer.longitude = data.latitude, data.longitude
    if data.commune is None:
        raise ValidationError({"commune": _("Choose the producer's commune.")})
    if not producer.slug:
        producer.slug = _unique_producer_slug(producer.name)
    producer.full_clean()
    producer.save()
    return producer


@dataclass(frozen=True)
class ListingData:
    """What a producer lists: the product, its group, price in whole đồng and stock."""

    sku: str
    title: str
    description: str
    group_slug: str
    price_vnd: int
    stock: int


@transaction.atomic
def product_listing_save(
    *, producer: "Partner", listing: ListingData, stock_read: int | None = None, ocop_producer: Producer | None = None,
    new_listing_review: str | None = None,
) -> "Product":
    """Create or update `producer`'s product with SKU `listing.sku`: one product, one stock record.

    A SKU is unique per producer; saving the same listing twice leaves one product. With `stock_read` (the
    stock the seller was shown), an existing product's stock changes only if `listing.stock` differs from
    it, and then by that difference on the level at this moment, so units shipped meanwhile stay shipped;
    a difference that would take stock below zero raises ValidationError on "stock".

    `ocop_producer` (managed by `producer`) is who makes it; None keeps an existing product's, and a new product
    goes to the seller itself (producer_seller_itself). `new_listing_review`: the staff check a NEW product starts
    in (sellers.listing_review decides; None: approved); an existing product keeps its own.
    """
    if ocop_producer is not None and ocop_producer.partner_id != producer.pk:
        raise ValueError("A seller lists only the producers it manages.")
    if listing.group_slug not in PRODUCT_GROUPS_BY_SLUG:
        raise ValueError(f"Unknown OCOP product group: {listing.group_slug!r}")
    if listing.price_vnd <= 0 or listing.stock < 0:
        raise ValueError("Price must be positive and stock not negative.")
    group_category = product_groups_ensure()[listing.group_slug]
    record = (
        StockRecord.objects.select_for_update()
        .select_related("product")
        .filter(partner=producer, partner_sku=listing.sku)
        .first()
    )
    product = record.product if record else Product(product_class=ocop_product_class(), producer=producer)
    if record is None and new_listing_review is not None:
        product.listing_review = new_listing_review
    product.title = nfc(listing.title)
    product.description = nfc(listing.description)
    product.producer = producer
    if ocop_producer is not None:
        product.ocop_producer = ocop_producer
    elif product.ocop_producer_id is None:
        product.ocop_producer = producer_seller_itself(partner=producer)
    product.is_public = True
    if not product.slug:
        product.slug = slugify_vi(product.title)[:128] or "san-pham"
    product.full_clean(exclude=["upc", "slug"])
    product.save()
    ProductCategory.objects.filter(product=product).exclude(category=group_category).delete()
    ProductCategory.objects.get_or_create(product=product, category=group_category)
    if record is None:
        record = StockRecord(product=product, partner=producer, partner_sku=listing.sku)
    delta = None if record.pk is None or stock_read is None else listing.stock - stock_read
    record.price = Decimal(listing.price_vnd)
    record.price_currency = settings.OSCAR_DEFAULT_CURRENCY
    if delta is None:
        record.num_in_stock = listing.stock
    elif delta and (record.num_in_stock or 0) + delta < 0:  # the row is locked: this level is current
        raise ValidationError({"stock": _(
            "Stock changed since you opened this page: it is now %(stock)s. Check it and save again."
        ) % {"stock": record.num_in_stock or 0}})  # fmt: skip
    record.full_clean()
    if delta is None:
        record.save()
    else:
        # Never the stock or allocations read earlier: only the seller's own difference, in SQL.
        record.save(update_fields=["price", "price_currency", "partner_sku"])
        if delta:
            StockRecord.objects.filter(pk=record.pk).update(num_in_stock=Coalesce(F("num_in_stock"), 0) + delta)
            record.refresh_from_db(fields=["num_in_stock", "num_allocated"])
    return product


def product_image_set(*, product: "Product", filename: str, content: bytes, caption: str = "") -> "ProductImage":
    """Make `content` the product's primary image unless it already has one with that file name. Idempotent."""
    existing = product.images.filter(display_order=0).first()
    if existing and existing.original.name.rsplit("/", 1)[-1].startswith(filename.rsplit(".", 1)[0]):
        return existing
    if existing:
        existing.delete()
    image = ProductImage(product=product, caption=nfc(caption), display_order=0)
    image.original.save(filename, ContentFile(content), save=False)
    image.save()
    return image


def product_image_add(
    *, product: "Product", filename: str, content: bytes, caption: str = "", display_order: int = 0
) -> "ProductImage":
    """Add a photo to a product (the first one becomes its primary image)."""
    image = ProductImage(product=product, caption=nfc(caption)[:200], display_order=display_order)
    image.original.save(filename, ContentFile(content), save=False)
    image.full_clean(exclude=["original"])
    image.save()
    return image


# --- Certificates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateData:
    stars: int
    score: int
    number: str
    issuer: str
    level: str
    issued_on: datetime.date
    expires_on: datetime.date | None = None


def certificate_default_expiry(*, issued_on: datetime.date) -> datetime.date:
    return add_months(issued_on, settings.OCOP_CERTIFICATE_VALIDITY_MONTHS)


@transaction.atomic
def certificate_record(
    *, product: "Product", data: CertificateData, status: str = OcopCertificate.Status.PENDING
) -> OcopCertificate:
    """Attach a certificate to `product` (or update the one with the same number and issue date).

    Expiry defaults to issue + 36 months; stars must agree with the score band. Idempotent. A revoked
    certificate is never recorded again (ValidationError on "number").
    """
    certificate = (
        OcopCertificate.objects.filter(product=product, number=nfc(data.number), issued_on=data.issued_on).first()
        or OcopCertificate(product=product)
    )
    if certificate.status == OcopCertificate.Status.REVOKED:  # a revocation is final: recording it again must not undo it
        raise ValidationError({"number": _("This certificate was revoked on %(day)s: it cannot be recorded again.") % {
            "day": certificate.revoked_on.strftime("%d/%m/%Y")}})  # fmt: skip
    certificate.stars = data.stars
    certificate.score = data.score
    certificate.number = nfc(data.number)
    certificate.issuer = nfc(data.issuer)
    certificate.level = data.level
    certificate.issued_on = data.issued_on
    certificate.expires_on = data.expires_on or certificate_default_expiry(issued_on=data.issued_on)
    certificate.status = status
    certificate.full_clean()
    certificate.save()
    return certificate


def certificate_verify(*, certificate: OcopCertificate) -> OcopCertificate:
    certificate.status = OcopCertificate.Status.VERIFIED
    certificate.save(update_fields=["status", "updated_at"])
    return certificate


# --- Images ---------------------------------------------------------------------------------

# The sizes the templates ask for (card, product page, gallery and dashboard); made by a task, never
# in a request: until then pages show a placeholder (marketplace.thumbnails).
THUMBNAIL_SPECS = (
    ("320x320", {"crop": "center", "upscale": False}),
    ("640x640", {"crop": "center", "upscale": False}),
    ("160x160", {"crop": "center"}),
)


def product_thumbnails_prepare(*, product_id: int) -> int:
    """Create the thumbnails of the product's images; returns how many images it drew them for.

    Idempotent: thumbnails that exist are reused by sorl-thumbnail, not redrawn. An image over
    MAX_IMAGE_PIXELS (by its header) is never decoded: it keeps the placeholder.
    """
    from sorl.thumbnail import get_thumbnail

    drawn = 0
    for image in ProductImage.objects.filter(product_id=product_id):
        try:
            with image.original.open("rb") as stream:
                if image_over_pixel_limit(stream):
                    continue
        except FileNotFoundError:
            continue
        for geometry, options in THUMBNAIL_SPECS:
            get_thumbnail(image.original, geometry, **options)
        drawn += 1
    if drawn:
        product_thumbnails_drawn.send(sender=ProductImage, product_id=product_id)
    return drawn
