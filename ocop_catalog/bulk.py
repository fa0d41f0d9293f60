"""Many catalogue changes made as one — a seller's CSV import, say.

Listeners that follow the catalogue (search indexing, in `search.signals`) act on every save; inside
`catalogue_bulk_change()` they may instead collect what changed and act once, when
`bulk_change_finished` is sent at the end. `succeeded` is False when the change ended with an error:
what was collected is then dropped, as the change's transaction is rolled back.
"""

import threading
from contextlib import contextmanager

from django.dispatch import Signal

# Sent once, as the outermost bulk change ends, with `succeeded` (bool).
bulk_change_finished = Signal()

_state = threading.local()


def catalogue_bulk_change_active() -> bool:
    return getattr(_state, "depth", 0) > 0


@contextmanager
def catalogue_bulk_change():
    """Run the block as one catalogue change; nested blocks join the outermost one.

    Use it inside the transaction that writes the changes, so what listeners do at the end (indexing)
    commits or rolls back with them.
    """
    _state.depth = getattr(_state, "depth", 0) + 1
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            bulk_change_finished.send(sender=catalogue_bulk_change, succeeded=succeeded)
