"""Catalogue changes that retire the map's cached answers (programme.map_selectors): a product, its categories, a
certificate, an OCOP producer, a seller (suspension), a commune (pilot flags, coordinates) or a category saved or
deleted moves the map's version on. Inside a bulk change (ocop_catalog.bulk: a CSV import) it moves once, at the end.
Stock is not listened to: the map shows what is on sale, sold out or not."""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from ocop_catalog.bulk import bulk_change_finished, catalogue_bulk_change_active
from ocop_catalog.models import Commune, OcopCertificate, Producer

from .map_selectors import map_version_advance

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

_bulk = threading.local()


def _changed(sender, raw=False, **kwargs):
    if raw:
        return
    if catalogue_bulk_change_active():
        _bulk.pending = True
        return
    map_version_advance()


def _categories_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _changed(sender)


def _bulk_change_finished(sender, succeeded, **kwargs):
    pending, _bulk.pending = getattr(_bulk, "pending", False), False
    if pending and succeeded:
        map_version_advance()


def connect() -> None:
    for model in (Product, ProductCategory, OcopCertificate, Producer, Partner, Commune, Category):
        label = model._meta.label
        post_save.connect(_changed, sender=model, dispatch_uid=f"programme_map_{label}_saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"programme_map_{label}_deleted")
    m2m_changed.connect(_categories_changed, sender=Product.categories.through, dispatch_uid="programme_map_categories")
    bulk_change_finished.connect(_bulk_change_finished, dispatch_uid="programme_map_bulk_change")
