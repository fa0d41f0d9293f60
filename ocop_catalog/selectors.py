"""Reads of OCOP data: certificates, localities, product groups, featured products."""

import datetime
import functools
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone
from oscar.core.loading import get_model

from . import prepared
from .local_cache import forget, locally_cached
from .models import Commune, OcopCertificate, Producer, Province
from .rules import PRODUCT_GROUPS
from .sale import buyable_now_q, on_sale_q
from .text import nfc

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


def certificates_valid_on(*, day: datetime.date) -> QuerySet:
    """Certificates that give a product its stars on `day`: verified and within their dates."""
    return OcopCertificate.objects.filter(status=OcopCertificate.Status.VERIFIED, issued_on__lte=day, expires_on__gte=day)


def certificate_current_for(*, product) -> OcopCertificate | None:
    """The newest verified certificate of `product`, valid or expired; None if it has none."""
    return OcopCertificate.objects.filter(product=product, status=OcopCertificate.Status.VERIFIED).order_by("-issued_on", "-pk").first()


def verified_certificates_prefetch() -> Prefetch:
    """Each product's verified certificates, newest first, as `Product.ocop_certificate` reads them."""
    return Prefetch(
        "ocop_certificates",
        queryset=OcopCertificate.objects.filter(status=OcopCertificate.Status.VERIFIED).order_by("-issued_on", "-pk"),
        to_attr="verified_ocop_certificates",
    )


def with_ocop_certificates(queryset: QuerySet) -> QuerySet:
    """Prefetch each product's verified certificates, newest first, for `Product.ocop_certificate`."""
    return queryset.prefetch_related(verified_certificates_prefetch())


def products_for_display(queryset: QuerySet | None = None) -> QuerySet:
    """Public products with everything a product card shows loaded in a fixed number of queries
    (not their categories, which no card shows: a caller of `group_of` for many products prefetches them)."""
    queryset = Product.objects.browsable() if queryset is None else queryset
    queryset = queryset.select_related("product_class", "producer", "ocop_producer__commune__province").prefetch_related(
        "images",
        Prefetch("stockrecords", queryset=StockRecord.objects.order_by("pk")),
    )
    return with_ocop_certificates(queryset)


@functools.cache
def _products_for_page() -> QuerySet:
    # Building this queryset (its joins and JSON expressions) costs more than the query takes to answer: built
    # once per process, and cloned for each use (never evaluated itself, so nothing is kept in it).
    return Product.objects.select_related("product_class", "producer", "ocop_producer__commune__province").annotate(
        page_record=_first_record(
            id="pk", partner="partner_id", price="price", currency="price_currency", stock="num_in_stock",
            allocated="num_allocated", updated="date_updated",
        ),
        page_certificate=_newest_verified_certificate(
            id="pk", stars="stars", score="score", number="number", issuer="issuer", level="level",
            issued_on="issued_on", expires_on="expires_on", updated="updated_at",
        ),
    )  # fmt: skip


def products_for_page() -> QuerySet:
    """Products with what their page shows that can change at any moment, in one query: the seller, the producer
    and its place (joined), and as JSON `page_record` (the first stock record: price, stock, allocations) and
    `page_certificate` (the newest verified certificate, every column the page shows) — read live, whatever way
    they changed (a checkout allocates stock by a queryset update), to version a cached page without loading more."""
    return _products_for_page().all()


def products_on_sale_by_id(*, ids) -> dict:
    """The products among `ids` still on sale, loaded for display (fixed query count), by id; ids of
    products deleted or withdrawn are absent."""
    ids = list(ids)
    if not ids:
        return {}
    return {product.pk: product for product in products_for_display(Product.objects.browsable().filter(pk__in=ids))}


def products_buyable_by_id(*, ids) -> dict:
    """The products among `ids` that can be bought now (ocop_catalog.sale.buyable_now_q: on sale, priced, units
    left), loaded for display, by id: what a featured block shows."""
    ids = list(ids)
    if not ids:
        return {}
    return {product.pk: product for product in products_for_display(Product.objects.filter(buyable_now_q(), pk__in=ids))}


def _first_record(**columns) -> Subquery:
    """The product's first stock record (the one Oscar's UseFirstStockRecord sells), as a JSON object of `columns`."""
    record = StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk")
    return Subquery(record.values(json=JSONObject(**columns))[:1])


def _newest_verified_certificate(**columns) -> Subquery:
    """The product's newest verified certificate (`Product.ocop_certificate`), as a JSON object of `columns`."""
    certificate = OcopCertificate.objects.filter(product=OuterRef("pk"), status=OcopCertificate.Status.VERIFIED)
    return Subquery(certificate.order_by("-issued_on", "-pk").values(json=JSONObject(**columns))[:1])


