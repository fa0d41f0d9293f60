"""The database backend's search table: one row per product on sale, folded for matching.

Rows are derived data (search.documents builds them from the catalogue) and are kept current by
signals → Celery tasks; `manage.py search_reindex` rebuilds them all.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductSearchDocument(models.Model):
    """A product on sale as search sees it: words exact and folded, facets and sort keys, card data.

    Only browsable products of unsuspended sellers have a row. Stars are those of the current
    certificate with its dates: whether they count is decided by the query, on the day it runs.
    On PostgreSQL a generated column `search_vector` (full text, unaccented) is added by migration.
    """

    product = models.OneToOneField(
        "catalogue.Product", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    # What a result shows.
    title = models.CharField(_("Title"), max_length=255)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    image = models.CharField(max_length=255, blank=True)  # storage name of the primary image
    seller_slug = models.CharField(max_length=128, blank=True)
    seller_name = models.CharField(max_length=128, blank=True)
    province_name = models.CharField(max_length=100, blank=True)
    commune_name = models.CharField(max_length=100, blank=True)
    # Words, padded by spaces: exact (lower-case NFC) and folded, the title and everything (title,
    # description, producer, commune, province). search_folded stays empty on PostgreSQL.
    title_text = models.TextField()
    title_folded = models.TextField()
    search_text = models.TextField()
    search_folded = models.TextField()
    category_paths = models.TextField(blank=True)  # every category path and its ancestors, space-separated
    # Facets, filters and sort keys.
    province_code = models.CharField(max_length=2, blank=True, db_index=True)
    commune_code = models.CharField(max_length=5, blank=True, db_index=True)
    group_slug = models.CharField(max_length=32, blank=True)  # indexed by search_doc_group_facets
    stars = models.PositiveSmallIntegerField(null=True)
    certificate_valid_from = models.DateField(null=True)
    certificate_valid_until = models.DateField(null=True)
    price = models.DecimalField(max_digits=14, decimal_places=0, null=True, db_index=True)  # whole đồng
    in_stock = models.BooleanField(default=False)
    sales_band = models.PositiveSmallIntegerField(default=0)  # search.ranking.sales_band of the units sold
    created = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Product search document")
        verbose_name_plural = _("Product search documents")
        indexes = [
            models.Index(fields=["-created", "-product"], name="search_doc_newest"),
            models.Index(fields=["stars", "certificate_valid_until"], name="search_doc_stars"),
            # Facet counts read these columns only: an index-only scan on PostgreSQL.
            models.Index(
                fields=["province_code", "group_slug", "stars", "certificate_valid_from",
                        "certificate_valid_until", "commune_code", "price", "in_stock"],
                name="search_doc_facets",
            ),  # fmt: skip
            # The same for counts that do not fix the province (a group's provinces, say).
            models.Index(
                fields=["group_slug", "stars", "certificate_valid_from", "certificate_valid_until", "province_code", "price", "in_stock"],
                name="search_doc_group_facets",
            ),
        ]

    def __str__(self):
        return self.title

    def stars_on(self, day: datetime.date) -> int | None:
        return stars_valid_on(
            stars=self.stars, valid_from=self.certificate_valid_from, valid_until=self.certificate_valid_until, day=day
        )


def stars_valid_on(*, stars, valid_from, valid_until, day: datetime.date) -> int | None:
    """The stars to show on `day`: only within the certificate's dates."""
    if stars is None or valid_from is None or valid_until is None:
        return None
    return stars if valid_from <= day <= valid_until else None
