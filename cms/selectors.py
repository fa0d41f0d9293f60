"""Reads for content pages."""

from oscar.core.loading import get_model

from ocop_catalog.selectors import featured_products_fallback, products_for_display

Product = get_model("catalogue", "Product")


def home_featured_products(*, page, limit: int) -> list:
    """The products editors featured on `page` that are still sold, in their order; if none, the
    newest products with a valid 4★–5★ certificate."""
    chosen_ids = list(
        page.featured_products.order_by("sort_order").values_list("product_id", flat=True)[:limit]
    )
    if chosen_ids:
        by_id = {
            product.pk: product
            for product in products_for_display(Product.objects.browsable().filter(pk__in=chosen_ids))
        }
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id]
        if chosen:
            return chosen
    return featured_products_fallback(limit=limit)
