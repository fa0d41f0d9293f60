"""The production session engine (marketplace.deployment.sessions), as the server runs it — outside a transaction:
each write of a session is one statement with no BEGIN and COMMIT around it, and what it wrote is read back; inside
a transaction it is Django's own save, whose refused INSERT leaves the outer transaction usable."""

import pytest
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from marketplace.deployment.sessions import SessionStore

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _saved(store, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        store.save(**kwargs)
    return [query["sql"] for query in queries.captured_queries]


def _from_database(key):
    store = SessionStore(key)
    store._cache.delete(store.cache_key)  # read through to the database, not the cache
    return dict(SessionStore(key).load())


def test_a_new_session_and_its_update_are_one_statement_each_and_are_kept():
    store = SessionStore()
    store["checkout_data"] = {"email": "khach@example.vn"}
    created = _saved(store)
    store["checkout_order_id"] = 7
    updated = _saved(store)

    assert len(created) == 1 and created[0].startswith('INSERT INTO "django_session"'), created
    assert len(updated) == 1 and updated[0].startswith('UPDATE "django_session"'), updated
    assert _from_database(store.session_key) == {"checkout_data": {"email": "khach@example.vn"}, "checkout_order_id": 7}


def test_a_session_removed_meanwhile_is_not_written_again_by_an_update():
    store = SessionStore()
    store["cart"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).delete()  # signed out elsewhere, or cleared as expired

    store["cart"] = 2
    with pytest.raises(UpdateError):  # Django's answer: the middleware tells the buyer the session ended
        store.save()
    assert not Session.objects.filter(session_key=store.session_key).exists()


def test_a_key_in_use_is_refused_and_a_new_one_drawn():
    first = SessionStore()
    first["who"] = "an"
    first.save()
    second = SessionStore()
    second._session_key = first.session_key
    second["who"] = "binh"

    with pytest.raises(CreateError):
        second.save(must_create=True)
    second.create()  # what Django does on CreateError: another key

    assert second.session_key != first.session_key
    assert _from_database(first.session_key) == {"who": "an"} and _from_database(second.session_key) == {"who": "binh"}


def test_inside_a_transaction_a_refused_insert_leaves_the_transaction_usable():
    first = SessionStore()
    first.save()
    with transaction.atomic():
        second = SessionStore()
        second._session_key = first.session_key
        with pytest.raises(CreateError):
            second.save(must_create=True)
        assert Session.objects.filter(session_key=first.session_key).count() == 1  # still usable


def test_a_new_session_is_written_to_the_cache_once(monkeypatch):
    store = SessionStore()
    writes = []
    real_set = store._cache.set
    monkeypatch.setattr(store._cache, "set", lambda *args, **kwargs: writes.append(args[0]) or real_set(*args, **kwargs))
    store["checkout_data"] = {"email": "khach@example.vn"}

    store.save()

    assert writes == [store.cache_key]
    assert dict(SessionStore(store.session_key).load()) == {"checkout_data": {"email": "khach@example.vn"}}