def _with_card_columns(queryset: QuerySet) -> QuerySet:
    """Each product's id, then everything its card shows (title, slug, rating, place, first stock record,
    newest verified certificate, first image), as values."""
    image = ProductImage.objects.filter(product=OuterRef("pk")).order_by("display_order", "pk")
    # One subquery per table (a JSON object of its columns): cheaper to plan than one per column.
    return queryset.annotate(
        card_record=_first_record(price="price", currency="price_currency", stock="num_in_stock", allocated="num_allocated"),
        card_certificate=_newest_verified_certificate(stars="stars", issued_on="issued_on", expires_on="expires_on"),
        card_image=Subquery(image.values("original")[:1]),
    ).values_list(
        "pk", "title", "slug", "parent_id", "is_public", "rating", "product_class__track_stock",
        "ocop_producer__name", "ocop_producer__slug",
        "ocop_producer__commune__short_name", "ocop_producer__commune__province__short_name",
        "card_record", "card_certificate", "card_image",
    )  # fmt: skip


@functools.lru_cache(maxsize=64)
def _card_rows_sql(ids: tuple[int, ...] | None, day: datetime.date, limit: int) -> tuple[str, tuple]:
    # Building and compiling this query costs the ORM ~20 times what the database takes to answer it, and
    # the home page asks the same one all day: compiled once per process for the same inputs.
    queryset = featured_products_fallback(day=day) if ids is None else Product.objects.filter(buyable_now_q(), pk__in=ids)
    sql, params = _with_card_columns(queryset)[:limit].query.sql_with_params()
    if connection.vendor == "postgresql":
        # With its values written in (the same all day), the statement has no parameters: PostgreSQL keeps one plan
        # for it per connection (product_card_rows prepares it). With parameters it judged every run worth a plan of
        # its own: planning its joins and subqueries took ~3.5 ms, running it 0.6 ms (10 000 products, 2026-12-04).
        return connection.ops.compose_sql(sql, params), ()
    return sql, tuple(params)


def product_card_rows(*, ids=None, limit: int) -> list[tuple]:
    """In one query, for the products among `ids` still on sale (any order), or without `ids` for the
    newest top-rated ones (`featured_products_fallback`), at most `limit`: each one's id, then everything
    its card shows as the database holds it — to version cached cards without loading the products."""
    sql, params = _card_rows_sql(None if ids is None else tuple(ids), timezone.localdate(), limit)
    return prepared.fetch(connection.alias, sql, params)


def group_root_categories() -> dict[str, "Category"]:
    """The root category of each OCOP product group, by group slug (groups not yet created are absent)."""
    slugs = [group.slug for group in PRODUCT_GROUPS]
    roots = Category.objects.filter(depth=1, slug__in=slugs)
    return {category.slug: category for category in roots}


def group_of(*, product, roots_by_path: dict[str, str]) -> str | None:
    """The OCOP group slug of `product`, from its (prefetched) categories; `roots_by_path` maps root path → slug."""
    for category in product.categories.all():
        slug = roots_by_path.get(category.path[: Category.steplen])
        if slug:
            return slug
    return None


LOCALITY_CACHE_SECONDS = 60 * 60
# Each process keeps the choices it read this long (ocop_catalog.local_cache): another process sees a change
# (locality_choices_forget) within it.
LOCALITY_LOCAL_SECONDS = 30


def province_choices() -> list[tuple[str, str]]:
    """(code, short name) of every province, by name; cached, as units change only by decree."""
    return locally_cached("ocop:province-choices:v1", LOCALITY_LOCAL_SECONDS, _province_choices_shared)


def _province_choices_shared() -> list[tuple[str, str]]:
    key = "ocop:province-choices:v1"
    choices = cache.get(key)
    if choices is None:
        choices = list(Province.objects.order_by("short_name").values_list("code", "short_name"))
        cache.set(key, choices, LOCALITY_CACHE_SECONDS)
    return choices


@dataclass(frozen=True)
class CommuneChoice:
    code: str
    name: str
    is_pilot: bool


def commune_choices(*, province_code: str) -> list[CommuneChoice]:
    """The communes of one province, by name, with their pilot flag; cached."""
    key = f"ocop:commune-choices:v1:{province_code}"
    return locally_cached(key, LOCALITY_LOCAL_SECONDS, lambda: _commune_choices_shared(key, province_code))


def _commune_choices_shared(key: str, province_code: str) -> list[CommuneChoice]:
    choices = cache.get(key)
    if choices is None:
        choices = [
            CommuneChoice(code=code, name=name, is_pilot=ecommerce or smart)
            for code, name, ecommerce, smart in Commune.objects.filter(province_id=province_code)
            .order_by("name")
            .values_list("code", "name", "is_ecommerce_pilot", "is_smart_rural_pilot")
        ]
        cache.set(key, choices, LOCALITY_CACHE_SECONDS)
    return choices


def locality_choices_forget(*, province_codes) -> None:
    """Drop cached locality choices after localities or pilot flags change."""
    keys = ["ocop:province-choices:v1", *(f"ocop:commune-choices:v1:{code}" for code in province_codes)]
    cache.delete_many(keys)
    forget(keys)


