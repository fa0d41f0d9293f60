"""Wagtail pages of the marketplace. The home page is the site's root at `/`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .selectors import home_featured_products


class HomePage(Page):
    """The landing page: an introduction and OCOP products chosen by editors."""

    intro = RichTextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_products", label=_("Featured products")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = home_featured_products(
            page=self, limit=settings.OCOP_HOME_FEATURED_COUNT
        )
        return context


class HomePageFeaturedProduct(Orderable):
    """A product an editor put on the home page, in the order chosen."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("Product"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("Featured product")
        verbose_name_plural = _("Featured products")
