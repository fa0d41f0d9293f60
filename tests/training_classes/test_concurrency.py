"""No class over capacity when many register at once: the class row is locked (PostgreSQL only: SQLite has one writer)."""

import threading

import pytest
from django.db import connection, connections

from training.classes import lifecycle
from training.classes.models import Registration
from training.classes.services import registration_cancel, registration_create

from .conftest import localities, make_class

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.many_connections]


def _in_threads(count, work):
    barrier = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            barrier.wait()
            work(index)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.fixture
def pg():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...): SQLite serialises every writer")


def test_twenty_concurrent_registrations_for_five_places_confirm_five_and_queue_fifteen(pg):
    places = localities()
    c = make_class(commune=places["ba_dinh"], capacity=5)

    def work(index):
        registration_create(class_id=c.pk, name=f"Người {index}", phone=f"0912{index:06d}", commune=places["ba_dinh"], role="resident")

    _in_threads(20, work)
    statuses = list(Registration.objects.filter(training_class=c).values_list("status", flat=True))
    assert statuses.count(lifecycle.CONFIRMED) == 5
    assert statuses.count(lifecycle.WAITING) == 15


def test_concurrent_cancellations_and_registrations_never_overfill_and_promote_in_order(pg):
    places = localities()
    c = make_class(commune=places["ba_dinh"], capacity=3)
    first = [
        registration_create(class_id=c.pk, name=f"A{i}", phone=f"0913{i:06d}", commune=places["ba_dinh"], role="resident").registration
        for i in range(6)
    ]  # 3 confirmed, 3 waiting

    def work(index):
        if index < 3:
            registration_cancel(registration_id=first[index].pk)
        else:
            registration_create(class_id=c.pk, name=f"B{index}", phone=f"0914{index:06d}", commune=places["ba_dinh"], role="resident")

    _in_threads(8, work)
    confirmed = set(Registration.objects.filter(training_class=c, status=lifecycle.CONFIRMED).values_list("pk", flat=True))
    assert len(confirmed) == 3
    assert confirmed == {r.pk for r in first[3:]}  # the waiting list moved up in its order, before any newcomer
