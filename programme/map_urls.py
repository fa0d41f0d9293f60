"""The agri-tourism map, mounted at the site root by marketplace.urls (before Wagtail's catch-all)."""

from django.urls import path

from . import map_views

urlpatterns = [
    path("ban-do/", map_views.MapView.as_view(), name="map"),
    path("ban-do/gan-day/<int:pk>/", map_views.NearbyView.as_view(), name="map-nearby"),
    path("api/map/places.geojson", map_views.PlacesGeoJsonView.as_view(), name="map-places-geojson"),
]
