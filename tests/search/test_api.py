"""GET /api/search/products/ and /api/search/suggest/: the response shape, and 400 for bad input."""

import pytest

from search.query import ProductQuery

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"id", "title", "url", "price", "currency", "stars", "province", "commune", "seller", "group", "in_stock", "image"}


def test_products_answer_has_the_documented_shape(client, catalogue):
    response = client.get("/api/search/products/", {"q": "nuoc mam", "page_size": 5})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"count", "page", "page_size", "results", "facets"}
    assert (data["page"], data["page_size"]) == (1, 5)
    assert data["count"] >= 2 and len(data["results"]) == min(5, data["count"])
    first = data["results"][0]
    assert set(first) == RESULT_KEYS
    assert first["title"].startswith("Nước mắm")
    assert isinstance(first["price"], int) and first["currency"] == "VND"
    assert first["url"].startswith("http://testserver/shop/catalogue/")
    assert set(first["province"]) == {"code", "name"} and set(first["commune"]) == {"code", "name"}
    assert set(first["seller"]) == {"slug", "name"} and set(first["group"]) == {"slug", "name"}
    assert first["group"] == {"slug": "thuc-pham", "name": "Thực phẩm"}
    assert set(data["facets"]) == {"stars", "province", "group"}
    assert all(set(item) == {"value", "count"} for item in data["facets"]["stars"])
    assert all(set(item) == {"code", "name", "count"} for item in data["facets"]["province"])
    assert all(set(item) == {"slug", "name", "count"} for item in data["facets"]["group"])


def test_products_results_match_the_backend(client, catalogue):
    from search.backends import get_backend

    data = client.get("/api/search/products/", {"stars_min": 4, "group": "do-uong", "sort": "price", "page_size": 100}).json()
    page = get_backend().search(ProductQuery(stars_min=4, group="do-uong", sort="price", page_size=100))

    assert data["count"] == page.count
    assert [result["id"] for result in data["results"]] == [hit.id for hit in page.hits]
    assert all(result["stars"] >= 4 for result in data["results"])


def test_stars_are_null_without_a_valid_certificate(client, catalogue):
    data = client.get("/api/search/products/", {"q": "gao tam"}).json()

    assert data["results"] and all(result["stars"] is None for result in data["results"] if "Gạo t" in result["title"])


def test_commune_facet_is_added_once_a_province_is_chosen(client, catalogue):
    data = client.get("/api/search/products/", {"province": "01"}).json()

    assert data["facets"]["commune"]
    assert all(set(item) == {"code", "name", "count"} for item in data["facets"]["commune"])
    assert sum(item["count"] for item in data["facets"]["commune"]) == data["count"]


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"page_size": 101}, {"page_size"}),
        ({"page_size": 0}, {"page_size"}),
        ({"page": "abc"}, {"page"}),
        ({"page": 0}, {"page"}),
        ({"stars_min": 9}, {"stars_min"}),
        ({"stars_min": "x"}, {"stars_min"}),
        ({"province": "99"}, {"province"}),
        ({"province": "01", "commune": "99999"}, {"commune"}),
        ({"commune": "abc"}, {"commune"}),
        ({"group": "vu-khi"}, {"group"}),
        ({"price_min": "-5"}, {"price_min"}),
        ({"price_min": "500", "price_max": "100"}, {"price_max"}),
        ({"in_stock": "maybe"}, {"in_stock"}),
        ({"sort": "random"}, {"sort"}),
        ({"q": "x" * 201}, {"q"}),
        ({"page_size": 500, "sort": "?", "stars_min": 0}, {"page_size", "sort", "stars_min"}),
    ],
)
def test_bad_parameters_answer_400_with_an_error_per_field(client, localities, params, fields):
    response = client.get("/api/search/products/", params)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == fields
    assert all(isinstance(message, str) and message for messages in errors.values() for message in messages)


def test_page_size_up_to_100_is_accepted(client, catalogue):
    data = client.get("/api/search/products/", {"page_size": 100, "in_stock": "true"}).json()

    assert data["page_size"] == 100 and all(result["in_stock"] for result in data["results"])


def test_a_page_past_the_end_is_empty_not_an_error(client, catalogue):
    response = client.get("/api/search/products/", {"page": 500})

    assert response.status_code == 200 and response.json()["results"] == []


def test_suggest_offers_titles_and_localities_folded(client, catalogue):
    data = client.get("/api/search/suggest/", {"q": "nuoc ma"}).json()

    assert 1 <= len(data["products"]) <= 8
    assert all(product["title"].lower().startswith("nước mắm") or " mắm" in product["title"].lower() for product in data["products"])

    places = client.get("/api/search/suggest/", {"q": "da na"}).json()["localities"]
    assert places[0] == {"kind": "province", "code": "48", "name": "Đà Nẵng", "province": "Đà Nẵng", "url": "/shop/catalogue/?province=48"}


def test_suggest_with_nothing_typed_is_empty(client, localities):
    assert client.get("/api/search/suggest/").json() == {"q": "", "products": [], "localities": []}


def test_suggest_communes_link_to_their_province_and_commune(client, localities):
    places = client.get("/api/search/suggest/", {"q": "xa tan cuong"}).json()["localities"]

    assert places and places[0]["kind"] == "commune" and places[0]["name"] == "Xã Tân Cương"
    assert places[0]["url"] == f"/shop/catalogue/?province=19&commune={places[0]['code']}"
