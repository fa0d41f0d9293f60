"""Oscar's analytics counters, made safe inside a request transaction.

Oscar's `_update_counter` handles the race of two first-time inserts by catching the
IntegrityError, but without a savepoint: inside ATOMIC_REQUESTS (our setting) the caught error
leaves the whole transaction broken, so a buyer's "add to basket" or order fails with a 500 when
someone else adds the same product for the first time at the same moment. The same counter,
with the insert in a savepoint.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.apps.analytics import receivers


def update_counter(model, field_name, filter_kwargs, increment=1):
    record = model.objects.filter(**filter_kwargs)
    if record.update(**{field_name: F(field_name) + increment}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**{**filter_kwargs, field_name: increment})
    except IntegrityError:  # the other request created it first
        record.update(**{field_name: F(field_name) + increment})


def install() -> None:
    # The receivers look the helper up in their module when they run.
    receivers._update_counter = update_counter
