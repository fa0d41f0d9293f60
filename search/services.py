"""State changes of search: the search table and the Elasticsearch index follow the catalogue."""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from ocop_catalog.cache_versions import cache_version, cache_version_advance

from .documents import documents_for, group_roots
from .models import ProductSearchDocument

logger = logging.getLogger("search")
BATCH_SIZE = 500
UPDATE_FIELDS = [
    field.name for field in ProductSearchDocument._meta.concrete_fields if not field.primary_key
]


GENERATION_KEY = "search:generation"


def search_generation() -> int:
    """The index generation: cached search answers are kept under it (search.backends)."""
    return cache_version(GENERATION_KEY)


def search_generation_advance() -> None:
    """Retire every cached search answer: now (this transaction's own reads) and after commit."""
    cache_version_advance(GENERATION_KEY)


def search_products_changed(*, product_ids: Iterable[int]) -> None:
    """Reindex products whose rows were changed by a queryset update, which sends no signal (the checkout's
    stock allocation): at once with eager Celery, after the commit with a worker."""
    from .signals import products_changed

    products_changed(set(product_ids))


def elasticsearch_enabled() -> bool:
    return settings.SEARCH_BACKEND == "elasticsearch" and bool(settings.ELASTICSEARCH_URL)


def _batches(ids: list[int], size: int):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# What a row says: a row whose values are all equal is left alone (`indexed_at` is only when it was written).
COMPARED_FIELDS = [name for name in UPDATE_FIELDS if name != "indexed_at"]


def _row_values(document: ProductSearchDocument) -> tuple:
    return tuple(getattr(document, name) for name in COMPARED_FIELDS)


@transaction.atomic
def search_documents_update(*, product_ids: Iterable[int]) -> int:
    """Bring the search-table rows of these products up to date; products no longer on sale lose theirs.

    Only rows that differ are written; the search generation moves on (retiring cached answers) only
    when a row was inserted, changed or deleted. Idempotent; returns how many of them have a row.
    """
    product_ids = sorted(set(product_ids))
    roots = group_roots()
    kept_total = changed_total = 0
    for batch in _batches(product_ids, BATCH_SIZE):
        documents = documents_for(batch, roots=roots)
        current = {
            row[0]: row[1:]
            for row in ProductSearchDocument.objects.filter(product_id__in=batch).values_list("product_id", *COMPARED_FIELDS)
        }
        changed = [document for document in documents if current.get(document.product_id) != _row_values(document)]
        if changed:
            ProductSearchDocument.objects.bulk_create(
                changed, update_conflicts=True, unique_fields=["product"], update_fields=UPDATE_FIELDS
            )
        kept = {document.product_id for document in documents}
        # Every row of the batch not kept, not only those read above: another writer may have added one since.
        deleted, _ = ProductSearchDocument.objects.filter(product_id__in=batch).exclude(product_id__in=kept).delete()
        kept_total += len(documents)
        changed_total += len(changed) + deleted
    if changed_total:
        search_generation_advance()
    return kept_total


@dataclass(frozen=True)
class RebuildResult:
    products: int
    documents: int


@transaction.atomic
def search_documents_rebuild(*, progress: Callable[[int, int], None] | None = None, batch_size: int = BATCH_SIZE) -> RebuildResult:
    """Rebuild the whole search table from the catalogue in one transaction (readers see the old rows
    until it commits). Idempotent."""
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    product_ids = list(Product.objects.filter(parent=None).order_by("pk").values_list("pk", flat=True))
    ProductSearchDocument.objects.all().delete()
    roots = group_roots()
    documents_written = 0
    for done, batch in enumerate(_batches(product_ids, batch_size), start=1):
        documents = documents_for(batch, roots=roots)
        ProductSearchDocument.objects.bulk_create(documents)
        documents_written += len(documents)
        if progress:
            progress(min(done * batch_size, len(product_ids)), len(product_ids))
    search_generation_advance()
    return RebuildResult(products=len(product_ids), documents=documents_written)


def search_index_update(*, product_ids: Iterable[int]) -> int:
    """The search table, then (through its own task) Elasticsearch, for these products."""
    product_ids = sorted(set(product_ids))
    written = search_documents_update(product_ids=product_ids)
    if elasticsearch_enabled() and product_ids:
        from .tasks import sync_elasticsearch

        transaction.on_commit(lambda: sync_elasticsearch.delay(product_ids))
    return written
