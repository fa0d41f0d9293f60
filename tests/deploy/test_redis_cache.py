"""The default cache on Redis (marketplace.deployment.redis_cache): Django's backend, with one Redis client per
connection pool instead of a new one for every cache call. Runs against the real Redis when REDIS_URL is set."""

import os
import threading

import pytest
from django.utils.module_loading import import_string

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs Redis (REDIS_URL)")


@pytest.fixture
def cache():
    backend = import_string("marketplace.deployment.redis_cache.RedisCache")(REDIS_URL, {"KEY_PREFIX": "test-redis-cache"})
    yield backend
    backend.delete_many(["a", "b", "n"] + [f"thread-{n}" for n in range(8)])


def test_it_reads_what_it_wrote_and_reuses_one_client(cache):
    cache.set("a", {"đồng": 120_000}, 30)
    cache.set_many({"b": [1, 2]}, 30)

    assert cache.get("a") == {"đồng": 120_000}
    assert cache.get_many(["a", "b", "missing"]) == {"a": {"đồng": 120_000}, "b": [1, 2]}
    cache.delete("n")
    assert cache.add("n", 0, 30) and cache.incr("n") == 1
    assert cache._cache.get_client() is cache._cache.get_client(write=True)  # one server: one pool, one client


def test_threads_share_the_client_and_each_sees_its_own_values(cache):
    errors = []

    def work(number):
        try:
            for round_ in range(50):
                cache.set(f"thread-{number}", (number, round_), 30)
                assert cache.get(f"thread-{number}") == (number, round_)
        except AssertionError as error:  # reported below: a failed thread does not fail the test by itself
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
