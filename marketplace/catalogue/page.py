"""The product page's body, rendered once and cached (issue 16.5), with the discipline of the product cards
(ocop_catalog.cards): it is kept under a version, a digest of everything it shows as known on this request,
so a change shows on the next request and an unchanged body is never rendered again.

What the version is made of:
- read live, in the one query that loads the product (ocop_catalog.selectors.products_for_page): every column
  of the product, its class, seller, producer, commune and province, its first stock record (price, stock,
  allocations) and its newest verified certificate — however they changed (a checkout allocates stock, staff
  correct a certificate, with queryset updates that send no signal);
- cache versions moved on by signals: its reviews (marketplace.catalogue.reviews), the articles featuring it
  (cms content version), its photos (and their thumbnails, once drawn) and categories, and the category tree
  (connected below);
- the language, the day (a certificate expires at midnight) and PAGE_TEMPLATE_VERSION.

Never cached, rendered for each visitor: the layout (basket, account links), the buy form (its CSRF token) and
the review invitation. The body template is rendered with the product and the request only — not the user.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from oscar.core.loading import get_model

from cms.caching import CONTENT_VERSION_KEY
from ocop_catalog.cache_versions import cache_version_advance, cache_versions
from ocop_catalog.cards import card_version
from ocop_catalog.selectors import verified_certificates_prefetch
from ocop_catalog.signals import product_thumbnails_drawn

from .reviews.selectors import product_reviews_version_key

StockRecord = get_model("partner", "StockRecord")

BODY_TEMPLATE = "oscar/catalogue/partials/product_body.html"
BREADCRUMBS_TEMPLATE = "oscar/catalogue/partials/product_breadcrumbs.html"
# Where the body leaves room for what each visitor sees differently (HTML comments: escaped text cannot forge them).
BUY_SLOT = "<!--product-page:buy-->"
REVIEW_SLOT = "<!--product-page:review-invitation-->"
# Bump when the body or breadcrumbs templates change what they show: every cached body is retired.
PAGE_TEMPLATE_VERSION = 1
# Keys change with the page, so this only bounds what pages no longer asked for cost the cache.
PAGE_CACHE_SECONDS = 6 * 60 * 60
CATEGORIES_VERSION_KEY = "catalogue:categories-version"


def _product_version_key(product_id: int) -> str:
    return f"catalogue:product-page-version:{product_id}"


def product_page_changed(*, product_id: int) -> None:
    """The product's photos or categories changed: its page shows them on the next request."""
    cache_version_advance(_product_version_key(product_id))


def product_pages_changed() -> None:
    """A category was renamed, moved or removed: every product page's breadcrumbs are rendered again."""
    cache_version_advance(CATEGORIES_VERSION_KEY)


@dataclass(frozen=True)
class ProductPage:
    """What the product page shows the same to everyone: the breadcrumbs, the body in three parts around the
    buy form and the review invitation, whether the product can be bought, and its first photo's address."""

    breadcrumbs: SafeString
    top: SafeString
    middle: SafeString
    bottom: SafeString
    buyable: bool
    og_image: str


def _columns(instance) -> tuple:
    if instance is None:
        return ()
    return tuple(getattr(instance, field.attname) for field in instance._meta.concrete_fields)


def _page_version(product) -> str:
    """A digest of everything the page shows, as read on this request (see the module's docstring)."""
    producer = product.ocop_producer
    commune = producer.commune if producer is not None else None
    versions = cache_versions(
        [
            _product_version_key(product.pk),
            product_reviews_version_key(product.pk),
            CATEGORIES_VERSION_KEY,
            CONTENT_VERSION_KEY,
        ]
    )
    return card_version(
        PAGE_TEMPLATE_VERSION, get_language(), timezone.localdate(),
        _columns(product), _columns(product.product_class), _columns(product.producer), _columns(producer),
        _columns(commune), _columns(commune.province if commune is not None else None),
        product.page_record, product.page_certificate, sorted(versions.items()),
    )  # fmt: skip


def _render(product, request) -> dict:
    """The page's shared parts, rendered from the product loaded whole (a few queries: only on a miss)."""
    prefetch_related_objects(
        [product], "images", Prefetch("stockrecords", queryset=StockRecord.objects.order_by("pk")), verified_certificates_prefetch()
    )
    # Only the product and the request (for the pricing strategy): nothing of the visitor goes into the cache.
    context = {"product": product, "request": request, "buy_slot": mark_safe(BUY_SLOT), "review_slot": mark_safe(REVIEW_SLOT)}
    top, rest = render_to_string(BODY_TEMPLATE, context).split(BUY_SLOT)
    middle, bottom = rest.split(REVIEW_SLOT)
    purchase = request.strategy.fetch_for_product(product)
    image = product.primary_image()  # Oscar's dict in place of a missing photo
    return {
        "breadcrumbs": render_to_string(BREADCRUMBS_TEMPLATE, context),
        "top": top,
        "middle": middle,
        "bottom": bottom,
        "buyable": purchase.availability.is_available_to_buy and purchase.price.exists,
        "og_image": "" if isinstance(image, dict) else image.original.url,
    }


def product_page(*, product, request) -> ProductPage:
    """The shared parts of `product`'s page (loaded with ocop_catalog.selectors.products_for_page): from the
    cache when nothing it shows has changed — two cache reads, no query — else rendered and kept."""
    key = f"catalogue:product-page:{product.pk}:{_page_version(product)}"
    parts = cache.get(key)
    if parts is None:
        parts = _render(product, request)
        cache.set(key, parts, PAGE_CACHE_SECONDS)
    return ProductPage(
        breadcrumbs=mark_safe(parts["breadcrumbs"]),
        top=mark_safe(parts["top"]),
        middle=mark_safe(parts["middle"]),
        bottom=mark_safe(parts["bottom"]),
        buyable=parts["buyable"],
        og_image=parts["og_image"],
    )


def connect() -> None:
    """Move the versions on when a product's photos (or their thumbnails) or categories, or the category tree, change."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    Category = get_model("catalogue", "Category")
    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    ProductImage = get_model("catalogue", "ProductImage")

    def photos_or_category_links(sender, instance, raw=False, **kwargs):
        if not raw:
            product_page_changed(product_id=instance.product_id)

    def category_links(sender, instance, action, reverse, pk_set, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            for product_id in (pk_set or ()) if reverse else (instance.pk,):
                product_page_changed(product_id=product_id)
            if reverse and action == "post_clear":  # a category emptied: which products is unknown here
                product_pages_changed()

    def categories(sender, raw=False, **kwargs):
        if not raw:
            product_pages_changed()

    def thumbnails_drawn(sender, product_id, **kwargs):  # the body kept placeholders while they were drawn
        product_page_changed(product_id=product_id)

    for model in (ProductImage, ProductCategory):
        post_save.connect(photos_or_category_links, sender=model, dispatch_uid=f"product_page_{model._meta.label}_saved", weak=False)
        post_delete.connect(photos_or_category_links, sender=model, dispatch_uid=f"product_page_{model._meta.label}_deleted", weak=False)
    m2m_changed.connect(category_links, sender=Product.categories.through, dispatch_uid="product_page_categories", weak=False)
    post_save.connect(categories, sender=Category, dispatch_uid="product_page_category_saved", weak=False)
    post_delete.connect(categories, sender=Category, dispatch_uid="product_page_category_deleted", weak=False)
    product_thumbnails_drawn.connect(thumbnails_drawn, dispatch_uid="product_page_thumbnails_drawn", weak=False)
