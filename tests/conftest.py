import fcntl
import os
import shutil
import socket
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils.functional import empty


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path_factory):
    # Tests talk plain HTTP to the test client; production keeps these on (settings.py).
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # The hashed-manifest storage needs `collectstatic`; tests read static files from the apps.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _first_listings_review(request, settings):
    # A new seller's first listings wait for a staff check (sellers.listing_review; on unless turned off). Tests
    # of something else list as an established seller would; tests of the check are marked first_listings_review.
    settings.SELLER_FIRST_LISTINGS_REVIEW = request.node.get_closest_marker("first_listings_review") is not None


@pytest.fixture(autouse=True, scope="session")
def _media_root():
    """Uploaded, generated and private files go to throw-away folders of this process (each pytest-xdist worker
    its own), never to var/media or var/private."""
    from django.conf import settings

    from sellers.models import private_storage

    media = tempfile.mkdtemp(prefix="ocop-test-media-")
    private = tempfile.mkdtemp(prefix="ocop-test-private-")
    original = settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = media, Path(private)
    private_storage._wrapped = empty  # built again from the setting on first use
    yield media
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = original
    private_storage._wrapped = empty
    shutil.rmtree(media, ignore_errors=True)
    shutil.rmtree(private, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with empty caches, the shared one and this process's layer in front of it
    (ocop_catalog.local_cache); a test that clears the cache to start cold clears both."""
    from django.core.cache import caches

    from ocop_catalog.local_cache import forget_all

    backend = caches["default"]  # this thread's; a test that changes CACHES gets another, left as it is
    clear = backend.clear

    def clear_both():
        clear()
        forget_all()

    backend.clear = clear_both
    cache.clear()
    yield
    backend.__dict__.pop("clear", None)
    clear_both()


@pytest.fixture(autouse=True, scope="session")
def _no_internet():
    """Tests never reach the internet: only loopback and local sockets may connect."""
    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        local = host in ("127.0.0.1", "::1", "localhost") or (isinstance(host, str) and host.startswith("127."))
        if isinstance(host, str) and sock.family in (socket.AF_INET, socket.AF_INET6) and not local:
            raise RuntimeError(f"Test tried to reach the network: {address!r}")
        return real_connect(sock, address)

    socket.socket.connect = guarded_connect
    yield
    socket.socket.connect = real_connect


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker):
    """The demo localities and catalogue, loaded once per module and rolled back after it."""
    from ocop_catalog.demo.load import demo_catalogue_load

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_localities", verbosity=0)
        demo_catalogue_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def localities(django_db_setup, django_db_blocker):
    """The 2025 localities, loaded once per module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_localities", verbosity=0)
        yield
        transaction.set_rollback(True)


def pytest_report_header(config):
    database = os.environ.get("DATABASE_URL", "sqlite (embedded default)")
    return [f"database: {database.split('@')[-1]}", f"redis: {os.environ.get('REDIS_URL') or 'not set'}"]


@pytest.fixture(autouse=True, scope="session")
def _plain_http_live_server():
    """The live server speaks plain HTTP on 127.0.0.1: settings it reads when it starts (the session-
    scoped live_server starts before per-test settings apply, and the first test to use it may be
    anywhere in the suite: tests/deploy, tests/e2e), so set here, for the whole session."""
    from django.conf import settings

    names = ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS"]
    saved = {name: getattr(settings, name, None) for name in names}
    for name in names:
        setattr(settings, name, 0 if name == "SECURE_HSTS_SECONDS" else False)
    yield
    for name, value in saved.items():
        setattr(settings, name, value)


# --- pytest-xdist (`make test` runs two workers: -n 2 --dist loadfile) ------------------------------------


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """Each worker its own Redis database: REDIS_URL's number plus the worker's (gw0 → n, gw1 → n + 1).

    Every test empties the cache (FLUSHDB), which must not empty another worker's cache, broker or
    rate-limit counters. Set in the worker's environment before it reads the settings, so the cache, Celery
    and the tests and subprocesses that read REDIS_URL all agree. (Test databases get pytest-django's _gw0
    and _gw1 suffixes; media folders and tmp_path are per process already.)"""
    base = os.environ.get("REDIS_URL")
    if not base:
        return
    url = urlsplit(base)
    number = int(url.path.strip("/") or 0) + int(node.gateway.id.removeprefix("gw"))
    worker_url = url._replace(path=f"/{number}").geturl()
    node.gateway.remote_exec(f"import os; os.environ['REDIS_URL'] = {worker_url!r}").waitclose()


def pytest_configure(config):
    # pytest-xdist hands out test files in collection order, not largest first: pytest-django collects the
    # transactional tests after the others, and each of them empties the tables (the Site, the Wagtail home
    # page, the groups that migrations made), so a worker must come to them only when it is done with the others.
    config.option.loadscopereorder = False


@pytest.hookimpl(trylast=True)  # after pytest-django has put the transactional tests after the others
def pytest_collection_modifyitems(items):
    """A test file holds transactional tests only, or none (test_indexing_commits.py, test_stock_update_race.py).

    A worker (--dist loadfile) runs a file's tests together: a transactional test in a file of ordinary ones
    would run inside the transaction their module-scoped fixtures (localities, demo_catalogue) hold open, and
    would empty the tables before the ordinary tests of the files the worker takes next."""
    from django.test import TestCase, TransactionTestCase
    from pytest_django.plugin import validate_django_db

    kinds, unrestored = {}, []
    for item in items:  # told apart as pytest-django's ordering does
        marker, fixtures, cls = item.get_closest_marker("django_db"), set(getattr(item, "fixturenames", ())), getattr(item, "cls", None)
        if cls is not None and issubclass(cls, TransactionTestCase):
            uses_db, transactional = True, not issubclass(cls, TestCase)
        else:
            transaction, reset_sequences, _databases, serialized_rollback, *_ = validate_django_db(marker) if marker else (False, False, None, False)
            if transaction and not serialized_rollback:
                # It empties the tables; the next serialized_rollback test then finds Django's rows (content types)
                # made again by the flush and fails restoring its own.
                unrestored.append(item.nodeid.split("::", 1)[0])
            transactional = bool(transaction or reset_sequences or {"transactional_db", "live_server"} & fixtures)
            uses_db = transactional or marker is not None or "db" in fixtures
        if uses_db:
            kinds.setdefault(item.nodeid.split("::", 1)[0], set()).add(transactional)
    if unrestored:
        raise pytest.UsageError(f"mark the transactional tests of {', '.join(sorted(set(unrestored)))} serialized_rollback=True")
    mixed = sorted(path for path, found in kinds.items() if len(found) == 2)
    if mixed:
        raise pytest.UsageError(f"move the transactional tests of {', '.join(mixed)} into a test file of their own")


@pytest.fixture(autouse=True)
def _many_connections_one_at_a_time(request, tmp_path_factory):
    """A test marked many_connections opens dozens of PostgreSQL connections at once (the server allows 100 in
    all, and the livestream rush takes all but 15 of those free): under pytest-xdist it holds a lock that the
    workers share, so two such tests never run side by side."""
    if request.node.get_closest_marker("many_connections") is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    with (tmp_path_factory.getbasetemp().parent / "many-connections.lock").open("w") as lock:  # the run's, not a worker's
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
