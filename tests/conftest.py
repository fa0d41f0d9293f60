import os
import shutil
import socket
import tempfile

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


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
    """Uploaded and generated files go to a throw-away folder, never to var/media."""
    from django.conf import settings

    media = tempfile.mkdtemp(prefix="ocop-test-media-")
    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = media
    yield media
    settings.MEDIA_ROOT = original
    shutil.rmtree(media, ignore_errors=True)


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
