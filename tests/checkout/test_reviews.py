"""Reviews: open only to buyers whose seller's part was delivered; verified mark; averages shown."""

import pytest
from oscar.core.loading import get_model

from sellers import fulfilment

from .conftest import checkout

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def buyer(django_user_model, client):
    user = django_user_model.objects.create_user(email="binh@example.vn", password="x", first_name="Bình")
    client.force_login(user)
    return user


def deliver(order):
    for part in order.fulfilments.all():
        fulfilment.fulfilment_confirm(fulfilment=part)
        fulfilment.fulfilment_ship(fulfilment=part, carrier="VNPost", tracking_code="VN1")
        fulfilment.fulfilment_deliver(fulfilment=part)


def review_url(product):
    return f"/shop/catalogue/{product.slug}_{product.pk}/reviews/add/"


def test_a_visitor_who_did_not_buy_cannot_review(client, shop, buyer):
    response = client.post(review_url(shop["tea"]), {"title": "Ngon", "score": 5, "body": "Chè ngon"})

    assert response.status_code == 302 and response["Location"] == shop["tea"].get_absolute_url()
    assert not ProductReview.objects.exists()


def test_a_buyer_whose_order_is_not_delivered_yet_cannot_review(client, shop, buyer):
    checkout(client, [(shop["tea"], 1)])

    client.post(review_url(shop["tea"]), {"title": "Ngon", "score": 5, "body": "Chè ngon"})

    assert not ProductReview.objects.exists()
    assert "Write a review" not in client.get(shop["tea"].get_absolute_url()).content.decode()


def test_a_guest_is_sent_to_sign_in(client, shop):
    response = client.get(review_url(shop["tea"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_buyer_who_received_the_product_reviews_it_with_a_verified_mark_and_the_average_shows(client, shop, buyer):
    checkout(client, [(shop["tea"], 1), (shop["honey"], 1)])
    order = Order.objects.get()
    honey_part = order.fulfilments.get(partner=shop["honey_seller"].partner)
    deliver(order)

    assert client.get(review_url(shop["tea"])).status_code == 200
    client.post(review_url(shop["tea"]), {"title": "Chè thơm", "score": 4, "body": "Nước xanh, vị chát dịu."})

    review = ProductReview.objects.get()
    assert review.is_verified_purchase and review.user == buyer
    shop["tea"].refresh_from_db()
    assert shop["tea"].rating == 4.0
    page = client.get(shop["tea"].get_absolute_url()).content.decode()
    assert "Chè thơm" in page and "badge--verified" in page and "4,0 / 5" in page
    honey_part.refresh_from_db()
    assert honey_part.status == "delivered"


def test_a_part_delivered_by_one_seller_opens_reviews_of_that_sellers_products_only(client, shop, buyer):
    checkout(client, [(shop["tea"], 1), (shop["honey"], 1)])
    order = Order.objects.get()
    tea_part = order.fulfilments.get(partner=shop["tea_seller"].partner)
    fulfilment.fulfilment_confirm(fulfilment=tea_part)
    fulfilment.fulfilment_ship(fulfilment=tea_part, carrier="VNPost", tracking_code="VN1")
    fulfilment.fulfilment_deliver(fulfilment=tea_part)

    assert client.get(review_url(shop["tea"])).status_code == 200
    assert client.get(review_url(shop["honey"])).status_code == 302


def _rate(product, rating):
    # As Oscar's Product.update_rating does after a review: a save, which reaches the search
    # index and retires the cached product cards.
    product.refresh_from_db()
    product.rating = rating
    product.save()


def test_the_average_shows_in_listings_at_the_same_query_count(client, shop):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _rate(shop["tea"], 4.5)
    client.get("/shop/catalogue/")
    with CaptureQueriesContext(connection) as without_second:
        client.get("/shop/catalogue/")
    _rate(shop["honey"], 3.0)
    client.get("/shop/catalogue/")  # warm again: the change retired the cached search answer
    with CaptureQueriesContext(connection) as with_second:
        html = client.get("/shop/catalogue/").content.decode()

    assert len(with_second) == len(without_second)  # the denormalised Product.rating: no N+1
    assert html.count('class="card__rating"') == 2 and "4,5" in html


def test_a_product_page_cached_for_guests_still_invites_the_buyer_and_never_the_guests(client, shop, buyer):
    from django.test import Client

    guest = Client()
    url = shop["tea"].get_absolute_url()
    invitation = f'href="{review_url(shop["tea"])}"'
    checkout(client, [(shop["tea"], 1)])
    deliver(Order.objects.get())
    guest.get(url)
    assert invitation not in guest.get(url).content.decode()  # the page body is cached now

    assert invitation in client.get(url).content.decode()
    assert invitation not in guest.get(url).content.decode()
