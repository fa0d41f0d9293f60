"""The version of published content: what the home page keeps cached (its news and training lists) is kept
under it, and any publish, unpublish, move, deletion or view restriction (cms.signals) moves it on."""

import time

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "cms:content-version"


def content_version() -> int:
    """The current version of the published page tree."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, int(time.time() * 1000), None)
        version = cache.get(CONTENT_VERSION_KEY, 0)
    return version


def content_version_advance() -> None:
    """Retire everything cached under the content version: now (this transaction's own requests) and
    again after commit (a request that read the old tree meanwhile cannot keep it)."""

    def advance():
        try:
            cache.incr(CONTENT_VERSION_KEY)
        except ValueError:  # evicted: a new version from the clock
            cache.set(CONTENT_VERSION_KEY, int(time.time() * 1000), None)

    advance()
    transaction.on_commit(advance)
