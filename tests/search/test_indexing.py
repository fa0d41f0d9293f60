"""The search table follows the catalogue: signals → tasks → services, and `search_reindex`."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog import services
from ocop_catalog.models import Commune, OcopCertificate
from search.models import ProductSearchDocument
from search.services import search_documents_rebuild
from search.tasks import index_products
from search.text import fold_words
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="00004"), name="Hợp tác xã Đồng Xanh")


def document(product) -> ProductSearchDocument:
    return ProductSearchDocument.objects.get(pk=product.pk)


def test_a_listed_product_gets_a_folded_document(producer):
    product = make_product(producer=producer, title="Nước mắm Đà Nẵng", price_vnd=120_000, stock=3, stars=4)

    row = document(product)
    assert row.title == "Nước mắm Đà Nẵng"
    assert row.title_text == " nước mắm đà nẵng " and row.title_folded == " nuoc mam da nang "
    assert row.search_text.startswith(" nước mắm đà nẵng mô tả sản phẩm ")
    assert " hợp tác xã đồng xanh " in row.search_text and " phường ba đình " in row.search_text
    assert " thành phố hà nội " in row.search_text and " hà nội " in row.search_text
    assert row.search_folded in ("", fold_words(row.search_text))  # PostgreSQL folds in its own index
    assert (row.province_code, row.commune_code, row.group_slug) == ("01", "00004", "thuc-pham")
    assert (row.price, row.in_stock, row.stars) == (120_000, True, 4)
    assert row.certificate_valid_until > timezone.localdate()


def test_stock_price_certificate_and_category_changes_reach_the_document(producer):
    product = make_product(producer=producer, stock=2)
    record = product.stockrecords.get()

    record.num_allocated = 2
    record.price = 77_000
    record.save()
    assert (document(product).in_stock, document(product).price) == (False, 77_000)

    services.certificate_record(
        product=product,
        data=services.CertificateData(
            stars=5, score=95, number="1/QĐ-BNNMT", issuer="Bộ", level="central", issued_on=datetime.date(2026, 1, 5)
        ),
        status=OcopCertificate.Status.VERIFIED,
    )
    assert (document(product).stars, document(product).certificate_valid_from) == (5, datetime.date(2026, 1, 5))

    drinks = services.product_groups_ensure()["do-uong"]
    product.categories.set([drinks])
    assert document(product).group_slug == "do-uong"


def test_producer_name_and_commune_changes_reach_its_products(producer):
    product = make_product(producer=producer)

    services.producer_create_or_update(code=producer.code, name="Hợp tác xã Núi Thành", commune=Commune.objects.get(code="05503"))

    row = document(product)
    assert " hợp tác xã núi thành " in row.search_text
    assert (row.province_code, row.commune_code, row.seller_name) == ("19", "05503", "Hợp tác xã Núi Thành")


def test_renaming_a_category_reindexes_its_products(producer):
    product = make_product(producer=producer, group="thuc-pham")
    category = Category.objects.get(slug="thuc-pham", depth=1)
    child = category.add_child(name="Nước chấm", slug="nuoc-cham")
    product.categories.add(child)
    ProductSearchDocument.objects.filter(pk=product.pk).update(category_paths="")

    child.name = "Nước chấm truyền thống"
    child.save()

    assert child.path in document(product).category_paths.split()


def test_hidden_and_deleted_products_lose_their_documents(producer):
    hidden = make_product(producer=producer)
    deleted = make_product(producer=producer)

    hidden.is_public = False
    hidden.save()
    deleted.delete()

    assert not ProductSearchDocument.objects.filter(pk__in=[hidden.pk, deleted.pk]).exists()


def test_index_task_takes_ids_and_is_safe_to_run_twice(producer):
    product = make_product(producer=producer, title="Chè Shan tuyết")
    ProductSearchDocument.objects.all().delete()

    assert index_products.apply(args=[[product.pk, product.pk]]).get() == 1
    first = ProductSearchDocument.objects.values().get(pk=product.pk)
    assert index_products.apply(args=[[product.pk]]).get() == 1
    second = ProductSearchDocument.objects.values().get(pk=product.pk)

    assert {**first, "indexed_at": None} == {**second, "indexed_at": None}
    assert ProductSearchDocument.objects.count() == 1


def test_with_a_worker_tasks_are_queued_after_commit(producer, settings, django_capture_on_commit_callbacks):
    from unittest import mock

    settings.CELERY_TASK_ALWAYS_EAGER = False
    with mock.patch("search.tasks.index_products.delay") as delay, django_capture_on_commit_callbacks(execute=True) as callbacks:
        product = make_product(producer=producer)

    assert callbacks
    assert all(call.args == ([product.pk],) for call in delay.call_args_list) and delay.called


def test_rebuild_makes_the_table_match_the_catalogue(producer):
    on_sale = [make_product(producer=producer) for _ in range(3)]
    hidden = make_product(producer=producer)
    hidden.is_public = False
    hidden.save()
    ProductSearchDocument.objects.all().delete()
    seen = []

    result = search_documents_rebuild(progress=lambda done, total: seen.append((done, total)), batch_size=2)

    assert (result.products, result.documents) == (4, 3)
    assert set(ProductSearchDocument.objects.values_list("pk", flat=True)) == {product.pk for product in on_sale}
    assert seen == [(2, 4), (4, 4)]


def test_reindex_command_shows_progress(producer):
    make_product(producer=producer)
    out = StringIO()

    call_command("search_reindex", stdout=out)

    assert "search table [" in out.getvalue() and "1/1" in out.getvalue()
    assert "Search table: 1 of 1 products on sale." in out.getvalue()


def test_demo_catalogue_is_fully_indexed(demo_catalogue):
    Product = get_model("catalogue", "Product")

    assert set(ProductSearchDocument.objects.values_list("pk", flat=True)) == set(
        Product.objects.browsable().values_list("pk", flat=True)
    )


@pytest.mark.postgres
def test_postgresql_unaccent_folds_like_python(producer):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    product = make_product(producer=producer, title="Đặc sản Đắk Lắk: cà phê, mật ong & nước mắm Phú Quốc")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_text, ocop_unaccent(search_text), search_vector @@ to_tsquery('simple', 'dak & lak & nuoc & mam')"
            " FROM search_productsearchdocument WHERE product_id = %s",
            [product.pk],
        )
        text, unaccented, matches = cursor.fetchone()
    assert unaccented == fold_words(text) and matches
