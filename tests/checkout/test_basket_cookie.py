"""A guest's basket is the one their cookie names (marketplace.basket.middleware reads it by a query written once):
only an open basket of no one, under a valid signature; any other cookie is deleted and the guest starts afresh."""

import pytest
from django.core.signing import Signer
from oscar.core.loading import get_model

from .conftest import add_to_basket

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
COOKIE = "oscar_open_basket"


def _basket_page(client):
    response = client.get("/shop/basket/")
    assert response.status_code == 200
    return response


def test_a_guests_basket_is_the_one_their_cookie_names(client, shop):
    add_to_basket(client, shop["tea"], 2)
    add_to_basket(client, shop["honey"], 1)

    response = _basket_page(client)

    basket = response.context["basket"]
    assert basket.pk == Basket.objects.get().pk and basket.owner is None
    assert sorted((line.product_id, line.quantity) for line in basket.all_lines()) == sorted([(shop["tea"].pk, 2), (shop["honey"].pk, 1)])
    assert COOKIE not in response.cookies  # kept as it is


@pytest.mark.parametrize("case", ["submitted", "someone's", "missing", "forged", "not a number"])
def test_a_cookie_naming_no_open_basket_of_no_one_is_deleted_and_the_guest_starts_afresh(client, shop, django_user_model, case):
    add_to_basket(client, shop["tea"], 2)
    basket = Basket.objects.get()
    value = Signer().sign(str(basket.pk))
    if case == "submitted":
        Basket.objects.filter(pk=basket.pk).update(status=Basket.SUBMITTED)
    elif case == "someone's":
        Basket.objects.filter(pk=basket.pk).update(owner=django_user_model.objects.create_user(email="an@example.vn", password="x"))
    elif case == "missing":
        value = Signer().sign(str(basket.pk + 1000))
    elif case == "forged":
        value = f"{basket.pk + 1}:{value.split(':', 1)[1]}"
    else:
        value = Signer().sign("abc")
    client.cookies[COOKIE] = value

    response = _basket_page(client)

    assert response.context["basket"].pk is None and not response.context["basket"].all_lines()
    assert response.cookies[COOKIE].value == "" and response.cookies[COOKIE]["max-age"] == 0  # deleted