def featured_products_fallback(*, day: datetime.date | None = None) -> QuerySet:
    """The products that can be bought now holding a valid 4★ or 5★ certificate on `day` (today), newest first."""
    top_rated = certificates_valid_on(day=day or timezone.localdate()).filter(product=OuterRef("pk"), stars__gte=4)
    return Product.objects.filter(buyable_now_q(), Exists(top_rated)).order_by("-date_created", "-pk")


# --- Certificates: public verification, expiry banner, labels --------------------------------

# Certificates the public verify page vouches for: issued (verified) ones and revoked ones (to say so).
PUBLIC_CERTIFICATE_STATUSES = (OcopCertificate.Status.VERIFIED, OcopCertificate.Status.REVOKED)


def _public_certificates() -> QuerySet:
    return OcopCertificate.objects.filter(status__in=PUBLIC_CERTIFICATE_STATUSES).select_related(
        "product__producer", "holder__commune__province", "product__ocop_producer__commune__province"
    )


def certificate_public(*, pk: int) -> OcopCertificate | None:
    """The issued or revoked certificate `pk` with its product, producer and locality; None otherwise
    (one awaiting verification or rejected is not ours to vouch for)."""
    return _public_certificates().filter(pk=pk).first()


def certificates_by_number(*, number: str) -> list[OcopCertificate]:
    """The issued or revoked certificates numbered `number` (NFC, spaces and case ignored at the ends and in
    letters): numbers are free text per issuer, so several issuers may share one; newest first."""
    number = nfc(number).strip()
    if not number:
        return []
    return list(_public_certificates().filter(number__iexact=number).order_by("-issued_on", "-pk"))


def certificates_revocable(*, number: str = "") -> QuerySet:
    """Verified certificates staff may revoke, newest first; only those numbered `number` when given."""
    certificates = OcopCertificate.objects.filter(status=OcopCertificate.Status.VERIFIED).select_related("product__producer")
    number = nfc(number)
    if number:
        certificates = certificates.filter(number__iexact=number)
    return certificates.order_by("-issued_on", "-pk")


def certificates_expiring_for(*, producer, today: datetime.date | None = None, within_days: int = 90) -> list[OcopCertificate]:
    """The valid certificates of `producer`'s products that expire within `within_days` of `today` and are
    not yet renewed (no later-expiring verified certificate of the same product); soonest first."""
    today = today or timezone.localdate()
    renewal = OcopCertificate.objects.filter(
        product=OuterRef("product"), status=OcopCertificate.Status.VERIFIED, expires_on__gt=OuterRef("expires_on")
    )
    return list(
        certificates_valid_on(day=today)
        .filter(~Exists(renewal), product__producer=producer, expires_on__lte=today + datetime.timedelta(days=within_days))
        .select_related("product")
        .order_by("expires_on", "pk")
    )


def products_with_valid_certificate(*, producer, today: datetime.date | None = None, product_ids=None) -> list:
    """`producer`'s products (those among `product_ids` when given) holding a valid certificate on `today`,
    by title, each with `label_certificate` set to the newest valid one. Two queries."""
    today = today or timezone.localdate()
    products = Product.objects.filter(producer=producer, ocop_certificates__in=certificates_valid_on(day=today)).distinct()
    if product_ids is not None:
        products = products.filter(pk__in=list(product_ids))
    products = products.prefetch_related(
        Prefetch(
            "ocop_certificates",
            queryset=certificates_valid_on(day=today).order_by("-issued_on", "-pk"),
            to_attr="valid_certificates",
        )
    ).order_by("title", "pk")
    result = []
    for product in products:
        product.label_certificate = product.valid_certificates[0]
        result.append(product)
    return result


# --- Producers (chủ thể OCOP): their public page ---------------------------------------------


def producer_public(*, slug: str) -> Producer | None:
    """The producer `slug` with its commune and province, if it makes at least one product on sale (a producer
    of a suspended or not yet approved seller, or with nothing listed, has no public page); None otherwise."""
    on_sale = Product.objects.filter(on_sale_q(), ocop_producer=OuterRef("pk"))
    return Producer.objects.filter(Exists(on_sale), slug=slug).select_related("commune__province", "partner").first()


def producer_products(*, producer: Producer) -> QuerySet:
    """The producer's products on sale, loaded for cards (fixed query count per page), best rated and newest first."""
    return products_for_display(Product.objects.filter(on_sale_q(), ocop_producer=producer)).order_by("-rating", "-date_created", "-pk")


def producer_certificates(*, producer: Producer) -> list[OcopCertificate]:
    """The certificates the producer holds that the public may see (issued or revoked), newest first, with
    their products."""
    return list(
        OcopCertificate.objects.filter(holder=producer, status__in=PUBLIC_CERTIFICATE_STATUSES)
        .select_related("product")
        .order_by("-issued_on", "-pk")
    )
