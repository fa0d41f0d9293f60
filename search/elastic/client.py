"""The Elasticsearch client, and a short memory of an unreachable server.

After a failure the storefront does not ask again for SEARCH_ES_RETRY_SECONDS: shoppers get the
database backend at once instead of each waiting for a timeout.
"""

import functools
import logging
import time

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch

logger = logging.getLogger("search")
# What "Elasticsearch cannot answer" looks like: unreachable, timed out, or an error reply.
UNAVAILABLE = (TransportError, ApiError)
_down_until = 0.0


@functools.lru_cache(maxsize=4)
def _client(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def es_client() -> Elasticsearch:
    return _client(settings.ELASTICSEARCH_URL, settings.SEARCH_ES_TIMEOUT)


def es_index_name() -> str:
    """The alias every read and incremental write goes through."""
    return settings.SEARCH_INDEX_NAME


def es_available() -> bool:
    """False for a while after Elasticsearch failed to answer."""
    return bool(settings.ELASTICSEARCH_URL) and time.monotonic() >= _down_until


def es_mark_unavailable(error: Exception) -> None:
    global _down_until
    _down_until = time.monotonic() + settings.SEARCH_ES_RETRY_SECONDS
    logger.warning("Elasticsearch unavailable (%s); searching the database for %ss.", error, settings.SEARCH_ES_RETRY_SECONDS)


def es_mark_available() -> None:
    global _down_until
    _down_until = 0.0
