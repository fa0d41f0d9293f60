"""The card payment page, and only it, lets Stripe.js in; its own script is a static file."""

import pytest

from tests.checkout.test_stripe import card_order, stripe_api  # noqa: F401 — fixtures reused

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    parts = (p.strip().split() for p in response.headers["Content-Security-Policy"].split(";") if p.strip())
    return {name: values for name, *values in parts}


def test_the_card_page_allows_stripe_js_and_its_frames(card_order, client):  # noqa: F811
    response = client.get("/shop/checkout/card/")
    policy = directives(response)
    html = response.content.decode()

    assert "https://js.stripe.com" in policy["script-src"]
    assert "https://js.stripe.com" in policy["frame-src"]
    assert "https://api.stripe.com" in policy["connect-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert '<script src="https://js.stripe.com/v3/"></script>' in html
    assert '<script src="/static/js/card-payment.js"></script>' in html
    assert "confirmCardPayment" not in html  # no inline script left on the page


def test_the_review_page_script_is_a_static_file(client, shop):
    from tests.checkout.conftest import add_to_basket, fill_details

    add_to_basket(client, shop["tea"])
    fill_details(client)
    html = client.get("/shop/checkout/preview/").content.decode()

    assert 'src="/static/js/place-order.js"' in html
    assert "addEventListener" not in html
