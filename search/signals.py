"""Catalogue changes that reach search: each schedules search.tasks with ids.

With CELERY_TASK_ALWAYS_EAGER (the embedded default) the search table is updated at once, inside the
same transaction, as a trigger would; with a worker, the task is queued once the change is committed.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate

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


def _run(task, *args) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        task.apply(args=args, throw=True)
    else:
        transaction.on_commit(lambda: task.delay(*args))


def _product_changed(sender, instance, raw=False, **kwargs):
    from .tasks import index_products

    if raw:  # loading fixtures: `search_reindex` afterwards
        return
    product_id = instance.pk if sender is Product else instance.product_id
    if sender is Product:
        _being_deleted().discard(product_id)
    elif product_id in _being_deleted():
        return
    _run(index_products, [product_id])


def _product_deleting(sender, instance, **kwargs):
    _being_deleted().add(instance.pk)


def _product_categories_changed(sender, instance, action, pk_set, reverse, **kwargs):
    from .tasks import index_products

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _run(index_products, [instance.pk])
    elif pk_set:
        _run(index_products, sorted(pk_set))


def _producer_changed(sender, instance, created=False, **kwargs):
    from .tasks import index_producer_products

    if not created:
        _run(index_producer_products, instance.pk)


def _seller_changed(sender, instance, created=False, **kwargs):
    from .tasks import index_producer_products

    if not created:
        # Suspension sets the partner's flag with a queryset update (no signal): follow the seller.
        _run(index_producer_products, instance.partner_id)


def _category_changed(sender, instance, created=False, **kwargs):
    from .tasks import index_category_products

    if not created:
        _run(index_category_products, instance.pk)


def connect() -> None:
    for model in (Product, StockRecord, OcopCertificate, ProductCategory, ProductImage):
        post_save.connect(_product_changed, sender=model, dispatch_uid=f"search_index_{model._meta.label}_saved")
        post_delete.connect(_product_changed, sender=model, dispatch_uid=f"search_index_{model._meta.label}_deleted")
    pre_delete.connect(_product_deleting, sender=Product, dispatch_uid="search_index_product_deleting")
    m2m_changed.connect(_product_categories_changed, sender=Product.categories.through, dispatch_uid="search_index_categories")
    post_save.connect(_producer_changed, sender=Partner, dispatch_uid="search_index_partner")
    post_save.connect(_seller_changed, sender="sellers.Seller", dispatch_uid="search_index_seller")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search_index_category")
