"""Editors pick OCOP products for the featured-products block in a Wagtail chooser."""

import pytest
from django.urls import reverse

from cms import services
from tests.factories import make_product

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer_client(client, sections, django_user_model):
    client.force_login(make_user(django_user_model, email="bientap@example.vn", group=services.COMMUNICATION_STAFF))
    return client


def test_chooser_lists_only_products_still_sold_and_searches_titles_and_skus(writer_client, producer):
    tea = make_product(producer=producer, title="Chè búp Tân Cương")
    make_product(producer=producer, title="Mật ong bạc hà")
    hidden = make_product(producer=producer, title="Chè ngừng bán")
    hidden.is_public = False
    hidden.save()
    url = reverse("ocop_product_chooser:choose_results")

    listing = writer_client.get(url).content.decode()
    by_title = writer_client.get(url, {"q": "tân cương"}).content.decode()
    by_sku = writer_client.get(url, {"q": tea.stockrecords.get().partner_sku}).content.decode()

    assert "Chè búp Tân Cương" in listing and "Mật ong bạc hà" in listing and "Chè ngừng bán" not in listing
    assert "Chè búp Tân Cương" in by_title and "Mật ong bạc hà" not in by_title
    assert "Chè búp Tân Cương" in by_sku and "Mật ong bạc hà" not in by_sku


def test_chooser_modal_opens_for_communication_staff(writer_client, producer):
    make_product(producer=producer, title="Gạo ST25")

    response = writer_client.get(reverse("ocop_product_chooser:choose"))

    assert response.status_code == 200
    assert "Gạo ST25" in response.json()["html"]


def test_article_with_featured_products_opens_in_the_editor(writer_client, producer):
    from .factories import featured, make_news

    product = make_product(producer=producer, title="Tiêu đen Phú Quốc")
    article = make_news(body=[featured(product)])

    response = writer_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "/cms-admin/ocop-product-chooser/" in html  # the block's chooser widget
    assert "Ti\\u00eau \\u0111en Ph\\u00fa Qu\\u1ed1c" in html  # the chosen product, in the block's JSON state
