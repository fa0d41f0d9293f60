"""The product page, the page every shared link lands on (issue 16.5): few queries when warm, none of them a
write, and still a change of price, stock, certificate or review visible on the next request."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.checkout.analytics import VIEWS_PER_WRITE
from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")

WARM_QUERY_BUDGET = 6


@pytest.fixture
def product(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Ba Đình")
    return make_product(producer=producer, title="Mật ong bạc hà", price_vnd=250_000, stars=4)


def warm(client, url) -> tuple[list[str], str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries], response.content.decode()


def test_a_warm_product_page_reads_six_queries_and_writes_nothing(client, product):
    queries, _html = warm(client, product.get_absolute_url())

    print(f"\nwarm product page: {len(queries)} queries")
    assert len(queries) <= WARM_QUERY_BUDGET, "\n".join(q[:120] for q in queries)
    assert not [q for q in queries if q.lstrip().upper().startswith(("UPDATE", "INSERT", "SAVEPOINT"))]


def test_views_are_counted_in_batches_not_one_write_each(client, product, django_capture_on_commit_callbacks):
    url = product.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(VIEWS_PER_WRITE - 1):
            client.get(url)
    assert not ProductRecord.objects.filter(product=product, num_views__gt=0).exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)

    assert ProductRecord.objects.get(product=product).num_views == VIEWS_PER_WRITE


def test_a_new_price_and_stock_show_on_the_next_request(client, product):
    url = product.get_absolute_url()
    warm(client, url)

    StockRecord.objects.filter(product=product).update(price=199_000, num_in_stock=0)
    html = client.get(url).content.decode()

    assert "199.000" in html and "250.000" not in html
    assert "Add to basket" not in html and "Thêm vào giỏ" not in html


def test_an_approved_review_shows_on_the_next_request(client, product):
    url = product.get_absolute_url()
    warm(client, url)
    buyer = get_user_model().objects.create_user(email="nguoimua@example.vn", password="mat-khau-thu-1")
    review = ProductReview.objects.create(
        product=product, user=buyer, score=5, title="Mật thơm", body="Đặc, thơm mùi bạc hà.", status=ProductReview.FOR_MODERATION
    )
    assert "Mật thơm" not in client.get(url).content.decode()

    review.status = ProductReview.APPROVED
    review.save()
    html = client.get(url).content.decode()

    assert "Mật thơm" in html
    review.delete()
    assert "Mật thơm" not in client.get(url).content.decode()
