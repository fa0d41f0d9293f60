"""The guest order look-up limit holds across processes, per client (the address the trusted proxy saw,
never what the client wrote) and per order number, so probing stops and one client locks out nobody else."""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from marketplace.checkout.orders import order_lookup_allowed

NUMBER = "100042"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.ORDER_LOOKUP_ATTEMPTS = 10
    settings.ORDER_LOOKUP_ATTEMPTS_PER_NUMBER = 10
    settings.TRUSTED_PROXY_COUNT = 0


def lookup(*, remote: str = "198.51.100.7", forwarded: str | None = None, number: str = NUMBER) -> bool:
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().post("/shop/checkout/order-status/", **meta)
    return order_lookup_allowed(request, number=number)


def test_ten_look_ups_then_refused():
    answers = [lookup(number=f"1000{n:02d}") for n in range(11)]

    assert answers == [True] * 10 + [False]


@pytest.mark.redis
def test_the_limit_is_shared_by_processes_with_their_own_cache_clients(settings):
    """Two workers, two Redis clients: together they allow ten look-ups, not ten each."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"test-lookup-{uuid.uuid4().hex}",
        }
    }
    # Django keeps one cache client per thread: each worker thread here has its own connection.
    with ThreadPoolExecutor(1) as first, ThreadPoolExecutor(1) as second:
        workers = [first, second]
        answers = [workers[n % 2].submit(lookup, number=f"1000{n:02d}").result() for n in range(12)]
        clients = {id(w.submit(lambda: caches["default"]).result()) for w in workers}

    assert len(clients) == 2
    assert answers == [True] * 10 + [False] * 2


def test_one_client_at_the_limit_does_not_lock_out_another_client():
    for n in range(11):
        lookup(remote="198.51.100.7", number=f"1000{n:02d}")

    assert lookup(remote="198.51.100.7", number="100099") is False
    assert lookup(remote="203.0.113.20", number="100099") is True


def test_behind_the_proxy_clients_are_told_apart_by_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(11):
        lookup(remote="172.18.0.5", forwarded="198.51.100.7", number=f"1000{n:02d}")

    assert lookup(remote="172.18.0.5", forwarded="198.51.100.7", number="100099") is False
    assert lookup(remote="172.18.0.5", forwarded="203.0.113.20", number="100099") is True


def test_behind_the_proxy_what_the_client_wrote_in_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    answers = [
        lookup(remote="172.18.0.5", forwarded=f"10.0.0.{n}, 198.51.100.7", number=f"1000{n:02d}") for n in range(11)
    ]

    assert answers[-1] is False


def test_without_a_trusted_proxy_a_spoofed_x_forwarded_for_is_ignored():
    answers = [lookup(remote="198.51.100.7", forwarded=f"203.0.113.{n}", number=f"1000{n:02d}") for n in range(11)]

    assert answers == [True] * 10 + [False]


def test_one_order_number_is_tried_at_most_ten_times_whatever_the_client():
    """Many addresses cannot guess the e-mail of one order."""
    answers = [lookup(remote=f"203.0.113.{n}", number=NUMBER) for n in range(11)]

    assert answers == [True] * 10 + [False]
    assert lookup(remote="203.0.113.99", number="100043") is True
