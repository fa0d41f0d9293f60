"""The JSON search API: GET /api/search/products/ and GET /api/search/suggest/.

Read-only and public. Bad parameters answer 400 with the errors per field, never 500.
"""

from django.conf import settings
from django.db import transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View

from .backends import get_backend
from .forms import ProductSearchApiForm, SuggestForm
from .presenters import facets_json, hit_json
from .selectors import localities_matching

SUGGESTED_PRODUCTS = 8
SUGGESTED_LOCALITIES = 5


def _errors(form) -> JsonResponse:
    errors = {field: [error["message"] for error in messages] for field, messages in form.errors.get_json_data().items()}
    return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})


def _json(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ProductSearchApiView(View):
    """Products matching q and the filters, a page of them, and the facet counts."""

    def get(self, request):
        form = ProductSearchApiForm(request.GET)
        if not form.is_valid():
            return _errors(form)
        query = form.to_api_query(default_page_size=settings.OSCAR_PRODUCTS_PER_PAGE)
        page = get_backend().search(query)
        return _json(
            {
                "count": page.count,
                "page": page.page,
                "page_size": page.page_size,
                "results": [hit_json(hit, request=request) for hit in page.hits],
                "facets": facets_json(page.facets, province=query.province),
            }
        )


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SuggestApiView(View):
    """As the shopper types: up to 8 product titles and the localities whose names match (folded)."""

    def get(self, request):
        form = SuggestForm(request.GET)
        if not form.is_valid():
            return _errors(form)
        text = form.cleaned_data["q"]
        catalogue = reverse("catalogue:index")
        products = get_backend().suggest(text, limit=SUGGESTED_PRODUCTS) if text.strip() else []
        localities = localities_matching(text, limit=SUGGESTED_LOCALITIES)
        return _json(
            {
                "q": text,
                "products": [
                    {"id": hit.id, "title": hit.title, "url": reverse("catalogue:detail", kwargs={"product_slug": hit.slug, "pk": hit.id})}
                    for hit in products
                ],
                "localities": [
                    {
                        "kind": locality.kind,
                        "code": locality.code,
                        "name": locality.name,
                        "province": locality.province_name,
                        "url": f"{catalogue}?province={locality.province_code}"
                        + (f"&commune={locality.code}" if locality.kind == "commune" else ""),
                    }
                    for locality in localities
                ],
            }
        )
