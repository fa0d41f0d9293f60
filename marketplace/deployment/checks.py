"""Deploy checks: what makes a site with debug off misbehave although every request "works"."""

from django.conf import settings
from django.core import checks

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
