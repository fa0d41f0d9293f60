"""The product search backend chosen by settings.SEARCH_BACKEND, falling back on the database.

If Elasticsearch cannot answer, the same query goes to the database backend and a warning is
logged: shoppers never see an error page because of search.
"""

import hashlib
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from ..query import ProductHit, ProductPage, ProductQuery
from .database import DatabaseSearchBackend

BACKENDS = ("database", "elasticsearch")


class FallbackSearchBackend:
    """Elasticsearch first; the database whenever Elasticsearch is down or erring."""

    name = "elasticsearch"

    def __init__(self):
        self.fallback = DatabaseSearchBackend()

    def _ask(self, method: str, *args, **kwargs):
        from ..elastic.client import UNAVAILABLE, es_available, es_mark_unavailable

        if es_available():
            from .elasticsearch import ElasticsearchSearchBackend

            try:
                return getattr(ElasticsearchSearchBackend(), method)(*args, **kwargs)
            except UNAVAILABLE as error:
                es_mark_unavailable(error)
        return getattr(self.fallback, method)(*args, **kwargs)

    def search(self, query: ProductQuery) -> ProductPage:
        return self._ask("search", query)

    def suggest(self, text: str, *, limit: int = 8) -> list[ProductHit]:
        return self._ask("suggest", text, limit=limit)


class CachedSearchBackend:
    """Answers a query asked again from the cache, until the index changes or SEARCH_CACHE_SECONDS pass.

    Every change to the search table moves the index generation on (search.services), which retires
    all cached answers at once.
    """

    def __init__(self, backend):
        self.backend = backend
        self.name = backend.name

    def search(self, query: ProductQuery) -> ProductPage:
        from django.utils import timezone

        from ..services import search_generation

        query = query if query.day else replace(query, day=timezone.localdate())
        digest = hashlib.sha256(repr(query).encode()).hexdigest()[:32]
        key = f"search:page:{search_generation()}:{settings.SEARCH_BACKEND}:{digest}"
        page = cache.get(key)
        if page is None:
            page = self.backend.search(query)
            if page.backend == self.backend.name:  # a fallback answer is not kept
                cache.set(key, page, settings.SEARCH_CACHE_SECONDS)
        return page

    def suggest(self, text: str, *, limit: int = 8) -> list[ProductHit]:
        return self.backend.suggest(text, limit=limit)


def get_backend():
    if settings.SEARCH_BACKEND == "database":
        backend = DatabaseSearchBackend()
    elif settings.SEARCH_BACKEND == "elasticsearch":
        if not settings.ELASTICSEARCH_URL:
            raise ImproperlyConfigured("SEARCH_BACKEND 'elasticsearch' needs ELASTICSEARCH_URL.")
        backend = FallbackSearchBackend()
    else:
        raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {settings.SEARCH_BACKEND!r}; use one of {BACKENDS}.")
    return CachedSearchBackend(backend) if settings.SEARCH_CACHE_SECONDS > 0 else backend
