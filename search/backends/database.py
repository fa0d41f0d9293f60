"""Product search in the database: the embedded default (SQLite or PostgreSQL)."""

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog import selectors as ocop_selectors

from ..query import (
    SORT_NEWEST,
    SORT_PRICE,
    SORT_PRICE_DESC,
    SORT_RELEVANCE,
    SORT_STARS_DESC,
    ProductPage,
    ProductQuery,
)

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


class DatabaseSearchBackend:
    """Filters and sorts with the ORM; the same contract the Elasticsearch backend answers."""

    def search(self, query: ProductQuery) -> ProductPage:
        matching = self.matching(query)
        count = matching.count()
        start = (query.page - 1) * query.page_size
        page_ids = list(matching.values_list("pk", flat=True)[start : start + query.page_size])
        by_id = {product.pk: product for product in ocop_selectors.products_for_display(
            Product.objects.filter(pk__in=page_ids)
        )}
        products = [by_id[pk] for pk in page_ids if pk in by_id]
        return ProductPage(products=products, count=count, page=query.page, page_size=query.page_size)

    def matching(self, query: ProductQuery):
        """The ordered queryset of products matching `query` (ids and sort keys only)."""
        today = timezone.localdate()
        products = Product.objects.browsable().annotate(
            valid_stars=ocop_selectors.valid_stars_subquery(day=today),
            price=ocop_selectors.price_subquery(),
        )
        if query.text:
            for word in query.text.split():
                products = products.filter(Q(title__icontains=word) | Q(description__icontains=word))
        if query.stars_min:
            products = products.filter(valid_stars__gte=query.stars_min)
        if query.province:
            products = products.filter(producer__commune__province_id=query.province)
        if query.commune:
            products = products.filter(producer__commune_id=query.commune)
        if query.group:
            products = products.filter(ocop_selectors.in_group_filter(group_slug=query.group))
        if query.category_path:
            products = products.filter(
                Exists(
                    ProductCategory.objects.filter(
                        product=OuterRef("pk"), category__path__startswith=query.category_path
                    )
                )
            )
        if query.price_min is not None:
            products = products.filter(price__gte=query.price_min)
        if query.price_max is not None:
            products = products.filter(price__lte=query.price_max)
        if query.in_stock:
            in_stock = StockRecord.objects.filter(product=OuterRef("pk"), num_in_stock__gt=0).filter(
                Q(num_allocated__isnull=True) | Q(num_in_stock__gt=F("num_allocated"))
            )
            products = products.filter(Exists(in_stock))
        return products.order_by(*self._ordering(query.sort))

    @staticmethod
    def _ordering(sort: str) -> list:
        newest = [F("date_created").desc(), F("pk").desc()]
        if sort == SORT_PRICE:
            return [F("price").asc(nulls_last=True), *newest]
        if sort == SORT_PRICE_DESC:
            return [F("price").desc(nulls_last=True), *newest]
        if sort == SORT_STARS_DESC:
            return [F("valid_stars").desc(nulls_last=True), *newest]
        if sort in (SORT_NEWEST, SORT_RELEVANCE):
            return newest
        raise ValueError(f"Unknown sort: {sort!r}")
