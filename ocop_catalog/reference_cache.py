"""Reference rows read on every order (Việt Nam as a country, a commune's names, a payment source type) kept
in the shared cache, so that placing an order does not ask the database for them each time (issue 16).

Only what is read or created in a transaction that commits is cached (the cache is written after the
commit): a row created by an order that is then rolled back is never remembered. The entries expire
after an hour, so a renamed commune shows its new name within the hour (and a minute: each process keeps what it
read for LOCAL_SECONDS, ocop_catalog.local_cache, so an order asks the shared cache for them no more either).
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from .local_cache import local_get, local_set

T = TypeVar("T")
TIMEOUT = 3600
LOCAL_SECONDS = 60


def reference_cached(key: str, load: Callable[[], T]) -> T:
    """The value cached under `key`, or `load()`'s, cached once the current transaction commits."""
    key = f"reference:v1:{key}"
    value = local_get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = load()
        if value is not None:
            transaction.on_commit(lambda: _keep(key, value))
    else:
        local_set(key, value, LOCAL_SECONDS)
    return value


def _keep(key: str, value) -> None:
    cache.set(key, value, TIMEOUT)
    local_set(key, value, LOCAL_SECONDS)
