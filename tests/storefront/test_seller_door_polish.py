"""Issue 14.5: the door to sell is on every page, and sellers get to their dashboard."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.sellers.conftest import make_seller  # noqa: F401 — fixture

pytestmark = pytest.mark.django_db

PASSWORD = "ocop-polish-2026"
APPLY = 'href="/shop/seller/apply/"'
DASHBOARD = 'href="/shop/seller/"'


@pytest.fixture
def seller_user(make_seller):  # noqa: F811
    user = make_seller(name="HTX Chè Tân Cương").partner.users.get()
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, *, email, next_url=""):
    path = "/shop/accounts/login/" + (f"?next={next_url}" if next_url else "")
    form = {"login-username": email, "login-password": PASSWORD, "login-redirect_url": next_url, "login_submit": "1"}
    return client.post(path, form)


def test_every_page_links_to_the_seller_application_in_the_header_menu_and_footer(client):
    html = client.get("/shop/catalogue/").content.decode()

    assert html.count(APPLY) >= 3  # header (desktop), the phones' menu, the footer
    assert "Bán hàng cùng Chợ OCOP" in html


def test_a_signed_in_seller_sees_a_link_to_the_seller_dashboard(client, seller_user):
    client.force_login(seller_user)

    html = client.get("/shop/catalogue/").content.decode()

    assert DASHBOARD in html


def test_a_shopper_sees_no_seller_dashboard_link(client):
    shopper = get_user_model().objects.create_user(email="khach@example.vn", password=PASSWORD)
    client.force_login(shopper)

    html = client.get("/shop/catalogue/").content.decode()

    assert DASHBOARD not in html
    assert APPLY in html


def test_a_seller_lands_on_the_seller_dashboard_after_signing_in(client, seller_user):
    response = _login(client, email=seller_user.email)

    assert response.status_code == 302
    assert response["Location"] == "/shop/seller/"


def test_a_seller_who_was_sent_to_sign_in_goes_back_where_they_were(client, seller_user):
    response = _login(client, email=seller_user.email, next_url="/shop/basket/")

    assert response["Location"] == "/shop/basket/"


def test_a_shopper_still_lands_on_the_shop_after_signing_in(client):
    get_user_model().objects.create_user(email="khach@example.vn", password=PASSWORD)

    response = _login(client, email="khach@example.vn")

    assert response["Location"] == "/shop/"


def test_the_seller_check_costs_anonymous_visitors_nothing_and_signed_in_users_one_query(seller_user):
    from django.contrib.auth.models import AnonymousUser
    from django.template import engines

    template = engines["django"].from_string("{% load sellers_tags %}{% user_is_seller user as s %}{{ s }}")
    with CaptureQueriesContext(connection) as queries:
        assert template.render({"user": AnonymousUser()}) == "False"
    assert len(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        assert template.render({"user": seller_user}) == "True"
        assert template.render({"user": seller_user}) == "True"  # asked again on the same page: no new query
    assert len(queries) == 1


def test_the_demo_training_article_on_opening_a_shop_links_to_the_seller_application():
    from cms.demo_content import TRAINING

    article = next(article for article in TRAINING if article.slug == "ban-san-pham-ocop-truc-tuyen-nam-buoc")
    text = "".join(block[1] for block in article.body if block[0] == "text")

    assert '<a href="/shop/seller/apply/">Bán hàng cùng Chợ OCOP</a>' in text
