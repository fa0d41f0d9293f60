from django.core.cache import cache

from .local_cache import locally_cached
from .rules import PRODUCT_GROUPS_BY_SLUG
from .selectors import group_root_categories

NAV_CACHE_KEY = "ocop:group-nav:v1"
NAV_CACHE_SECONDS = 300
NAV_LOCAL_SECONDS = 30  # each process keeps the links this long (ocop_catalog.local_cache)


def navigation(request):
    """The six OCOP groups for the header menu; cached so ordinary pages spend no query on it."""
    links = locally_cached(NAV_CACHE_KEY, NAV_LOCAL_SECONDS, _links_shared)
    return {"ocop_group_nav": [{"slug": slug, "url": url, "label": PRODUCT_GROUPS_BY_SLUG[slug].label} for slug, url in links]}


def _links_shared() -> list[tuple[str, str]]:
    links = cache.get(NAV_CACHE_KEY)
    if links is None:
        roots = group_root_categories()
        links = [(slug, roots[slug].get_absolute_url()) for slug in PRODUCT_GROUPS_BY_SLUG if slug in roots]
        cache.set(NAV_CACHE_KEY, links, NAV_CACHE_SECONDS)
    return links
