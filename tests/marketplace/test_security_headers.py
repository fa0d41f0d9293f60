"""Every page carries a Content-Security-Policy its own markup satisfies, and a Permissions-Policy."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, "no Content-Security-Policy header"
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.fixture
def home(db):
    from cms.services import cms_setup_ensure

    cms_setup_ensure()


@pytest.mark.parametrize("url", ["/", "/shop/catalogue/", "/shop/basket/", "/shop/accounts/login/", "/tin-tuc/"])
def test_shop_pages_allow_only_their_own_scripts(client, home, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)

    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "https://js.stripe.com" not in policy["script-src"]  # Stripe only where a card is paid
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    nonce = next(v for v in policy["script-src"] if v.startswith("'nonce-"))[len("'nonce-"):-1]
    # Each inline script carries this response's nonce; every other script is a file of ours.
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", response.content.decode(), re.S):
        if "src=" in attributes:
            assert re.search(r'src="/static/', attributes), attributes
        elif 'type="application/json"' not in attributes and 'type="application/ld+json"' not in attributes:
            assert f'nonce="{nonce}"' in attributes, body[:80]
    assert "<style" not in response.content.decode()


def test_each_response_gets_a_new_nonce(client, home):
    first = directives(client.get("/shop/catalogue/"))["script-src"]
    second = directives(client.get("/shop/catalogue/"))["script-src"]

    assert first != second


def test_admin_pages_get_the_relaxed_policy_they_need(client):
    """Wagtail's and Oscar's admin write inline scripts and styles of their own (staff only)."""
    policy = directives(client.get("/cms-admin/login/"))

    assert "'unsafe-inline'" in policy["script-src"]
    assert not any(v.startswith("'nonce-") for v in policy["script-src"])  # a nonce would disable unsafe-inline
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


def test_permissions_policy_turns_off_features_no_page_uses(client, home):
    header = client.get("/").headers.get("Permissions-Policy", "")

    for feature in ("camera=()", "microphone=()", "geolocation=()", "usb=()"):
        assert feature in header
    assert 'payment=(self "https://js.stripe.com")' in header
