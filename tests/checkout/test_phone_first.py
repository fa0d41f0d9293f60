"""Phone-first checkout (issue 14.7): a guest may buy with a mobile number and no e-mail, finds the order again
with its number and that mobile number, and the commune list follows the province without a reload."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from .conftest import checkout, fill_details

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def _lookup_limits(settings):
    settings.ORDER_LOOKUP_ATTEMPTS = 50
    settings.ORDER_LOOKUP_ATTEMPTS_PER_NUMBER = 50


def lookup(client, number, contact):
    return client.post(reverse("checkout:order-lookup"), {"number": number, "contact": contact})


def test_a_guest_buys_with_a_mobile_number_and_no_email(client, shop, hanoi_commune, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout(client, [(shop["tea"], 1)], email="")

    assert response.status_code == 302 and response["Location"].endswith("/thank-you/")
    order = Order.objects.get()
    assert order.guest_email == "" and str(order.shipping_address.phone_number) == "+84912345678"
    # The seller hears of its new order; the buyer has no address to write to, and that is no error.
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {shop["tea_seller"].email}
    thank_you = client.get(response["Location"]).content.decode()
    assert order.number in thank_you
    assert "số điện thoại" in thank_you


def test_a_bad_email_is_still_refused_when_one_is_given(client, shop, hanoi_commune):
    client.post(f"/shop/basket/add/{shop['tea'].pk}/", {"quantity": 1})

    response = fill_details(client, email="khach@")

    assert response.status_code == 200
    assert "email" in response.context["form"].errors


@pytest.mark.parametrize("spelling", ["0912 345 678", "0912345678", "+84 912 345 678", "84912345678"])
def test_a_guest_finds_the_order_by_number_and_mobile_number(client, shop, hanoi_commune, spelling):
    checkout(client, [(shop["tea"], 1)], email="")
    order = Order.objects.get()
    visitor = client.__class__()  # another device: no session from the checkout

    response = lookup(visitor, order.number, spelling)

    assert response.status_code == 302
    assert response["Location"] == reverse("customer:anon-order", args=[order.number, order.verification_hash()])
    assert order.number in visitor.get(response["Location"]).content.decode()


def test_a_wrong_number_or_phone_gets_one_answer(client, shop, hanoi_commune):
    checkout(client, [(shop["tea"], 1)], email="khach@example.vn")
    order = Order.objects.get()

    answers = [lookup(client, order.number, "0987 654 321"), lookup(client, "999999", "0912 345 678"), lookup(client, order.number, "")]

    for response in answers:
        assert response.status_code == 200
        assert "Không có đơn hàng nào khớp" in response.content.decode() or "No order matches" in response.content.decode()
    assert lookup(client, order.number, "KHACH@example.vn").status_code == 302  # the e-mail still works


def test_the_communes_of_a_province_as_json(client, localities):
    client.get(reverse("ocop-communes-api"), {"province": "01"})  # warm the cache

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("ocop-communes-api"), {"province": "01"})

    assert not [query for query in queries if "ocop_catalog" in query["sql"]]  # the localities come from the cache

    data = response.json()
    assert data["province"] == "01"
    assert {"code": "00004", "name": "Phường Ba Đình"} in data["communes"]
    assert all(commune["code"] for commune in data["communes"]) and len(data["communes"]) > 20
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.parametrize("province", ["", "99", "01' OR 1=1", "\x00"])
def test_an_unknown_province_is_a_clear_400(client, localities, province):
    response = client.get(reverse("ocop-communes-api"), {"province": province})

    assert response.status_code == 400
    assert "error" in response.json()


def test_the_checkout_form_asks_the_script_to_fill_the_communes(client, shop, hanoi_commune):
    client.post(f"/shop/basket/add/{shop['tea'].pk}/", {"quantity": 1})

    html = client.get("/shop/checkout/").content.decode()

    assert f'data-communes-url="{reverse("ocop-communes-api")}"' in html
    assert 'data-communes-for="id_commune"' in html
    assert "js/communes.js" in html
    assert 'name="show_communes"' in html  # the no-JavaScript path stays


def test_the_seller_application_form_fills_communes_in_place_too(client, localities):
    html = client.get(reverse("sellers:apply")).content.decode()

    assert f'data-communes-url="{reverse("ocop-communes-api")}"' in html and 'data-communes-for="id_commune"' in html
    assert "js/communes.js" in html and 'name="choose_province"' in html
