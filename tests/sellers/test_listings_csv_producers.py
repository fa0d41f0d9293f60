"""A cooperative or an OCOP sales point lists the goods of several producers by CSV (issue 12.0): the optional
trailing `producer` column names who makes each product; a blank commune_code is that producer's commune."""

import io

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, Producer
from ocop_catalog.services import ProducerData, producer_save
from search.backends import get_backend
from search.query import ProductQuery
from sellers.listings_csv import listings_export, listings_import
from sellers.listings_rows import BASE_HEADER
from tests.sellers.test_listings_csv import SELLER_COMMUNE, csv_bytes, row

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


@pytest.fixture
def sales_point(make_seller):
    return make_seller(name="Điểm bán OCOP tỉnh")


@pytest.fixture
def communes(localities):
    """Two communes of other provinces than the seller's."""
    own = Commune.objects.get(code=SELLER_COMMUNE)
    first = Commune.objects.exclude(province_id=own.province_id).order_by("code").first()
    second = Commune.objects.exclude(province_id__in=[own.province_id, first.province_id]).order_by("code").first()
    return first, second


def import_rows(seller, rows, **options):
    return listings_import(seller=seller, stream=io.BytesIO(csv_bytes(rows)), **options)


def test_rows_naming_new_producers_add_them_at_their_communes(sales_point, communes):
    first, second = communes
    plan = import_rows(sales_point, [
        row(sku="MAT-1", title="Mật ong bạc hà", producer="HTX Ong Mèo Vạc", commune_code=first.code),
        row(sku="MAT-2", title="Mật ong hoa cà phê", producer="htx ong meo vac"),  # the same, typed without diacritics
        row(sku="CHE-1", title="Chè Shan tuyết", producer="Hộ Lò Văn Chè", commune_code=second.code),
        row(sku="GAO-1", title="Gạo của điểm bán"),  # blank: the seller itself
    ])  # fmt: skip

    assert not plan.errors, [str(error) for error in plan.errors]
    made_by = {p.stockrecords.get().partner_sku: p.ocop_producer for p in Product.objects.filter(producer=sales_point.partner)}
    assert made_by["MAT-1"] == made_by["MAT-2"] and made_by["MAT-1"].name == "HTX Ong Mèo Vạc"
    assert made_by["MAT-1"].commune_id == first.code and made_by["CHE-1"].commune_id == second.code
    assert made_by["GAO-1"].is_seller_itself and made_by["GAO-1"].commune_id == SELLER_COMMUNE
    assert Producer.objects.filter(partner=sales_point.partner).count() == 3
    # Search places each product at its producer's commune.
    assert [hit.id for hit in get_backend().search(ProductQuery(province=second.province_id)).hits] == [made_by["CHE-1"].products.get().pk]


def test_a_new_producer_needs_a_commune_and_keeps_one(sales_point, communes):
    first, second = communes
    with translation.override("en"):
        plan = import_rows(sales_point, [
            row(sku="A", producer="Hộ không rõ xã"),
            row(sku="B", producer="HTX Hai Xã", commune_code=first.code),
            row(sku="C", producer="HTX Hai Xã", commune_code=second.code),
            row(sku="D", producer="HTX Hai Xã", commune_code="99999"),
        ])  # fmt: skip

    assert [(error.row, error.column) for error in plan.errors] == [(2, "commune_code"), (4, "commune_code"), (5, "commune_code")]
    assert "write its commune code" in plan.errors[0].reason
    assert "one producer, one commune" in plan.errors[1].reason
    assert "unknown commune code" in plan.errors[2].reason
    assert not Product.objects.filter(producer=sales_point.partner).exists() and not Producer.objects.filter(name="HTX Hai Xã").exists()


def test_a_known_producers_commune_must_agree(sales_point, communes):
    first, second = communes
    producer_save(partner=sales_point.partner, data=ProducerData(name="HTX Dệt Thổ Cẩm", kind=Producer.Kind.COOPERATIVE, commune=first))

    with translation.override("en"):
        plan = import_rows(sales_point, [
            row(sku="A", producer="HTX Dệt Thổ Cẩm", commune_code=first.code),
            row(sku="B", producer="HTX DET THO CAM"),
            row(sku="C", producer="HTX Dệt Thổ Cẩm", commune_code=second.code),
        ])  # fmt: skip

    assert [(error.row, error.column) for error in plan.errors] == [(4, "commune_code")]
    assert "HTX Dệt Thổ Cẩm" in plan.errors[0].reason and first.code in plan.errors[0].reason


def test_another_sellers_producer_cannot_be_named_it_becomes_a_new_one_of_the_seller(sales_point, make_seller, communes):
    first, _ = communes
    other = make_seller(name="HTX Khác")
    theirs = producer_save(partner=other.partner, data=ProducerData(name="Hộ Bí Mật", kind=Producer.Kind.HOUSEHOLD, commune=first))

    plan = import_rows(sales_point, [row(sku="A", producer="Hộ Bí Mật")])

    assert plan.errors and plan.errors[0].column == "commune_code"  # unknown to this seller: it must say where
    assert not theirs.products.exists()


def test_export_names_the_producer_and_imports_back_unchanged(sales_point, communes):
    first, _ = communes
    import_rows(sales_point, [
        row(sku="MAT-1", title="Mật ong", producer="HTX Ong Mèo Vạc", commune_code=first.code),
        row(sku="GAO-1", title="Gạo"),
    ])  # fmt: skip

    exported = "".join(listings_export(seller=sales_point)).encode()
    lines = exported.decode().split("\r\n")
    assert lines[0].endswith(",commune_code,producer")
    assert lines[2].startswith("MAT-1,") and lines[2].endswith(f",{first.code},HTX Ong Mèo Vạc")
    assert lines[1].startswith("GAO-1,") and lines[1].endswith(f",{SELLER_COMMUNE},")

    plan = listings_import(seller=sales_point, stream=io.BytesIO(exported))
    assert not plan.errors and plan.unchanged == 2


def test_a_file_without_the_producer_column_keeps_each_products_producer(sales_point, communes):
    first, _ = communes
    import_rows(sales_point, [row(sku="MAT-1", title="Mật ong", producer="HTX Ong Mèo Vạc", commune_code=first.code)])
    old_format = [[cells[name] for name in BASE_HEADER] for cells in [row(sku="MAT-1", title="Mật ong mới"), row(sku="MOI-1", title="Mới")]]

    plan = listings_import(seller=sales_point, stream=io.BytesIO(csv_bytes(old_format, header=BASE_HEADER)))

    assert not plan.errors, [str(error) for error in plan.errors]
    honey = Product.objects.get(stockrecords__partner_sku="MAT-1")
    assert honey.title == "Mật ong mới" and honey.ocop_producer.name == "HTX Ong Mèo Vạc"
    assert Product.objects.get(stockrecords__partner_sku="MOI-1").ocop_producer.is_seller_itself


def test_moving_a_product_to_another_producer_is_a_change(sales_point, communes):
    first, second = communes
    import_rows(sales_point, [row(sku="MAT-1", producer="HTX Ong Mèo Vạc", commune_code=first.code)])

    plan = import_rows(sales_point, [row(sku="MAT-1", producer="Hộ Mới", commune_code=second.code)])

    assert plan.updated == 1
    assert Product.objects.get(stockrecords__partner_sku="MAT-1").ocop_producer.commune_id == second.code
