"""A cooperative adds the producers it sells for and lists their goods (issue 12.0), from a phone, with or without
JavaScript."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, Producer
from ocop_catalog.services import ProducerData, producer_save
from sellers.services import seller_suspend
from tests.sellers.test_dashboard import product_form

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


@pytest.fixture
def cooperative(make_seller, client):
    seller = make_seller(name="HTX Dịch vụ Nông nghiệp Mường Khương")
    client.force_login(seller.partner.users.get())
    return seller


@pytest.fixture
def far_commune(localities):
    return Commune.objects.exclude(province_id="01").select_related("province").order_by("code").first()


def test_adding_a_producer_then_listing_its_goods(client, cooperative, far_commune):
    response = client.post("/shop/seller/san-xuat/moi/", {
        "name": "Hộ Giàng A Páo", "kind": "household", "province": far_commune.province_id, "commune": far_commune.code,
        "tax_code": "", "story": "Trồng gừng trên nương.", "latitude": "22.6", "longitude": "104.1",
    })  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/shop/seller/san-xuat/"
    member = Producer.objects.get(name="Hộ Giàng A Páo")
    assert (member.partner_id, member.commune_id, member.map_point) == (cooperative.partner_id, far_commune.code, (22.6, 104.1))

    form_page = client.get("/shop/seller/products/new/").content.decode()
    assert 'name="ocop_producer"' in form_page and "Hộ Giàng A Páo" in form_page
    client.post("/shop/seller/products/new/", {**product_form(sku="GUNG-1", title="Gừng khô"), "ocop_producer": member.pk})

    ginger = Product.objects.get(title="Gừng khô")
    assert ginger.ocop_producer == member and ginger.producer == cooperative.partner
    listing = client.get("/shop/seller/san-xuat/").content.decode()
    assert "Hộ Giàng A Páo" in listing and far_commune.name in listing


def test_a_seller_that_makes_everything_itself_is_not_asked(client, cooperative):
    assert 'name="ocop_producer"' not in client.get("/shop/seller/products/new/").content.decode()


def test_editing_a_producer_and_moving_a_product_to_it(client, cooperative, far_commune):
    member = producer_save(partner=cooperative.partner, data=ProducerData(name="Hộ Lý", kind="household", commune=far_commune))
    client.post("/shop/seller/products/new/", product_form(sku="A-1", title="Miến dong"))
    product = Product.objects.get(title="Miến dong")
    assert product.ocop_producer.is_seller_itself

    page = client.get(f"/shop/seller/products/{product.pk}/")
    data = {**product_form(sku="A-1", title="Miến dong"), "ocop_producer": member.pk, "stock_read": page.context["form"].initial["stock_read"]}
    client.post(f"/shop/seller/products/{product.pk}/", data)
    product.refresh_from_db()
    assert product.ocop_producer == member

    edit = client.get(f"/shop/seller/san-xuat/{member.pk}/")
    assert edit.status_code == 200 and edit.context["form"].initial["commune"] == far_commune.code
    client.post(f"/shop/seller/san-xuat/{member.pk}/", {
        "name": "Hộ Lý Văn Miến", "kind": "household", "province": far_commune.province_id, "commune": far_commune.code,
    })  # fmt: skip
    member.refresh_from_db()
    assert member.name == "Hộ Lý Văn Miến" and member.slug.startswith("ho-ly")  # the slug (public link) is kept


def test_without_javascript_choosing_a_province_shows_its_communes(client, cooperative, far_commune):
    response = client.post("/shop/seller/san-xuat/moi/", {"name": "Hộ X", "province": far_commune.province_id, "choose_province": "1"})

    page = response.content.decode()
    assert response.status_code == 200 and f'value="{far_commune.code}"' in page
    assert not Producer.objects.filter(name="Hộ X").exists()


@pytest.mark.parametrize(
    "change, field",
    [
        ({"commune": ""}, "commune"),
        ({"latitude": "21.0"}, "longitude"),
        ({"latitude": "91", "longitude": "105"}, "latitude"),
        ({"tax_code": "12345"}, "tax_code"),
        ({"name": "Hộ\x00X"}, "name"),
    ],
)
def test_bad_producer_input_is_a_clear_error(client, cooperative, far_commune, change, field):
    data = {"name": "Hộ Mới", "kind": "household", "province": far_commune.province_id, "commune": far_commune.code, **change}

    response = client.post("/shop/seller/san-xuat/moi/", data)

    assert response.status_code == 200 and response.context["form"].errors.get(field)
    assert not Producer.objects.filter(name__startswith="Hộ").exclude(is_seller_itself=True).exists()


def test_a_suspended_seller_cannot_add_producers(client, cooperative, far_commune):
    seller_suspend(seller=cooperative, reason="Kiểm tra")

    client.post("/shop/seller/san-xuat/moi/", {"name": "Hộ Y", "kind": "household", "province": far_commune.province_id, "commune": far_commune.code})

    assert not Producer.objects.filter(name="Hộ Y").exists()


def test_the_producer_list_keeps_its_query_count(client, cooperative, far_commune):
    client.get("/shop/seller/san-xuat/")
    with CaptureQueriesContext(connection) as few:
        client.get("/shop/seller/san-xuat/")
    for number in range(15):
        producer_save(partner=cooperative.partner, data=ProducerData(name=f"Hộ số {number}", kind="household", commune=far_commune))
    with CaptureQueriesContext(connection) as many:
        client.get("/shop/seller/san-xuat/")
    assert len(many) == len(few)
