"""Issue 14.9: the basket and its messages speak Vietnamese, in the site's own style."""

import pytest

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(localities):
    return make_product(producer=make_producer(commune=Commune.objects.get(code="00004")), title="Mật ong bạc hà", price_vnd=250_000, stock=80)


def test_adding_to_the_basket_says_so_in_vietnamese_in_the_sites_notice_style(client, product):
    response = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1}, follow=True)

    html = response.content.decode()
    assert "Đã thêm <strong>Mật ong bạc hà</strong> vào giỏ hàng." in html
    assert "Tổng giỏ hàng hiện là <strong>250.000" in html
    assert "Your basket total is now" not in html
    assert 'class="notice notice--success"' in html
    assert "alert-dismissible" not in html


def test_the_basket_page_reads_as_plain_vietnamese(client, product):
    client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})

    html = client.get("/shop/basket/").content.decode()

    assert "Sản phẩm trong giỏ" in html
    assert "Còn hàng (còn 80)" in html
    for bad in ("Những vật phẩm để mua bây giờ", "Trong kho (", "tối đa của"):
        assert bad not in html


def test_asking_for_more_than_the_stock_says_how_many_can_be_bought(client, product):
    response = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 81}, follow=True)

    html = response.content.decode()
    assert "chỉ mua được tối đa 80" in html
    assert "tối đa của" not in html


def test_a_line_is_removed_without_javascript(client, product):
    client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 2})
    page = client.get("/shop/basket/")
    formset = page.context["formset"]
    data = {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(formset.forms[0].instance.pk), "form-0-quantity": "2", "form-0-DELETE": "on",
    }  # fmt: skip
    html = page.content.decode()
    assert 'data-behaviours="remove"' not in html  # Oscar's script-only link
    assert '<label class="basket-line__check"><input type="checkbox" name="form-0-DELETE"' in html  # a checkbox anyone can tick

    response = client.post("/shop/basket/", data, follow=True)

    assert "Giỏ hàng của bạn trống." in response.content.decode()
