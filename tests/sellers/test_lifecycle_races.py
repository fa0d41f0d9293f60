"""Case 2 of issue 10 under real concurrency (PostgreSQL): the 24-hour job and a seller's
confirmation of the same part in the same second — the confirmation stands."""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from sellers import fulfilment
from sellers.models import Fulfilment
from sellers.services import seller_listing_save
from tests.checkout.conftest import approved_seller, hanoi_localities, listing
from tests.factories.orders import place_order

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (set DATABASE_URL=postgres://…); SQLite serialises all writers")


def test_a_part_confirmed_while_the_deadline_job_runs_stays_confirmed():
    hanoi_localities()
    seller = approved_seller(name="HTX Chè Race", tax_code="0101234599", email="race@example.vn")
    product = seller_listing_save(seller=seller, listing=listing("RACE", 100_000))
    order = place_order(items=[(product, 1)])
    part = order.fulfilments.get()
    Fulfilment.objects.filter(pk=part.pk).update(confirm_by=timezone.now() - datetime.timedelta(minutes=1))
    barrier = threading.Barrier(2)
    outcome = {}

    def seller_confirms():
        try:
            with transaction.atomic():
                Fulfilment.objects.select_for_update().get(pk=part.pk)  # the seller's request holds the row…
                barrier.wait()
                time.sleep(0.5)  # …while the job reads the overdue parts and waits for the lock
                fulfilment.fulfilment_confirm(fulfilment=part)
            outcome["confirmed"] = True
        finally:
            connection.close()

    def job_runs():
        try:
            barrier.wait()
            outcome["cancelled"] = fulfilment.fulfilments_cancel_overdue()
        finally:
            connection.close()

    threads = [threading.Thread(target=seller_confirms), threading.Thread(target=job_runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcome == {"confirmed": True, "cancelled": 0}
    part.refresh_from_db()
    assert part.status == Fulfilment.Status.CONFIRMED and not part.cancel_reason
