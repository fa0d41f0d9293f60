"""Keeping the Elasticsearch index current: documents from the search table, in bulk.

Incremental writes go through the alias with `require_alias`, so a missing index is an error to
fix with `search_reindex`, never an index made up with guessed mappings.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

from django.utils import timezone
from elasticsearch import NotFoundError, helpers
from oscar.core.loading import get_model

from ..documents import plain_description
from ..models import ProductSearchDocument
from .client import es_client, es_index_name
from .mapping import index_body

Product = get_model("catalogue", "Product")


def batched(items: Iterable, size: int):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def es_source(document: ProductSearchDocument, *, description: str = "") -> dict:
    """The Elasticsearch source of one search-table row (and its product's plain description)."""

    def day(value):
        return value.isoformat() if value else None

    return {
        "id": document.product_id,
        "title": document.title,
        "title_suggest": document.title,
        "description": description,
        "producer": document.seller_name,
        "commune": document.commune_name,
        "province": document.province_name,
        "all_text": document.search_text.strip(),
        "stars": document.stars,
        "certificate_valid_from": day(document.certificate_valid_from),
        "certificate_valid_until": day(document.certificate_valid_until),
        "province_code": document.province_code or None,
        "commune_code": document.commune_code or None,
        "group_slug": document.group_slug or None,
        "category_paths": document.category_paths.split(),
        "seller_slug": document.seller_slug or None,
        "price": None if document.price is None else int(document.price),
        "in_stock": document.in_stock,
        "has_image": bool(document.image),
        "sales_band": document.sales_band,
        "created": document.created.isoformat(),
        "slug": document.slug,
        "image": document.image or None,
    }


def _descriptions(product_ids) -> dict[int, str]:
    return {pk: plain_description(html) for pk, html in Product.objects.filter(pk__in=product_ids).values_list("pk", "description")}


def _actions(documents: Iterable[ProductSearchDocument], *, index: str | None = None, chunk_size: int = 500):
    """Index actions, a chunk at a time (descriptions are read per chunk: bounded memory)."""
    for chunk in batched(documents, chunk_size):
        descriptions = _descriptions([document.product_id for document in chunk])
        for document in chunk:
            action = {"_id": document.product_id, "_source": es_source(document, description=descriptions.get(document.product_id, ""))}
            if index:
                action["_index"] = index
            yield action


def es_products_sync(*, product_ids: Iterable[int], client=None) -> tuple[int, int]:
    """Make the index agree with the search table for these products: (indexed, deleted).

    Safe to run twice. Raises the client's errors (the task retries them).
    """
    client = client or es_client()
    product_ids = sorted(set(product_ids))
    documents = list(ProductSearchDocument.objects.filter(product_id__in=product_ids))
    present = {document.product_id for document in documents}
    operations = []
    for action in _actions(documents):
        operations += [{"index": {"_id": action["_id"]}}, action["_source"]]
    gone = [pk for pk in product_ids if pk not in present]
    operations += [{"delete": {"_id": pk}} for pk in gone]
    if not operations:
        return 0, 0
    answer = client.bulk(index=es_index_name(), operations=operations, require_alias=True)
    if answer.get("errors"):
        failures = [
            item for entry in answer["items"] for kind, item in entry.items()
            if item.get("status", 200) >= 300 and not (kind == "delete" and item.get("status") == 404)
        ]  # fmt: skip
        if failures:
            raise RuntimeError(f"Elasticsearch refused {len(failures)} documents: {failures[0]}")
    return len(documents), len(gone)


def es_has_icu(client) -> bool:
    """Whether the cluster has the analysis-icu plugin."""
    plugins = client.cat.plugins(format="json")
    return any(plugin.get("component") == "analysis-icu" for plugin in plugins)


@dataclass(frozen=True)
class RebuildResult:
    index: str
    documents: int
    icu: bool
    removed_indices: tuple[str, ...]


def es_index_rebuild(*, progress: Callable[[int, int], None] | None = None, client=None, chunk_size: int = 1000) -> RebuildResult:
    """Index the whole search table into a new index, then point the alias at it in one step.

    Search reads the old index until the swap, so it never goes empty; the old index is then deleted.
    Streams the table (bounded memory).
    """
    client = client or es_client()
    alias = es_index_name()
    icu = es_has_icu(client)
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    body = index_body(icu=icu)
    client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
    client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
    total = ProductSearchDocument.objects.count()
    done = 0
    rows = ProductSearchDocument.objects.order_by("pk").iterator(chunk_size=chunk_size)
    for _ok, _item in helpers.streaming_bulk(client, _actions(rows, index=name), chunk_size=500, max_retries=3):
        done += 1
        if progress and (done % 500 == 0 or done == total):
            progress(done, total)
    client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
    client.indices.refresh(index=name)
    try:
        previous = tuple(client.indices.get_alias(name=alias).body)
    except NotFoundError:
        previous = ()
    if not previous and client.indices.exists(index=alias):
        client.indices.delete(index=alias)  # a concrete index squatting on the alias name
    actions = [{"remove": {"index": old, "alias": alias}} for old in previous]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for old in previous:
        client.indices.delete(index=old, ignore_unavailable=True)
    return RebuildResult(index=name, documents=done, icu=icu, removed_indices=previous)
