"""The agri-tourism map (/ban-do/), its GeoJSON API and the "nearby" page. Read-only and public."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from . import map_selectors as selectors
from .map_forms import MapApiForm, MapFilterForm, NearbyForm
from .map_presenters import PlaceLinks, feature_collection_json, map_labels, place_rows

PLACES_PER_PAGE = 30
PRODUCTS_PER_PAGE = 24
NEARBY_PRODUCERS = 30
GEOJSON_MAX_AGE = 60  # browsers and proxies may keep an answer a minute; our cache keeps it until the catalogue changes


def _query(filters: selectors.MapFilters, *, bbox: bool) -> str:
    params = {"group": filters.group, "stars_min": filters.stars_min, "province": filters.province, "pilot": filters.pilot}
    if bbox and filters.bbox:
        params["bbox"] = ",".join(f"{value:g}" for value in filters.bbox.as_list())
    return urlencode({name: value for name, value in params.items() if value})


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class MapView(TemplateView):
    """The map, and under it the same places as a paginated list: the page works with no tiles and no script."""

    template_name = "programme/map/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MapFilterForm(self.request.GET)
        form.is_valid()  # a bad value is shown as the field's error and left out of the filters
        filters = form.filters()
        page = Paginator(selectors.map_places(filters), PLACES_PER_PAGE).get_page(self.request.GET.get("page"))
        query = _query(filters, bbox=False)  # the script asks for the area in view itself
        context.update(
            form=form,
            page_obj=page,
            rows=place_rows(page.object_list, PlaceLinks()),
            filter_query=_query(filters, bbox=True),
            map_config={
                "geojson": reverse("map-places-geojson") + (f"?{query}" if query else ""),
                "tiles": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
                "labels": map_labels(),
                "bbox": filters.bbox.as_list() if filters.bbox else None,  # an area linked to: the map opens on it
            },
        )
        return context


def _bad_request(form) -> JsonResponse:
    errors = {field: [error["message"] for error in messages] for field, messages in form.errors.get_json_data().items()}
    first = next(iter(errors.values()))[0]
    return JsonResponse({"error": first, "errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PlacesGeoJsonView(View):
    """GET /api/map/places.geojson — the places as an RFC 7946 FeatureCollection (longitude first), filtered by
    group, stars_min, province, pilot and bbox=west,south,east,north; 400 with a JSON error on a bad parameter.
    The body is cached under the normalised parameters and the map's version (moved on by catalogue changes)."""

    def get(self, request):
        form = MapApiForm(request.GET)
        if not form.is_valid():
            return _bad_request(form)
        filters = form.filters()
        key = selectors.map_cache_key("geojson", filters)
        body = cache.get(key)
        if body is None:
            body = feature_collection_json(filters)
            cache.set(key, body, selectors.CACHE_SECONDS)
        response = HttpResponse(body, content_type="application/geo+json")
        response["Cache-Control"] = f"public, max-age={GEOJSON_MAX_AGE}"
        return response


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class NearbyView(TemplateView):
    """From a tourism service: the OCOP producers and products within N km, nearest first."""

    template_name = "programme/map/nearby.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        origin = selectors.tourism_place(pk=kwargs["pk"])
        if origin is None:
            raise Http404
        form = NearbyForm(self.request.GET)
        km = form.distance_km()
        point = {"latitude": origin.latitude, "longitude": origin.longitude, "km": km}
        products = selectors.products_near(**point, exclude_pk=int(origin.pk))
        page = Paginator(products, PRODUCTS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            form=form,
            km=km,
            origin=place_rows([origin])[0],
            producers=selectors.producers_near(**point, limit=NEARBY_PRODUCERS),
            page_obj=page,
            products=page.object_list,
        )
        return context
