from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.apps.search import apps as oscar_search_apps
from oscar.core.loading import get_class


class SearchConfig(oscar_search_apps.SearchConfig):
    """Replaces Oscar's haystack-based `search` app: same label, our backends and views."""

    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import signals

        self.search_view = get_class("search.views", "FacetedSearchView")
        signals.connect()

    def get_urls(self):
        return self.post_process_urls([path("", self.search_view.as_view(), name="search")])
