"""The search contract, the same for every backend (see conftest.backend_name).

Expected answers are worked out from the catalogue's own objects (Product.ocop_stars, its producer's
commune, its stock record), not from the search table, so an index cannot agree with itself.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.selectors import products_for_display
from ocop_catalog.text import fold
from search.query import ProductQuery

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
WORD = re.compile(r"[^\W_]+")
GROUPS = ("thuc-pham", "do-uong", "thao-duoc", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich")


@dataclass(frozen=True)
class Expected:
    id: int
    title: str
    text: str  # folded title, description and place
    stars: int | None
    province: str
    commune: str
    group: str
    price: Decimal
    in_stock: bool
    created: datetime.datetime


def folded_words(text: str) -> str:
    return " " + " ".join(WORD.findall(fold(text))) + " "


def catalogue_now() -> list[Expected]:
    rows = []
    for product in products_for_display():
        commune = product.ocop_producer.commune  # the place of the producer (chủ thể), who may not be the seller
        record = product.stockrecords.all()[0]
        group = next(category.get_ancestors_and_self()[0].slug for category in product.categories.all())
        makers = dict.fromkeys([product.producer.name, product.ocop_producer.name])
        place = f"{' '.join(makers)} {commune.name} {commune.province.name}"
        rows.append(
            Expected(
                id=product.pk,
                title=product.title,
                text=folded_words(f"{product.title} {product.description} {place}"),
                stars=product.ocop_stars,
                province=commune.province_id,
                commune=commune.code,
                group=group,
                price=record.price,
                in_stock=record.net_stock_level > 0,
                created=product.date_created,
            )
        )
    return rows


@pytest.fixture
def expected(backend_name):
    return catalogue_now()


def search(backend, **kwargs):
    kwargs.setdefault("page_size", 100)
    return backend.search(ProductQuery(**kwargs))


def ids(page) -> list[int]:
    return [hit.id for hit in page.hits]


def all_ids(backend, **kwargs) -> set[int]:
    page = search(backend, **kwargs)
    assert page.count <= 100, "the test catalogue fits on one page"
    return set(ids(page))


# --- words -----------------------------------------------------------------------------------


def test_words_without_diacritics_find_products_with_them(backend):
    titles = [hit.title for hit in search(backend, text="nuoc mam", sort="relevance").hits]

    assert titles and titles[0].startswith("Nước mắm")
    assert {"Nước mắm nhĩ Phú Quốc 40 độ đạm chai 500ml", "Nước mắm Cửa Hội"} <= set(titles)


def test_a_place_name_finds_that_places_products(backend, expected):
    danang = {row.id for row in expected if row.province == "48"}
    assert danang, "the demo catalogue has producers in Đà Nẵng"

    texts = {row.id: row.text for row in expected}
    found = ids(search(backend, text="da nang", sort="relevance"))

    assert danang <= set(found)
    assert all(" da " in texts[pk] and " nang " in texts[pk] for pk in found)
    phrase = [" da nang " in texts[pk] for pk in found]
    assert phrase == sorted(phrase, reverse=True), "the name as a phrase comes before scattered words"


def test_decomposed_unicode_finds_the_same_as_composed(backend):
    composed = "Nước mắm Phú Quốc"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed

    assert ids(search(backend, text=decomposed, sort="relevance")) == ids(search(backend, text=composed, sort="relevance"))


def test_extra_spaces_and_capitals_do_not_matter(backend):
    assert ids(search(backend, text="  NƯỚC   mắm  ", sort="relevance")) == ids(search(backend, text="nước mắm", sort="relevance"))


def test_exact_diacritics_rank_above_folded_matches(backend, catalogue):
    broken = ids(search(backend, text="gạo tấm", sort="relevance"))
    fragrant = ids(search(backend, text="gạo tám", sort="relevance"))
    either = set(ids(search(backend, text="gao tam", sort="relevance")))

    assert broken.index(catalogue["tam_broken"].pk) < broken.index(catalogue["tam"].pk)
    assert fragrant.index(catalogue["tam"].pk) < fragrant.index(catalogue["tam_broken"].pk)
    assert {catalogue["tam"].pk, catalogue["tam_broken"].pk} <= either


def test_a_phrase_ranks_above_the_same_words_scattered(backend, catalogue):
    found = ids(search(backend, text="nước mắm cửa hội", sort="relevance"))

    assert found.index(catalogue["phrase"].pk) < found.index(catalogue["scattered"].pk)


def test_all_words_rank_above_some_words(backend, catalogue):
    found = ids(search(backend, text="mắm ruốc hội", sort="relevance"))

    # "Mắm ruốc Cửa Hội" has the three words; "Nước mắm Cửa Hội" two of them, enough to be listed.
    assert found.index(catalogue["scattered"].pk) < found.index(catalogue["phrase"].pk)


def test_two_words_must_both_match(backend, expected):
    found = all_ids(backend, text="mật ong")

    assert found == {row.id for row in expected if " mat " in row.text and " ong " in row.text}


def test_unknown_words_find_nothing(backend):
    page = search(backend, text="xyzzy plugh")

    assert page.count == 0 and page.hits == []


# --- filters and sorts ---------------------------------------------------------------------


@pytest.mark.parametrize("stars_min", [3, 4, 5])
def test_minimum_stars_counts_valid_certificates_only(backend, expected, stars_min):
    assert all_ids(backend, stars_min=stars_min) == {row.id for row in expected if (row.stars or 0) >= stars_min}


@pytest.mark.parametrize("group", GROUPS)
def test_group_filter(backend, expected, group):
    assert all_ids(backend, group=group) == {row.id for row in expected if row.group == group}


def test_province_and_commune_filters(backend, expected):
    row = expected[0]

    assert all_ids(backend, province=row.province) == {other.id for other in expected if other.province == row.province}
    assert all_ids(backend, province=row.province, commune=row.commune) == {
        other.id for other in expected if other.commune == row.commune
    }


def test_price_range_is_inclusive(backend, expected):
    prices = sorted({row.price for row in expected})
    low, high = prices[3], prices[-4]

    assert all_ids(backend, price_min=low, price_max=high) == {row.id for row in expected if low <= row.price <= high}


def test_in_stock_filter(backend, expected):
    assert any(not row.in_stock for row in expected), "the demo catalogue has products out of stock"

    assert all_ids(backend, in_stock=True) == {row.id for row in expected if row.in_stock}
    assert all_ids(backend, in_stock=False) == {row.id for row in expected if not row.in_stock}


def test_filters_combine_with_words(backend, expected):
    found = all_ids(backend, text="ca phe", stars_min=3, group="do-uong")

    assert found
    assert found == {
        row.id for row in expected if " ca " in row.text and " phe " in row.text and (row.stars or 0) >= 3 and row.group == "do-uong"
    }


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [
        ("price", lambda hit: hit.price, False),
        ("-price", lambda hit: hit.price, True),
        ("-stars", lambda hit: hit.stars or 0, True),
    ],
)
def test_sorts(backend, sort, key, reverse):
    hits = search(backend, sort=sort).hits

    assert [key(hit) for hit in hits] == sorted((key(hit) for hit in hits), reverse=reverse)


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [
        ("price", lambda row: row.price, False),
        ("-price", lambda row: row.price, True),
        ("-stars", lambda row: row.stars or 0, True),
        ("newest", lambda row: row.created, True),
    ],
)
def test_sorts_apply_to_words_too(backend, expected, sort, key, reverse):
    by_id = {row.id: row for row in expected}

    found = [by_id[pk] for pk in ids(search(backend, text="ca phe", sort=sort))]

    assert found, "the demo catalogue has coffee"
    assert [key(row) for row in found] == sorted((key(row) for row in found), reverse=reverse)
    assert {row.id for row in found} == {row.id for row in expected if " ca " in row.text and " phe " in row.text}


def test_newest_first_by_default(backend, expected):
    created = {row.id: row.created for row in expected}
    found = ids(search(backend))

    assert [created[pk] for pk in found] == sorted((created[pk] for pk in found), reverse=True)


@pytest.mark.parametrize("query", [{"sort": "price"}, {"text": "tra", "sort": "relevance"}, {"text": "ca phe", "sort": "-stars"}])
def test_paging_is_stable_and_complete(backend, query):
    everything = ids(search(backend, **query, page_size=100))
    pages = [ids(search(backend, **query, page=number, page_size=3)) for number in range(1, len(everything) // 3 + 2)]

    assert len(everything) > 3, "more than one page"
    assert [pk for page in pages for pk in page] == everything
    assert search(backend, **query, page=2, page_size=3).count == len(everything)


# --- facets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        {}, {"text": "ca phe"}, {"stars_min": 4}, {"province": "66", "group": "do-uong"}, {"group": "thuc-pham", "price_max": 200_000},
        {"text": "ca phe", "province": "66"}, {"text": "ca phe", "stars_min": 4, "group": "do-uong", "price_max": 300_000},
    ],  # fmt: skip
)
def test_each_facet_count_is_what_choosing_it_shows(backend, filters):
    page = search(backend, **filters)

    for item in page.facets.stars:
        assert item.count == search(backend, **{**filters, "stars_min": item.value}).count
    for item in page.facets.group:
        assert item.count == search(backend, **{**filters, "group": item.value}).count
    for item in page.facets.province:
        assert item.count == search(backend, **{**filters, "province": item.value, "commune": None}).count
    for item in page.facets.commune:
        assert item.count == search(backend, **{**filters, "commune": item.value}).count


def test_facet_counts_equal_a_direct_count(backend, expected):
    page = search(backend, stars_min=4, group="thuc-pham")

    by_group = {item.value: item.count for item in page.facets.group}
    by_province = {item.value: item.count for item in page.facets.province}
    by_stars = {item.value: item.count for item in page.facets.stars}
    assert page.count == sum(1 for row in expected if (row.stars or 0) >= 4 and row.group == "thuc-pham")
    for group in GROUPS:
        assert by_group.get(group, 0) == sum(1 for row in expected if (row.stars or 0) >= 4 and row.group == group)
    for province in {row.province for row in expected}:
        assert by_province.get(province, 0) == sum(
            1 for row in expected if (row.stars or 0) >= 4 and row.group == "thuc-pham" and row.province == province
        )
    for stars in (3, 4, 5):
        assert by_stars.get(stars, 0) == sum(1 for row in expected if (row.stars or 0) >= stars and row.group == "thuc-pham")


def test_commune_facet_appears_once_a_province_is_chosen(backend, expected):
    assert search(backend).facets.commune == []
    province = max({row.province for row in expected}, key=lambda code: sum(row.province == code for row in expected))

    communes = {item.value: item.count for item in search(backend, province=province).facets.commune}

    assert communes == {
        code: sum(row.commune == code for row in expected)
        for code in {row.commune for row in expected if row.province == province}
    }


# --- who is on sale, and whose stars count ---------------------------------------------------


def test_expired_certificate_drops_the_stars_but_not_the_product(backend, expected):
    expired = [row for row in expected if row.stars is None]
    starred = all_ids(backend, stars_min=3)
    listed = {hit.id: hit for hit in search(backend).hits}

    for row in expired:
        assert row.id in listed and listed[row.id].stars is None
        assert row.id not in starred


def test_stars_count_only_on_the_days_the_certificate_is_valid(backend, expected):
    from ocop_catalog.models import OcopCertificate

    row = next(row for row in expected if row.stars)
    certificate = OcopCertificate.objects.filter(product_id=row.id, status="verified").order_by("-issued_on").first()
    after = certificate.expires_on + datetime.timedelta(days=1)

    assert row.id in all_ids(backend, stars_min=3, day=certificate.expires_on)
    assert row.id not in all_ids(backend, stars_min=3, day=after)
    hit = next(hit for hit in search(backend, day=after).hits if hit.id == row.id)
    assert hit.stars is None


def test_suspended_sellers_products_leave_search_and_come_back(backend, make_seller, reindexed):
    from ocop_catalog import services
    from sellers.services import seller_listing_save, seller_reinstate, seller_suspend

    seller = make_seller(name="Hợp tác xã Tạm ngưng")
    product = seller_listing_save(
        seller=seller,
        listing=services.ListingData(sku="TN-1", title="Trà hoa vàng Tạm ngưng", description="Trà.", group_slug="do-uong", price_vnd=90_000, stock=5),
    )
    reindexed([product.pk])
    assert product.pk in all_ids(backend, text="tam ngung")

    seller_suspend(seller=seller, reason="Hồ sơ cần bổ sung.")
    reindexed([product.pk])
    assert product.pk not in all_ids(backend, text="tam ngung")
    assert product.pk not in all_ids(backend)

    seller_reinstate(seller=seller)
    reindexed([product.pk])
    assert product.pk in all_ids(backend, text="tam ngung")


def test_hidden_products_are_not_found(backend, catalogue, reindexed):
    product = catalogue["tam"]
    product.is_public = False
    product.save()
    reindexed([product.pk])

    assert product.pk not in all_ids(backend, text="gao tam")


def test_hits_carry_what_a_result_shows(backend, expected):
    rows = {row.id: row for row in expected}
    for hit in search(backend).hits:
        row = rows[hit.id]
        assert (hit.title, hit.stars, hit.province_code, hit.commune_code, hit.group_slug, hit.price, hit.in_stock) == (
            row.title, row.stars, row.province, row.commune, row.group, row.price, row.in_stock
        )
        assert hit.province_name and hit.commune_name and hit.seller_name and hit.slug


def test_today_is_vietnam_time(backend):
    assert search(backend).count == search(backend, day=timezone.localdate()).count
