"""The JSON search API, mounted at /api/search/ (before Wagtail's catch-all)."""

from django.urls import path

from .api import ProductSearchApiView, SuggestApiView

app_name = "search-api"

urlpatterns = [
    path("products/", ProductSearchApiView.as_view(), name="products"),
    path("suggest/", SuggestApiView.as_view(), name="suggest"),
]
