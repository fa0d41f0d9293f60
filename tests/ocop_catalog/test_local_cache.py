"""The process-local layer in front of the shared cache (ocop_catalog.local_cache): hot reference values are read
from the shared cache once per process and period, a change in this process is seen at once, and a value expires."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ocop_catalog import local_cache
from ocop_catalog.models import Province
from ocop_catalog.selectors import locality_choices_forget, province_choices

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(local_cache.time, "monotonic", clock)
    return clock


def test_a_value_read_once_is_kept_for_its_seconds_then_read_again(clock):
    reads = []

    def read_shared():
        reads.append(1)
        return {"answer": len(reads)}

    assert local_cache.locally_cached("k", 30, read_shared) == {"answer": 1}
    clock.now += 29
    assert local_cache.locally_cached("k", 30, read_shared) == {"answer": 1}
    clock.now += 2
    assert local_cache.locally_cached("k", 30, read_shared) == {"answer": 2}
    assert len(reads) == 2


def test_nothing_is_kept_for_none_and_forget_drops_a_copy(clock):
    assert local_cache.locally_cached("none", 30, lambda: None) is None
    assert local_cache.local_get("none") is None
    local_cache.local_set("k", 1, 30)
    local_cache.forget(["k"])
    assert local_cache.local_get("k") is None


def test_province_choices_ask_neither_the_database_nor_the_shared_cache_twice_and_a_change_here_shows_at_once(clock):
    Province.objects.create(code="98", name="Tỉnh Thử", short_name="Thử")
    assert ("98", "Thử") in province_choices()
    cache.delete("ocop:province-choices:v1")  # the shared copy gone: this process still has its own
    with CaptureQueriesContext(connection) as queries:
        assert ("98", "Thử") in province_choices()
    assert len(queries) == 0

    Province.objects.filter(code="98").update(short_name="Thử Mới")
    locality_choices_forget(province_codes=["98"])
    assert ("98", "Thử Mới") in province_choices()


def test_a_cached_answer_is_computed_once_until_a_change_forgets_it(clock, django_capture_on_commit_callbacks):
    asked = []
    shop_has_offers = local_cache.CachedAnswer("test:answer:v1", lambda: bool(asked.append(1)) or len(asked) > 1)

    assert [shop_has_offers() for _ in range(3)] == [False, False, False]
    local_cache.forget_all()  # another process: the shared cache still answers
    assert shop_has_offers() is False and len(asked) == 1

    with django_capture_on_commit_callbacks(execute=True):
        shop_has_offers.changed()  # an offer saved
    assert shop_has_offers() is True and len(asked) == 2
    clock.now += 4  # past the 3 s kept in the process: the shared cache answers, not the database
    assert shop_has_offers() is True and len(asked) == 2
