"""From the catalogue to search documents: what a product on sale looks like to search.

Documents are built from plain rows (five queries per batch, no model instances), so the whole
catalogue can be rebuilt quickly; the rules are those of the storefront (what is on sale:
ocop_catalog.sale; Product.ocop_certificate, Oscar's first stock record).
"""

from collections.abc import Iterable
from html import unescape

from django.db import connection
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate
from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG
from ocop_catalog.sale import on_sale_q
from ocop_catalog.text import nfc

from .models import ProductSearchDocument
from .ranking import sales_band
from .text import fold_words, padded, words

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

PRODUCT_FIELDS = (
    "pk", "title", "slug", "description", "date_created", "product_class__track_stock",
    "producer_id", "producer__name", "producer__code", "producer__seller__slug", "ocop_producer__name",
    "ocop_producer__commune_id", "ocop_producer__commune__name", "ocop_producer__commune__province_id",
    "ocop_producer__commune__province__name", "ocop_producer__commune__province__short_name",
    "stats__num_purchases",
)  # fmt: skip


def group_roots() -> dict[str, str]:
    """Root category path → OCOP group slug."""
    return dict(Category.objects.filter(depth=1, slug__in=list(PRODUCT_GROUPS_BY_SLUG)).values_list("path", "slug"))


def _first_by_product(rows: Iterable[dict]) -> dict[int, dict]:
    first = {}
    for row in rows:
        first.setdefault(row["product_id"], row)
    return first


def documents_for(product_ids: list[int], *, roots: dict[str, str]) -> list[ProductSearchDocument]:
    """The search documents of the products on sale among `product_ids` (the others have none).

    `roots` is group_roots(), read once per rebuild. Five queries whatever the number of products.
    """
    products = list(Product.objects.filter(on_sale_q(), pk__in=product_ids).values(*PRODUCT_FIELDS))
    ids = [row["pk"] for row in products]
    if not ids:
        return []
    records = _first_by_product(
        StockRecord.objects.filter(product_id__in=ids).order_by("product_id", "pk")
        .values("product_id", "price", "num_in_stock", "num_allocated")
    )  # fmt: skip
    certificates = _first_by_product(
        OcopCertificate.objects.filter(product_id__in=ids, status=OcopCertificate.Status.VERIFIED)
        .order_by("product_id", "-issued_on", "-pk").values("product_id", "stars", "issued_on", "expires_on")
    )  # fmt: skip
    images = _first_by_product(
        ProductImage.objects.filter(product_id__in=ids).order_by("product_id", "display_order", "pk").values("product_id", "original")
    )
    paths: dict[int, list[str]] = {}
    for product_id, path in ProductCategory.objects.filter(product_id__in=ids).order_by("category__path").values_list(
        "product_id", "category__path"
    ):
        paths.setdefault(product_id, []).append(path)
    return [
        _document(row, record=records.get(row["pk"]), certificate=certificates.get(row["pk"]),
                  image=images.get(row["pk"]), category_paths=paths.get(row["pk"], []), roots=roots)
        for row in products
    ]  # fmt: skip


def plain_description(html: str | None) -> str:
    """A product description as plain NFC text (the catalogue may hold HTML)."""
    return nfc(unescape(strip_tags(html or "")))


def _document(row, *, record, certificate, image, category_paths, roots) -> ProductSearchDocument:
    steplen = Category.steplen
    ancestors = sorted({path[:end] for path in category_paths for end in range(steplen, len(path) + 1, steplen)})
    group_slug = next((roots[path[:steplen]] for path in category_paths if path[:steplen] in roots), "")
    in_stock = record is not None and (
        not row["product_class__track_stock"] or (record["num_in_stock"] or 0) - (record["num_allocated"] or 0) > 0
    )
    title = nfc(row["title"])
    description = plain_description(row["description"])
    # The locality is the producer's (chủ thể OCOP), who may be a member of the selling cooperative elsewhere.
    province_name = row["ocop_producer__commune__province__name"] or ""
    province_short = row["ocop_producer__commune__province__short_name"] or ""
    producers = dict.fromkeys([row["producer__name"] or "", row["ocop_producer__name"] or ""])  # the seller and the maker
    place = [*producers, row["ocop_producer__commune__name"] or "", province_name]
    if province_short not in province_name:
        place.append(province_short)
    title_text = padded(words(title))
    search_text = padded(words(" ".join([title, description, *place])))
    return ProductSearchDocument(
        product_id=row["pk"],
        title=title[:255],
        slug=row["slug"],
        image=image["original"] if image else "",
        seller_slug=row["producer__seller__slug"] or row["producer__code"] or "",
        seller_name=nfc(row["producer__name"] or ""),
        province_name=province_short,
        commune_name=row["ocop_producer__commune__name"] or "",
        title_text=title_text,
        title_folded=fold_words(title_text),
        search_text=search_text,
        # PostgreSQL matches through its unaccented full-text column instead (migration 0002).
        search_folded="" if connection.vendor == "postgresql" else fold_words(search_text),
        category_paths=" ".join(ancestors),
        province_code=row["ocop_producer__commune__province_id"] or "",
        commune_code=row["ocop_producer__commune_id"] or "",
        group_slug=group_slug,
        stars=certificate["stars"] if certificate else None,
        certificate_valid_from=certificate["issued_on"] if certificate else None,
        certificate_valid_until=certificate["expires_on"] if certificate else None,
        price=record["price"] if record else None,
        in_stock=in_stock,
        sales_band=sales_band(row["stats__num_purchases"]),
        created=row["date_created"],
    )
