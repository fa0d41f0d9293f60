"""Product search in Elasticsearch, chosen when ELASTICSEARCH_URL is set."""

from django.utils import timezone

from ..elastic.client import es_client, es_index_name
from ..elastic.queries import did_you_mean, hit_from_source, page_from_response, product_search, suggest_search
from ..query import ProductHit, ProductPage, ProductQuery


class ElasticsearchSearchBackend:
    """Answers the search contract from the product index (through its alias).

    Raises the client's errors; search.backends.get_backend() wraps it to fall back on the database.
    """

    name = "elasticsearch"

    def __init__(self, *, client=None, index: str | None = None):
        self.client = client or es_client()
        self.index = index or es_index_name()

    def search(self, query: ProductQuery) -> ProductPage:
        day = query.day or timezone.localdate()
        page = self._page(query, day)
        if query.text.strip() and not page.count:
            # Nothing matched the words typed: the words within AUTO edits, flagged, with the corrections.
            page, raw = self._page(query, day, fuzzy=True), self._raw
            page.approximate, page.did_you_mean = bool(page.count), did_you_mean(raw, query.text)
        return page

    def _page(self, query: ProductQuery, day, *, fuzzy: bool = False) -> ProductPage:
        request = product_search(query, index=self.index, day=day, fuzzy=fuzzy)
        raw = self.client.search(index=self.index, body=request.to_dict())
        self._raw = raw.body if hasattr(raw, "body") else raw
        return page_from_response(self._raw, query, day=day)

    def suggest(self, text: str, *, limit: int = 8) -> list[ProductHit]:
        if not text.strip():
            return []
        request = suggest_search(text, index=self.index, limit=limit)
        raw = self.client.search(index=self.index, body=request.to_dict())
        raw = raw.body if hasattr(raw, "body") else raw
        day = timezone.localdate()
        return [hit_from_source(hit["_source"], day) for hit in raw["hits"]["hits"]]
