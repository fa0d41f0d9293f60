"""A cooperative sells its members' goods (issue 12.0): each product's place is its producer's commune, and each
producer has a public page (issue 14.6) linked from every card and product page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ocop_catalog.models import Commune, OcopCertificate, Producer
from ocop_catalog.services import CertificateData, ListingData, ProducerData, certificate_record, producer_save, product_listing_save
from search.backends import get_backend
from search.query import ProductQuery
from sellers.services import seller_suspend

pytestmark = pytest.mark.django_db


def listing(sku: str, title: str, price: int = 120_000) -> ListingData:
    return ListingData(sku=sku, title=title, description="", group_slug="thuc-pham", price_vnd=price, stock=5)


@pytest.fixture
def cooperative(make_seller):
    """A Hà Nội cooperative selling its own tea and the honey of a member household in another province."""
    seller = make_seller(name="HTX Nông sản Ba Vì")
    far = Commune.objects.exclude(province_id=seller.partner.commune.province_id).order_by("code").first()
    member = producer_save(
        partner=seller.partner,
        data=ProducerData(name="Hộ Nguyễn Văn Mật", kind=Producer.Kind.HOUSEHOLD, commune=far, story="Nuôi ong ba đời trên núi."),
    )
    tea = product_listing_save(producer=seller.partner, listing=listing("CHE-1", "Chè búp Ba Vì"))
    honey = product_listing_save(producer=seller.partner, listing=listing("MAT-1", "Mật ong hoa nhãn", 250_000), ocop_producer=member)
    issued_on = timezone.localdate() - datetime.timedelta(days=30)
    certificate = certificate_record(
        product=honey,
        data=CertificateData(stars=4, score=78, number="MAT-4S", issuer="UBND tỉnh", level="province", issued_on=issued_on),
        status=OcopCertificate.Status.VERIFIED,
    )
    return {"seller": seller, "member": member, "far": far, "tea": tea, "honey": honey, "certificate": certificate}


def test_a_members_product_is_placed_at_the_members_commune_in_search(cooperative):
    far, honey, tea = cooperative["far"], cooperative["honey"], cooperative["tea"]

    hits = {hit.id: hit for hit in get_backend().search(ProductQuery()).hits}

    assert (hits[honey.pk].province_code, hits[honey.pk].commune_code) == (far.province_id, far.code)
    assert hits[tea.pk].commune_code == cooperative["seller"].partner.commune_id
    in_far_province = get_backend().search(ProductQuery(province=far.province_id)).hits
    assert [hit.id for hit in in_far_province] == [honey.pk]  # the province filter follows the producer
    assert [hit.id for hit in get_backend().search(ProductQuery(text="nguyen van mat")).hits] == [honey.pk]


def test_moving_a_producer_moves_its_products_in_search(cooperative):
    member, honey = cooperative["member"], cooperative["honey"]
    elsewhere = Commune.objects.exclude(province_id__in=[cooperative["far"].province_id, cooperative["seller"].partner.commune.province_id]).first()

    producer_save(partner=cooperative["seller"].partner, producer=member, data=ProducerData(name=member.name, kind=member.kind, commune=elsewhere))

    hit = next(hit for hit in get_backend().search(ProductQuery()).hits if hit.id == honey.pk)
    assert hit.commune_code == elsewhere.code


def test_the_producer_page_shows_its_story_place_products_and_certificates(client, cooperative):
    member, honey, far = cooperative["member"], cooperative["honey"], cooperative["far"]

    response = client.get(f"/shop/san-xuat/{member.slug}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hộ Nguyễn Văn Mật" in page and "Nuôi ong ba đời trên núi." in page
    assert far.name in page and far.province.name in page
    assert "Mật ong hoa nhãn" in page and "Chè búp Ba Vì" not in page  # the cooperative's own tea is not the member's
    assert f'href="/ocop/chung-nhan/{cooperative["certificate"].pk}/"' in page or f"/ocop/chung-nhan/{cooperative['certificate'].pk}/" in page
    assert "HTX Nông sản Ba Vì" in page  # who sells it
    assert "zalo" in page.lower() and "facebook" in page.lower()  # share links (issue 14.8)
    assert honey.get_absolute_url() in page


def test_product_page_and_card_link_to_the_producer(client, cooperative):
    member, honey = cooperative["member"], cooperative["honey"]

    product_page = client.get(honey.get_absolute_url()).content.decode()
    catalogue = client.get("/shop/catalogue/").content.decode()

    assert member.get_absolute_url() in product_page
    assert "Bán bởi HTX Nông sản Ba Vì" in product_page or "Sold by HTX Nông sản Ba Vì" in product_page
    assert member.get_absolute_url() in catalogue


def test_the_verify_page_names_the_certificate_holder(client, cooperative):
    page = client.get(f"/ocop/chung-nhan/{cooperative['certificate'].pk}/").content.decode()

    assert "Hộ Nguyễn Văn Mật" in page and cooperative["member"].get_absolute_url() in page
    assert cooperative["far"].name in page


def test_a_producer_with_nothing_on_sale_or_of_a_suspended_seller_has_no_page(client, cooperative, make_seller):
    lonely = producer_save(
        partner=cooperative["seller"].partner,
        data=ProducerData(name="Hộ chưa bán gì", kind=Producer.Kind.HOUSEHOLD, commune=cooperative["far"]),
    )
    assert client.get(f"/shop/san-xuat/{lonely.slug}/").status_code == 404
    assert client.get("/shop/san-xuat/khong-co/").status_code == 404

    seller_suspend(seller=cooperative["seller"], reason="Kiểm tra")
    assert client.get(f"/shop/san-xuat/{cooperative['member'].slug}/").status_code == 404


def test_the_producer_page_keeps_its_query_count_with_many_products(client, cooperative):
    member, seller = cooperative["member"], cooperative["seller"]
    client.get(f"/shop/san-xuat/{member.slug}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/shop/san-xuat/{member.slug}/")
    for number in range(30):
        product_listing_save(producer=seller.partner, listing=listing(f"MAT-X{number}", f"Mật ong số {number}"), ocop_producer=member)

    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/shop/san-xuat/{member.slug}/")

    page = response.content.decode()
    assert response.status_code == 200 and "Mật ong số 29" in page and "?page=2" in page
    assert len(many) <= len(few) + 1, [query["sql"] for query in many]
