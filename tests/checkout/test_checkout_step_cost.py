"""What the details step and the review page cost the database (issue 16: every buyer of a livestream sale goes
through both): the basket and its lines read once, a basket without options reads no options, the commune and
the country from the reference cache once another buyer delivered there, and a new visitor's session written
in one INSERT."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from .conftest import add_to_basket, checkout, fill_details, review

pytestmark = pytest.mark.django_db

Option = get_model("catalogue", "Option")
OrderLine = get_model("order", "Line")


def _statements(queries):
    statements = [query["sql"] for query in queries.captured_queries]
    if settings.SESSION_ENGINE != "marketplace.deployment.sessions":
        # Without a shared cache (SQLite runs) sessions are Django's database ones, read and checked by queries of
        # their own: those are left out; the one-INSERT session is the production engine's (with Redis).
        session_reads = ('SELECT "django_session"', 'SELECT 1 AS "a" FROM "django_session"')
        statements = [sql for sql in statements if not sql.startswith(session_reads)]
    return statements


@pytest.fixture
def delivered_before(shop, django_capture_on_commit_callbacks):
    """Another buyer already checked out to the same commune: its reference rows are cached (after the commit)."""
    with django_capture_on_commit_callbacks(execute=True):
        checkout(Client(), [(shop["tea"], 1)])


def test_the_details_step_reads_the_basket_once_and_writes_the_new_session_in_one_insert(client, shop, delivered_before):
    add_to_basket(client, shop["tea"], 2)
    add_to_basket(client, shop["honey"], 1)

    with CaptureQueriesContext(connection) as queries:
        response = fill_details(client)

    assert response.status_code == 302 and response["Location"] == "/shop/checkout/preview/"
    statements = _statements(queries)
    assert sum(sql.startswith('SELECT "basket_line"') for sql in statements) == 1, statements
    assert not any('"basket_lineattribute"' in sql for sql in statements), statements  # no line has options
    assert not any('"ocop_catalog_commune"' in sql for sql in statements), statements
    assert not any(sql.startswith('SELECT 1 AS "a" FROM "django_session"') for sql in statements), statements
    assert sum(sql.startswith('INSERT INTO "django_session"') for sql in statements) == 1
    assert len(statements) <= 6, statements


def test_the_review_page_reads_only_the_basket_and_its_lines(client, shop, delivered_before):
    add_to_basket(client, shop["tea"], 2)
    add_to_basket(client, shop["honey"], 1)
    fill_details(client)

    with CaptureQueriesContext(connection) as queries:
        response, fields = review(client)

    statements = _statements(queries)
    assert len(statements) <= 2, statements
    assert fields["basket_id"] and fields["fingerprint"]
    page = response.content.decode()
    assert "Phường Ba Đình, Thành phố Hà Nội" in page and "0912 345 678" in page


def test_a_product_with_options_keeps_its_options_through_the_review_into_the_order(client, shop, django_capture_on_commit_callbacks):
    engraving = Option.objects.create(name="Lời chúc", code="loi-chuc", type=Option.TEXT, required=False)
    shop["honey"].get_product_class().options.add(engraving)
    response = client.post(f"/shop/basket/add/{shop['honey'].pk}/", {"quantity": 1, "loi-chuc": "Chúc mừng năm mới"})
    assert response.status_code == 302
    add_to_basket(client, shop["tea"], 1)
    fill_details(client)

    with CaptureQueriesContext(connection) as queries:
        _page, fields = review(client)
    assert any('"basket_lineattribute"' in sql for sql in _statements(queries))  # the honey's line has one
    basket = client.get("/shop/basket/").content.decode()
    assert "Chúc mừng năm mới" in basket

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/shop/checkout/preview/", fields)
    assert response.status_code == 302 and response["Location"] == "/shop/checkout/thank-you/"
    honey = OrderLine.objects.get(product=shop["honey"])
    assert [(attribute.option, attribute.value) for attribute in honey.attributes.all()] == [(engraving, "Chúc mừng năm mới")]
    assert not OrderLine.objects.get(product=shop["tea"]).attributes.exists()
