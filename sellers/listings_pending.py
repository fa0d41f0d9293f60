"""A checked listings CSV waiting for its seller's confirmation: a file in private storage, never in the session.

The file is named by a random token under the seller's own folder (`listing-imports/<seller id>/<token>.csv`),
so a token is only ever looked for among the files of the seller who asks: another seller's token finds
nothing. Files are deleted on confirm or cancel, and those left behind are purged after
LISTING_IMPORT_PENDING_SECONDS (`purge_pending_listing_imports`, run by beat).
"""

import datetime
import json
import re
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from .models import Seller, private_storage

FOLDER = "listing-imports"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def _name(*, seller: Seller, token: str, suffix: str = ".csv") -> str | None:
    # The token comes back from a session: only our own shape, so it can never walk out of the folder.
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return f"{FOLDER}/{seller.pk}/{token}{suffix}"


def pending_import_store(*, seller: Seller, content: bytes, stock_reads: dict[str, int]) -> str:
    """Keep a checked file for `seller`, with the stock levels its check read; returns the token naming it."""
    token = secrets.token_urlsafe(24)  # 32 characters
    private_storage.save(_name(seller=seller, token=token, suffix=".json"), ContentFile(json.dumps(stock_reads)))
    private_storage.save(_name(seller=seller, token=token), ContentFile(content))
    return token


def pending_import_stock_reads(*, seller: Seller, token: str) -> dict[str, int]:
    """The stock levels, by SKU, that the check of `seller`'s waiting file `token` showed."""
    name = _name(seller=seller, token=token, suffix=".json")
    if name is None or not private_storage.exists(name):
        return {}
    with private_storage.open(name, "rb") as handle:
        reads = json.load(handle)
    return {str(sku): int(stock) for sku, stock in reads.items()} if isinstance(reads, dict) else {}


def pending_import_read(*, seller: Seller, token: str) -> bytes | None:
    """The bytes of `seller`'s waiting file `token`; None when it is gone, expired or not this seller's."""
    name = _name(seller=seller, token=token)
    if name is None or not private_storage.exists(name):
        return None
    if timezone.now() - private_storage.get_modified_time(name) > _max_age():
        pending_import_delete(seller=seller, token=token)
        return None
    with private_storage.open(name, "rb") as handle:
        return handle.read()


def pending_import_delete(*, seller: Seller, token: str) -> None:
    """Delete `seller`'s waiting file `token`, if it is still there."""
    for suffix in (".csv", ".json"):
        name = _name(seller=seller, token=token, suffix=suffix)
        if name is not None:
            private_storage.delete(name)


def pending_imports_purge() -> int:
    """Delete the waiting files older than LISTING_IMPORT_PENDING_SECONDS; returns how many imports that
    was. Safe to run twice."""
    if not private_storage.exists(FOLDER):
        return 0
    cutoff, purged = timezone.now() - _max_age(), 0
    for folder in private_storage.listdir(FOLDER)[0]:
        for filename in private_storage.listdir(f"{FOLDER}/{folder}")[1]:
            name = f"{FOLDER}/{folder}/{filename}"
            try:
                stale = private_storage.get_modified_time(name) < cutoff
            except FileNotFoundError:  # confirmed or purged meanwhile
                continue
            if stale:
                private_storage.delete(name)
                purged += filename.endswith(".csv")  # a waiting import is its .csv (and its .json)
    return purged


def _max_age() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.LISTING_IMPORT_PENDING_SECONDS)
