"""sitemap.xml: Wagtail pages, OCOP products and categories, with addresses on the host the request came to."""

from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


class _RequestHostSitemap(Sitemap):
    """Absolute addresses on the request's scheme and host (the Django Site row still says example.com)."""

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host()

    def get_protocol(self, protocol=None):
        return self.request.scheme


class PageSitemap(_RequestHostSitemap, WagtailSitemap):
    """Live, public pages of the request's Wagtail site (Wagtail's own selection)."""

    # Wagtail builds its rows from each page's full_url (its Site's hostname): use Django's, on the request host.
    _urls = Sitemap._urls

    def location(self, page):
        return page.get_url(self.request)


class ProductSitemap(_RequestHostSitemap):
    changefreq = "daily"

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class CategorySitemap(_RequestHostSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.browsable().order_by("path")


def sitemaps_for(request) -> dict[str, Sitemap]:
    return {
        "pages": PageSitemap(request),
        "products": ProductSitemap(request),
        "categories": CategorySitemap(request),
    }
