from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db import transaction
from wagtail import views as wagtail_views

from .sitemaps import sitemaps_for


def sitemap(request):
    """sitemap.xml of the whole site: Wagtail pages, OCOP products and categories."""
    return django_sitemap(request, sitemaps=sitemaps_for(request))


@transaction.non_atomic_requests
def page_serve(request, path):
    """Wagtail's page view, without ATOMIC_REQUESTS' transaction: serving a page only reads (as the
    catalogue views), and the BEGIN/COMMIT round trips were a tenth of the home page's time."""
    return wagtail_views.serve(request, path)
