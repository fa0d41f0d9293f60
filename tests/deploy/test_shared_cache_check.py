"""With debug off, every process must see the same cache: `check --deploy` refuses a per-process one."""

import pytest
from django.core import checks

# Other apps' deploy checks read the database (the Site record).
pytestmark = pytest.mark.django_db

PER_PROCESS = ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"]


def deploy_errors() -> list[str]:
    return [m.id for m in checks.run_checks(include_deployment_checks=True) if m.level >= checks.ERROR]


@pytest.mark.parametrize("backend", PER_PROCESS)
def test_deploy_check_fails_on_a_per_process_cache_with_debug_off(settings, backend):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": backend}}

    assert "deployment.E001" in deploy_errors()


def test_deploy_check_accepts_redis_as_the_shared_cache(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/3"}}

    assert "deployment.E001" not in deploy_errors()


def test_a_per_process_cache_is_fine_with_debug_on(settings):
    """`make run` (debug on, one process) needs no Redis."""
    settings.DEBUG = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert "deployment.E001" not in deploy_errors()


def test_the_cache_check_runs_only_for_deploy(settings):
    """The tests, `runserver` and `migrate` run the ordinary checks: they must not need Redis."""
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert "deployment.E001" not in [m.id for m in checks.run_checks()]
