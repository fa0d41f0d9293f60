from django.contrib.sitemaps.views import sitemap as django_sitemap

from .sitemaps import sitemaps_for


def sitemap(request):
    """sitemap.xml of the whole site: Wagtail pages, OCOP products and categories."""
    return django_sitemap(request, sitemaps=sitemaps_for(request))
