"""Catalogue, category and search pages: parse the query string, ask the backend, render.

Oscar's catalogue app loads CatalogueView and ProductCategoryView from the app labelled
`search`, and its search app FacetedSearchView; these replace its haystack views.
"""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

from .backends import get_backend
from .forms import ProductFilterForm
from .presenters import did_you_mean_link, facet_links, product_cards
from .selectors import card_stats_on_sale

Category = get_model("catalogue", "Category")

FILTER_PARAMS = ("q", "stars_min", "province", "commune", "group", "price_min", "price_max", "in_stock")


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _url_without(params: QueryDict, *names: str) -> str:
    """The current query string less `names` (and the page, which a new filter resets)."""
    kept = params.copy()
    for name in (*names, "page"):
        kept.pop(name, None)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class BaseProductListView(TemplateView):
    """A page of products filtered by stars, locality, group and price, as in the URL.

    Read-only, so it skips the per-request transaction (ATOMIC_REQUESTS) and its round trips.
    """

    summary = ""

    def category_path(self) -> str | None:
        return None

    def get(self, request, *args, **kwargs):
        form = ProductFilterForm(request.GET)
        form.is_valid()  # invalid fields are reported in the form and left out of the query
        page_number = _page_number(request)
        page_size = settings.OSCAR_PRODUCTS_PER_PAGE
        query = form.to_query(page=page_number, page_size=page_size, category_path=self.category_path())
        result = get_backend().search(query)
        if page_number > result.num_pages:
            messages.error(request, _("The given page number was invalid."))
            return redirect(request.path + _url_without(request.GET))
        # Lazy: nothing is loaded unless a card is missing from the cache (ocop_catalog.cards).
        stats = card_stats_on_sale(ids=[hit.id for hit in result.hits])
        result.products = product_cards(result.hits, stats=stats, request=request)
        context = self.get_context_data(form=form, query=query, result=result, **kwargs)
        return self.render_to_response(context)

    def get_context_data(self, *, form, query, result, **kwargs):
        context = super().get_context_data(**kwargs)
        provinces, communes = form.province_names(), form.commune_names()
        context.update(
            form=form,
            query=query,
            result=result,
            products=result.products,
            summary=self.summary,
            active_filters=self.active_filters(form, provinces=provinces, communes=communes),
            pagination=self.pagination(result),
            provinces=form.provinces,
            communes=form.communes,
            grid_cache_key=self.grid_cache_key(result.products),
            did_you_mean=did_you_mean_link(result, params=self.request.GET),
            facets=facet_links(
                result.facets,
                params=self.request.GET,
                current={"stars_min": query.stars_min, "province": query.province, "group": query.group, "commune": query.commune},
                provinces=provinces,
                communes=communes,
            ),
        )
        return context

    @staticmethod
    def grid_cache_key(products) -> str:
        """Key of the rendered grid: a digest of every card's version (its hit and rating), the language
        and the day (certificates expire at midnight) — any change to a card shown gives a new key."""
        return products.grid_key

    def active_filters(self, form, *, provinces: dict[str, str], communes: dict[str, str]) -> list[dict]:
        """Each filter in force, with the URL that removes it (the removable chips); `provinces` and
        `communes` (of the chosen province) are the names by code."""
        if not form.is_bound:
            return []
        chips = []
        cleaned = getattr(form, "cleaned_data", {})
        for name in FILTER_PARAMS:
            value = cleaned.get(name)
            if name in form.errors or value in (None, ""):
                continue
            if name == "stars_min":
                label = _("%(stars)s★ and up") % {"stars": value}
            elif name == "group":
                label = PRODUCT_GROUPS_BY_SLUG[value].label
            elif name == "province":
                label = provinces.get(value, value)
            elif name == "commune":
                label = communes.get(value, value)
            elif name == "price_min":
                label = _("from %(price)s ₫") % {"price": f"{value:,}".replace(",", ".")}
            elif name == "price_max":
                label = _("up to %(price)s ₫") % {"price": f"{value:,}".replace(",", ".")}
            elif name == "in_stock":
                label = _("In stock") if value else _("Out of stock")
            else:
                label = f"“{value}”"
            # Removing a province also removes its commune.
            removes = (name, "commune") if name == "province" else (name,)
            chips.append({"name": name, "label": label, "remove_url": _url_without(self.request.GET, *removes)})
        return chips

    def pagination(self, result) -> dict:
        params = self.request.GET.copy()
        params.pop("page", None)

        def page_url(number):
            params["page"] = number
            return f"?{params.urlencode()}"

        return {
            "number": result.page,
            "num_pages": result.num_pages,
            "previous_url": page_url(result.page - 1) if result.page > 1 else None,
            "next_url": page_url(result.page + 1) if result.page < result.num_pages else None,
            "start": (result.page - 1) * result.page_size + 1 if result.count else 0,
            "end": min(result.page * result.page_size, result.count),
        }


class CatalogueView(BaseProductListView):
    template_name = "oscar/catalogue/browse.html"
    summary = _("All OCOP products")


class FacetedSearchView(BaseProductListView):
    template_name = "oscar/catalogue/browse.html"
    summary = _("Search results")


class ProductCategoryView(BaseProductListView):
    """Products of one category (an OCOP group or a category below it)."""

    template_name = "oscar/catalogue/category.html"
    enforce_paths = True

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if self.enforce_paths and unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        self.summary = self.category.name
        return super().get(request, *args, **kwargs)

    def category_path(self) -> str | None:
        return self.category.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        return context
