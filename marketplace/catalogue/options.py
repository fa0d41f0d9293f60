"""Whether the shop has any product option at all, answered from the cache.

Oscar's add-to-basket form asks whether the product has options (Product.has_options), which the add view answered
with two EXISTS subqueries on every addition: compiling them cost more than the rest of the product's query
(issue 16). OCOP products are sold without options; while no Option exists, no product can have one, and the view
reads the product without the subqueries. Any save or delete of an option drops the cached answer here and after
the commit; each process keeps it for LOCAL_SECONDS (ocop_catalog.local_cache), so another process sees a new
option within those seconds, and the shared answer expires within TIMEOUT.
"""

from django.core.cache import cache
from django.db import transaction
from oscar.core.loading import get_model

from ocop_catalog.local_cache import forget, locally_cached

KEY = "catalogue:options-possible:v1"
TIMEOUT = 60
LOCAL_SECONDS = 3


def options_possible() -> bool:
    """True while any product option exists: then a product's options are looked up as Oscar does."""
    return locally_cached(KEY, LOCAL_SECONDS, _options_possible_shared)


def _options_possible_shared() -> bool:
    answer = cache.get(KEY)
    if answer is None:
        answer = get_model("catalogue", "Option").objects.exists()
        cache.set(KEY, answer, TIMEOUT)
    return answer


def options_changed(**kwargs) -> None:
    """Receiver of options' saves and deletes: forget the answer now and again after the commit."""
    _forget()
    transaction.on_commit(_forget)


def _forget() -> None:
    cache.delete(KEY)
    forget([KEY])
