"""Celery tasks of search: thin wrappers around search.services, taking ids, safe to run twice.

Database hiccups (locks, lost connections) are retried with backoff; Elasticsearch outages too.
"""

import logging

from celery import shared_task
from django.db import OperationalError

from . import selectors, services

logger = logging.getLogger("search")


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def index_products(product_ids: list[int]) -> int:
    """Bring the search table (and Elasticsearch) up to date for these products."""
    return services.search_index_update(product_ids=product_ids)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def index_producer_products(partner_id: int) -> int:
    """After a producer's name, commune or suspension changed: all its products."""
    return services.search_index_update(product_ids=selectors.product_ids_of_producer(partner_id=partner_id))


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def index_ocop_producer_products(producer_id: int) -> int:
    """After an OCOP producer's (chủ thể) name or commune changed: the products it makes."""
    return services.search_index_update(product_ids=selectors.product_ids_of_ocop_producer(producer_id=producer_id))


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def index_category_products(category_id: int) -> int:
    """After a category moved or was renamed: the products in it and below."""
    return services.search_index_update(product_ids=selectors.product_ids_in_category(category_id=category_id))


@shared_task(bind=True, acks_late=True, max_retries=8)
def sync_elasticsearch(self, product_ids: list[int]):
    """Copy these products' search-table rows to Elasticsearch; retried with backoff while it is down."""
    from .elastic.client import UNAVAILABLE
    from .elastic.indexing import es_products_sync

    try:
        return es_products_sync(product_ids=product_ids)
    except UNAVAILABLE as error:
        if self.request.is_eager:
            # No worker to retry later: the shopper's change is saved; `search_reindex` catches up.
            logger.warning("Elasticsearch not updated for products %s: %s", product_ids, error)
            return None
        raise self.retry(exc=error, countdown=min(600, 5 * 2**self.request.retries)) from error
