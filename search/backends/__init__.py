"""The product search backend chosen by settings.SEARCH_BACKEND."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get_backend():
    if settings.SEARCH_BACKEND == "database":
        from .database import DatabaseSearchBackend

        return DatabaseSearchBackend()
    raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {settings.SEARCH_BACKEND!r}; use 'database'.")
