"""Reads of OCOP data: certificates, localities, product groups, featured products."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from .models import Commune, OcopCertificate, Province
from .rules import PRODUCT_GROUPS

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def certificates_valid_on(*, day: datetime.date) -> QuerySet:
    """Certificates that give a product its stars on `day`: verified and within their dates."""
    return OcopCertificate.objects.filter(
        status=OcopCertificate.Status.VERIFIED, issued_on__lte=day, expires_on__gte=day
    )


def certificate_current_for(*, product) -> OcopCertificate | None:
    """The newest verified certificate of `product`, valid or expired; None if it has none."""
    return (
        OcopCertificate.objects.filter(product=product, status=OcopCertificate.Status.VERIFIED)
        .order_by("-issued_on", "-pk")
        .first()
    )


def with_ocop_certificates(queryset: QuerySet) -> QuerySet:
    """Prefetch each product's verified certificates, newest first, for `Product.ocop_certificate`."""
    return queryset.prefetch_related(
        Prefetch(
            "ocop_certificates",
            queryset=OcopCertificate.objects.filter(status=OcopCertificate.Status.VERIFIED).order_by(
                "-issued_on", "-pk"
            ),
            to_attr="verified_ocop_certificates",
        )
    )


def products_for_display(queryset: QuerySet | None = None) -> QuerySet:
    """Public products with everything a product card shows loaded in a fixed number of queries."""
    queryset = Product.objects.browsable() if queryset is None else queryset
    queryset = queryset.select_related("product_class", "producer__commune__province").prefetch_related(
        "images",
        Prefetch("stockrecords", queryset=StockRecord.objects.order_by("pk")),
        Prefetch("categories", queryset=Category.objects.order_by("path")),
    )
    return with_ocop_certificates(queryset)


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


def province_choices() -> list[tuple[str, str]]:
    """(code, short name) of every province, by name; cached, as units change only by decree."""
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
    cache.delete("ocop:province-choices:v1")
    cache.delete_many([f"ocop:commune-choices:v1:{code}" for code in province_codes])


def featured_products_fallback(*, limit: int) -> list:
    """The newest public products holding a valid 4★ or 5★ certificate."""
    today = timezone.localdate()
    top_rated = certificates_valid_on(day=today).filter(product=OuterRef("pk"), stars__gte=4)
    queryset = Product.objects.browsable().filter(Exists(top_rated)).order_by("-date_created", "-pk")
    return list(products_for_display(queryset)[:limit])
