"""Deploy checks: what makes a site with debug off misbehave although every request "works"."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages

# Each process keeps its own copy (or none): counters and invalidations never reach the others.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """With debug off (gunicorn, several workers) the default cache must be shared by every process."""
    if settings.DEBUG:
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Error(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between processes.",
            hint="Set REDIS_URL: with several workers, each would serve its own stale pages and count "
            "its own rate limits.",
            id="deployment.E001",
        )
    ]



@checks.register(checks.Tags.staticfiles, deploy=True)
def static_files_collected_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """With debug off, the hashed-name storage needs collectstatic's manifest, or every page is a 500."""
    if settings.DEBUG:
        return []
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin) or storage.manifest_storage.exists(storage.manifest_name):
        return []
    return [
        checks.Error(
            f"Static files are not collected: no {storage.manifest_name} in STATIC_ROOT ({settings.STATIC_ROOT}).",
            hint="Run `manage.py collectstatic --noinput` (the Docker image does it when it is built).",
            id="deployment.E002",
        )
    ]
