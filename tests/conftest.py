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
    cache.clear()
    yield
    cache.clear()


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


# --- pytest-xdist (`make test` runs two workers: -n 2 --dist loadgroup) ------------------------------------


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


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup, where a test file is a group unless its tests name one (xdist_group): each file runs
    on one worker, so its module-scoped fixtures (demo_catalogue: 6–16 s) are built once, not once per
    worker; and the tests that open dozens of PostgreSQL connections at once (group "postgres-connections")
    run one after another on one worker, never beside each other."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class FileOrGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid):
            scope = super()._split_scope(nodeid)  # the group's name, or the test's own id when it has none
            return nodeid.split("::", 1)[0] if scope == nodeid else scope

    return FileOrGroupScheduling(config, log)
