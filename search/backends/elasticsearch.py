"""Product search in Elasticsearch, chosen when ELASTICSEARCH_URL is set."""

from django.utils import timezone

from ..elastic.client import es_client, es_index_name
from ..elastic.queries import hit_from_source, page_from_response, product_search, suggest_search
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
        request = product_search(query, index=self.index, day=day)
        raw = self.client.search(index=self.index, body=request.to_dict())
        return page_from_response(raw.body if hasattr(raw, "body") else raw, query, day=day)

    def suggest(self, text: str, *, limit: int = 8) -> list[ProductHit]:
        if not text.strip():
            return []
        request = suggest_search(text, index=self.index, limit=limit)
        raw = self.client.search(index=self.index, body=request.to_dict())
        raw = raw.body if hasattr(raw, "body") else raw
        day = timezone.localdate()
        return [hit_from_source(hit["_source"], day) for hit in raw["hits"]["hits"]]
