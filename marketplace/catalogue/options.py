"""Whether the shop has any product option at all, answered from the cache.

Oscar's add-to-basket form asks whether the product has options (Product.has_options), which the add view answered
with two EXISTS subqueries on every addition: compiling them cost more than the rest of the product's query
(issue 16). OCOP products are sold without options; while no Option exists, no product can have one, and the view
reads the product without the subqueries. Any save or delete of an option drops the cached answer here and after
the commit; each process keeps it for 3 seconds (ocop_catalog.local_cache), so another process sees a new
option within those seconds, and the shared answer expires within a minute.
"""

from oscar.core.loading import get_model

from ocop_catalog.local_cache import CachedAnswer


def _any_option() -> bool:
    return get_model("catalogue", "Option").objects.exists()


# True while any product option exists: then a product's options are looked up as Oscar does.
options_possible = CachedAnswer("catalogue:options-possible:v1", _any_option, timeout=60, local_seconds=3)
options_changed = options_possible.changed  # receiver of options' saves and deletes
