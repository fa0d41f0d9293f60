"""The catalogue's recommended order (issue 14.3): certificate, photo, stock, freshness, sales — then the newest.

Each product below differs from the next by one sign, so the expected order is worked out by hand from the signs,
not from the ranking code.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from search.backends.database import DatabaseSearchBackend
from search.query import ProductQuery
from search.services import search_products_changed
from tests.factories import make_producer, make_product
from tests.factories.orders import place_order

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductRecord = get_model("analytics", "ProductRecord")
TODAY = timezone.localdate()
OLD = timezone.now() - datetime.timedelta(days=90)
EXPIRED = TODAY - datetime.timedelta(days=4 * 365)  # issued four years ago: 36 months of validity are over


def _make(producer, key, *, stars=None, issued_on=None, photo=False, stock=10, fresh=False, sold=0):
    product = make_product(producer=producer, title=f"Bánh xếp hạng {key}", stars=stars, issued_on=issued_on, stock=stock)
    if photo:
        ProductImage.objects.create(product=product, original=f"images/products/{key}.jpg", display_order=0)
    if not fresh:
        Product.objects.filter(pk=product.pk).update(date_created=OLD)
    if sold:
        ProductRecord.objects.create(product=product, num_purchases=sold)
    search_products_changed(product_ids=[product.pk])
    return product


@pytest.fixture
def ranked(localities):
    """Products by key, in the order the signs put them: every pair differs by the sign that decides."""
    producer = make_producer(commune=Commune.objects.get(code="00004"))
    make = lambda key, **signs: _make(producer, key, **signs)  # noqa: E731
    return {
        # Certified, photo, in stock, fresh: all four first signs.
        "all": make("all", stars=4, photo=True, fresh=True),
        # Old, but 100+ sold: sales come after freshness, so below "all".
        "best_seller": make("best_seller", stars=3, photo=True, sold=150),
        # Old, 10–99 sold.
        "seller": make("seller", stars=5, photo=True, sold=15),
        # Old, nothing sold: newest of the rest breaks no tie here.
        "plain": make("plain", stars=4, photo=True),
        # Certified with a photo but sold out.
        "sold_out": make("sold_out", stars=4, photo=True, stock=0),
        # Certified, no photo: a photo alone never beats a certificate.
        "no_photo": make("no_photo", stars=3, stock=0),
        # No certificate, everything else: photo, stock, fresh, a best seller.
        "uncertified": make("uncertified", photo=True, fresh=True, sold=500),
        # An expired certificate counts as none; otherwise as "uncertified" but fresh and unsold.
        "expired": make("expired", stars=5, issued_on=EXPIRED, photo=True, fresh=True),
    }


EXPECTED = ["all", "best_seller", "seller", "plain", "sold_out", "no_photo", "uncertified", "expired"]


def _keys(ranked, ids):
    by_id = {product.pk: key for key, product in ranked.items()}
    return [by_id[pk] for pk in ids if pk in by_id]


def test_recommended_order_is_certificate_photo_stock_freshness_sales(ranked):
    page = DatabaseSearchBackend().search(ProductQuery(sort="recommended", page_size=50))

    assert _keys(ranked, [hit.id for hit in page.hits]) == EXPECTED


def test_recommended_order_applies_to_words_too(ranked):
    page = DatabaseSearchBackend().search(ProductQuery(text="banh xep hang", sort="recommended", page_size=50))

    assert _keys(ranked, [hit.id for hit in page.hits]) == EXPECTED


def test_the_catalogue_shows_the_recommended_order_by_default_and_says_what_it_is(client, ranked):
    response = client.get(reverse("catalogue:index"))

    assert response.status_code == 200
    cards = [hit.id for hit in response.context["result"].hits]
    assert _keys(ranked, cards) == EXPECTED
    html = response.content.decode()
    assert '<option value="recommended" selected>' in html
    assert "chứng nhận OCOP còn hiệu lực" in html


def test_a_product_that_sells_into_a_higher_band_moves_up(ranked, django_capture_on_commit_callbacks):
    # "plain" (nothing sold) and "seller" (15 sold) differ only by sales: selling 100 moves plain above it.
    with django_capture_on_commit_callbacks(execute=True):
        place_order(items=[(ranked["plain"], 9)])  # 1–9 sold: band 1, still below "seller" (band 2)
    page = DatabaseSearchBackend().search(ProductQuery(sort="recommended", page_size=50))
    assert _keys(ranked, [hit.id for hit in page.hits]).index("plain") > EXPECTED.index("seller")

    ranked["plain"].stockrecords.update(num_in_stock=200)
    with django_capture_on_commit_callbacks(execute=True):
        place_order(items=[(ranked["plain"], 100)])  # 109 sold: band 3

    page = DatabaseSearchBackend().search(ProductQuery(sort="recommended", page_size=50))
    order = _keys(ranked, [hit.id for hit in page.hits])
    assert order.index("plain") < order.index("seller")
    assert order.index("plain") > order.index("all"), "freshness still outweighs sales"
