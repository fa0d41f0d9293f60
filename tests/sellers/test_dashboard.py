import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate
from sellers.services import seller_suspend
from tests.ocop_catalog.test_text_and_money import NBSP

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def product_form(**overrides):
    values = {
        "sku": "CHE-200G", "title": "Chè Tân Cương 200g", "description": "Chè búp khô.",
        "group": "do-uong", "price_vnd": "120000", "stock": "40", "is_public": "on",
    }  # fmt: skip
    values.update(overrides)
    return values


@pytest.fixture
def seller(make_seller):
    return make_seller(name="HTX Chè Tân Cương")


@pytest.fixture
def seller_client(client, seller):
    client.force_login(seller.partner.users.get())
    return client


def jpeg_upload(name="anh.jpg"):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (40, 120, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_seller_lists_a_product_that_appears_in_the_shop_in_vnd(seller_client, seller, client):
    response = seller_client.post("/shop/seller/products/new/", product_form())

    assert response.status_code == 302
    product = Product.objects.get(producer=seller.partner)
    record = StockRecord.objects.get(product=product)
    assert (record.partner_sku, record.price, record.num_in_stock) == ("CHE-200G", 120000, 40)
    assert product.categories.get().slug == "do-uong"
    html = seller_client.get(product.get_absolute_url()).content.decode()
    assert f"120.000{NBSP}₫" in html


def test_same_sku_twice_is_refused(seller_client, seller):
    seller_client.post("/shop/seller/products/new/", product_form())
    response = seller_client.post("/shop/seller/products/new/", product_form(title="Khác"))

    assert "sku" in response.context["form"].errors
    assert Product.objects.filter(producer=seller.partner).count() == 1


def test_seller_edits_price_and_stock(seller_client, seller):
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)

    seller_client.post(f"/shop/seller/products/{product.pk}/", product_form(price_vnd="135000", stock="5"))

    record = StockRecord.objects.get(product=product)
    assert (record.price, record.num_in_stock) == (135000, 5)


def test_seller_uploads_a_photo_and_a_non_image_is_refused(seller_client, seller):
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)

    seller_client.post(f"/shop/seller/products/{product.pk}/images/", {"image": jpeg_upload("../../etc/passwd.jpg")})
    seller_client.post(
        f"/shop/seller/products/{product.pk}/images/",
        {"image": SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")},
    )

    (image,) = product.images.all()
    assert "passwd" not in image.original.name and ".." not in image.original.name


def test_submitted_certificate_shows_stars_only_after_staff_verify_it(seller_client, seller, admin_client):
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)
    issued = datetime.date.today() - datetime.timedelta(days=10)

    seller_client.post(
        f"/shop/seller/products/{product.pk}/certificate/",
        {"stars": "4", "score": "78", "number": "88/QĐ-UBND", "issuer": "UBND tỉnh Thái Nguyên",
         "level": "province", "issued_on": issued.isoformat()},
    )  # fmt: skip

    certificate = OcopCertificate.objects.get(product=product)
    assert certificate.status == OcopCertificate.Status.PENDING
    assert Product.objects.get(pk=product.pk).ocop_stars is None
    admin_client.post(f"/shop/dashboard/sellers/certificates/{certificate.pk}/review/", {"decision": "verify"})
    assert Product.objects.get(pk=product.pk).ocop_stars == 4


def test_certificate_with_stars_that_disagree_with_the_score_is_refused(seller_client, seller):
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)

    response = seller_client.post(
        f"/shop/seller/products/{product.pk}/certificate/",
        {"stars": "5", "score": "78", "number": "1", "issuer": "Bộ", "level": "central", "issued_on": "2025-01-01"},
    )

    assert "stars" in response.context["form"].errors
    assert not OcopCertificate.objects.filter(product=product).exists()


def test_suspension_takes_products_out_of_the_shop_and_the_basket_but_keeps_them(seller_client, seller, client):
    seller_client.post("/shop/seller/products/new/", product_form())
    product = Product.objects.get(producer=seller.partner)
    assert client.get(product.get_absolute_url()).status_code == 200

    seller_suspend(seller=seller, reason="Hồ sơ chứng nhận không hợp lệ.")

    assert client.get(product.get_absolute_url()).status_code == 404
    assert product not in client.get("/shop/catalogue/").context["products"]
    client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})
    assert client.get("/shop/basket/").context["basket"].num_items == 0
    assert Product.objects.filter(pk=product.pk).exists()
    # The suspended seller still sees its history but cannot change listings.
    assert seller_client.get("/shop/seller/products/").status_code == 200
    seller_client.post(f"/shop/seller/products/{product.pk}/", product_form(price_vnd="1000"))
    assert StockRecord.objects.get(product=product).price == 120000


def test_shoppers_and_staff_without_a_seller_get_no_seller_dashboard(client, admin_client, django_user_model):
    assert client.get("/shop/seller/").status_code == 302  # to sign in
    shopper = django_user_model.objects.create_user(email="buyer@example.vn", password="x")
    client.force_login(shopper)
    assert client.get("/shop/seller/products/").status_code == 403
