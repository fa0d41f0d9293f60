"""Catalogue changes that reach search: each schedules search.tasks with ids.

With CELERY_TASK_ALWAYS_EAGER (the embedded default) the search table is updated at once, inside the
same transaction, as a trigger would; with a worker, the task is queued once the change is committed.
Inside a bulk change (ocop_catalog.bulk: a CSV import) the products changed are collected and each is
indexed once as the change ends, in tasks of TASK_BATCH_SIZE products; nothing if it failed.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.core.loading import get_model

from ocop_catalog.bulk import bulk_change_finished, catalogue_bulk_change_active
from ocop_catalog.models import OcopCertificate, Producer

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


# Products being deleted: their rows' own deletions must not index them again mid-cascade.
_deleting = threading.local()


def _being_deleted() -> set:
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids


# Products per index_products task when a bulk change ends.
TASK_BATCH_SIZE = 500
# Products changed in the current bulk change (per thread, as the change is).
_bulk = threading.local()


def _bulk_product_ids() -> set:
    if not hasattr(_bulk, "ids"):
        _bulk.ids = set()
    return _bulk.ids


def _run(task, *args) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        task.apply(args=args, throw=True)
    else:
        transaction.on_commit(lambda: task.delay(*args))


def _index(product_ids) -> None:
    from .tasks import index_products

    if catalogue_bulk_change_active():
        _bulk_product_ids().update(product_ids)
    else:
        _run(index_products, sorted(product_ids))


def products_changed(product_ids) -> None:
    """Products changed by a queryset update (no post_save was sent): indexed as a save of theirs would be."""
    if product_ids:
        _index(product_ids)


def _bulk_change_finished(sender, succeeded, **kwargs):
    from .tasks import index_products

    product_ids = sorted(_bulk_product_ids())
    _bulk_product_ids().clear()
    if not succeeded:  # its transaction is rolled back: there is nothing to index
        return
    for start in range(0, len(product_ids), TASK_BATCH_SIZE):
        _run(index_products, product_ids[start : start + TASK_BATCH_SIZE])


def _product_changed(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: `search_reindex` afterwards
        return
    product_id = instance.pk if sender is Product else instance.product_id
    if sender is Product:
        _being_deleted().discard(product_id)
    elif product_id in _being_deleted():
        return
    _index([product_id])


def _product_deleting(sender, instance, **kwargs):
    _being_deleted().add(instance.pk)


def _product_deleted(sender, instance, **kwargs):
    from .services import search_generation_advance

    _product_changed(sender, instance, **kwargs)  # its row went by cascade; Elasticsearch follows
    search_generation_advance()  # cached answers may still list it


def _product_categories_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _index([instance.pk])
    elif pk_set:
        _index(pk_set)


def _producer_changed(sender, instance, created=False, **kwargs):
    from .tasks import index_producer_products

    if not created:  # its name, commune or suspension (saved by sellers.services) are on its products' documents
        _run(index_producer_products, instance.pk)


def _ocop_producer_changed(sender, instance, created=False, raw=False, **kwargs):
    from .tasks import index_ocop_producer_products

    if not (created or raw):  # its name and commune are its products' place in search
        _run(index_ocop_producer_products, instance.pk)


def _category_changed(sender, instance, created=False, **kwargs):
    from .tasks import index_category_products

    if not created:
        _run(index_category_products, instance.pk)


def connect() -> None:
    for model in (Product, StockRecord, OcopCertificate, ProductCategory, ProductImage):
        post_save.connect(_product_changed, sender=model, dispatch_uid=f"search_index_{model._meta.label}_saved")
        on_delete = _product_deleted if model is Product else _product_changed
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"search_index_{model._meta.label}_deleted")
    pre_delete.connect(_product_deleting, sender=Product, dispatch_uid="search_index_product_deleting")
    m2m_changed.connect(_product_categories_changed, sender=Product.categories.through, dispatch_uid="search_index_categories")
    post_save.connect(_producer_changed, sender=Partner, dispatch_uid="search_index_partner")
    post_save.connect(_ocop_producer_changed, sender=Producer, dispatch_uid="search_index_ocop_producer")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search_index_category")
    bulk_change_finished.connect(_bulk_change_finished, dispatch_uid="search_index_bulk_change")
