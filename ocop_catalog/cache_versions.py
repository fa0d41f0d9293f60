"""Version counters kept in the cache: what is cached under a version is retired at once by moving it on.

Used by search (its index generation) and cms (the version of published content). A counter missing
from the cache (never set, or evicted) starts again from the clock, so it never goes back to a number
under which stale entries could still be found.
"""

import time

from django.core.cache import cache
from django.db import transaction


def cache_version(key: str) -> int:
    """The current version held under `key`."""
    version = cache.get(key)
    if version is None:
        cache.add(key, int(time.time() * 1000), None)
        version = cache.get(key, 0)
    return version


def cache_versions(keys) -> dict[str, int]:
    """The current versions held under `keys`, read in one round trip (a missing one starts from the clock)."""
    keys = list(keys)
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            found[key] = cache_version(key)
    return found


def cache_version_advance(key: str) -> None:
    """Move the version on now (the current transaction's own reads) and again after commit (a reader
    that cached what it read before the commit cannot keep it)."""

    def advance():
        try:
            cache.incr(key)
        except ValueError:  # evicted: a new version from the clock
            cache.set(key, int(time.time() * 1000), None)

    advance()
    transaction.on_commit(advance)
