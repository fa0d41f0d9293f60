import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from ocop_catalog.demo.catalogue import PRODUCERS, PRODUCTS
from ocop_catalog.models import OcopCertificate

pytestmark = pytest.mark.django_db

MODELS = [
    ("ocop_catalog", "Producer"), ("partner", "Partner"), ("catalogue", "Product"), ("partner", "StockRecord"),
    ("catalogue", "ProductImage"), ("catalogue", "Category"), ("catalogue", "ProductCategory"),
    ("sellers", "Seller"), ("users", "User"),
]  # fmt: skip


def counts():
    result = {f"{app}.{name}": get_model(app, name).objects.count() for app, name in MODELS}
    result["certificates"] = OcopCertificate.objects.count()
    result["catalogue certificates"] = OcopCertificate.objects.filter(dossier__isnull=True).count()
    return result


@pytest.mark.slow  # loads the whole demo (load_demo_data)
def test_load_demo_data_twice_gives_the_same_counts(localities):
    call_command("load_demo_data", verbosity=0)
    first = counts()
    call_command("load_demo_data", verbosity=0)

    assert counts() == first
    assert first["catalogue.Product"] == len(PRODUCTS) >= 60
    assert first["partner.Partner"] == len(PRODUCERS) >= 12
    assert first["catalogue.ProductImage"] == len(PRODUCTS)
    # The catalogue's own; the demo evaluation issues more, from its dossiers.
    assert first["catalogue certificates"] == sum(1 for demo in PRODUCTS if demo.certificate)


def test_the_demo_sales_point_lists_goods_of_producers_from_several_communes(demo_catalogue, client):
    from ocop_catalog.demo.catalogue import MEMBERS

    Product = get_model("catalogue", "Product")
    sold = list(Product.objects.filter(producer__code="diem-ban-ocop-sa-pa").select_related("ocop_producer__commune"))

    assert {product.ocop_producer.name for product in sold} == {member.name for member in MEMBERS}
    assert len({product.ocop_producer.commune_id for product in sold}) == len(MEMBERS) >= 3
    member = sold[0].ocop_producer
    page = client.get(f"/shop/san-xuat/{member.slug}/")
    assert page.status_code == 200 and sold[0].title in page.content.decode()


def test_demo_catalogue_spans_provinces_groups_and_ratings(demo_catalogue):
    Product = get_model("catalogue", "Product")
    products = list(Product.objects.select_related("producer__commune").prefetch_related("categories"))

    provinces = {product.producer.commune.province_id for product in products}
    groups = {category.slug for product in products for category in product.categories.all()}
    stars = {product.ocop_stars for product in products}

    assert len(provinces) >= 10
    assert groups == {"thuc-pham", "do-uong", "thao-duoc", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich"}
    assert {3, 4, 5, None} <= stars
    assert any(product.ocop_certificate and product.ocop_certificate.is_expired for product in products)
    assert any(product.ocop_certificate is None for product in products)


@pytest.mark.slow  # loads the whole demo (load_demo_data)
def test_a_demo_seller_signs_in_and_sees_its_own_products(localities, client, settings):
    from django.http import HttpRequest

    from sellers.demo import demo_seller_email

    settings.DEMO_ACCOUNTS_ENABLED = True  # as on a local or staging site (DEBUG or LOAD_DEMO_DATA=true)
    call_command("load_demo_data", verbosity=0)
    producer = PRODUCERS[0]

    # django-axes counts sign-ins per client address, so authentication needs a request.
    credentials = {"username": demo_seller_email(producer.code), "password": settings.DEMO_PASSWORD}
    assert client.login(request=HttpRequest(), **credentials)
    products = list(client.get("/shop/seller/products/").context["products"])

    assert products
    assert {product.producer.code for product in products} == {producer.code}
