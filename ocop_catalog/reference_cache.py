"""Reference rows read on every order (Việt Nam as a country, a commune's names, a payment source type) kept
in the shared cache, so that placing an order does not ask the database for them each time (issue 16).

Only what is read or created in a transaction that commits is cached (the cache is written after the
commit): a row created by an order that is then rolled back is never remembered. The entries expire
after an hour, so a renamed commune shows its new name within the hour.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
TIMEOUT = 3600


def reference_cached(key: str, load: Callable[[], T]) -> T:
    """The value cached under `key`, or `load()`'s, cached once the current transaction commits."""
    key = f"reference:v1:{key}"
    value = cache.get(key)
    if value is None:
        value = load()
        if value is not None:
            transaction.on_commit(lambda: cache.set(key, value, TIMEOUT))
    return value
