"""The version of published content: what the home page keeps cached (its news and training lists) is kept
under it, and any publish, unpublish, move, deletion or view restriction (cms.signals) moves it on."""

from ocop_catalog.cache_versions import cache_version, cache_version_advance

CONTENT_VERSION_KEY = "cms:content-version"


def content_version() -> int:
    """The current version of the published page tree."""
    return cache_version(CONTENT_VERSION_KEY)


def content_version_advance() -> None:
    """Retire everything cached under the content version, now and again after commit."""
    cache_version_advance(CONTENT_VERSION_KEY)
