"""Search that shoppers trust: a relevance table (queries → the products expected in the top 3), typos and
synonyms included, over a small catalogue of squid, pottery, bonsai, honey, tea… (issue 14.4).

Runs on the embedded SQLite and, with DATABASE_URL=postgres://…, on PostgreSQL (pg_trgm finds the
candidates for a typo there; see test_typos.py for what only PostgreSQL checks).
"""

import pytest

from ocop_catalog.models import Commune
from search.backends.database import DatabaseSearchBackend
from search.query import ProductQuery
from tests.factories import make_producer
from tests.search.conftest import listed

pytestmark = pytest.mark.django_db

CATALOGUE = {
    "squid_dried": ("Mực khô Hạ Long loại 1", "Mực ống câu đêm, phơi nắng hai ngày cho khô đều."),
    "squid_cake": ("Chả mực giã tay Hạ Long", "Chả làm từ mực ống tươi, giã bằng cối đá."),
    "pottery": ("Bình gốm men lam Bát Tràng", "Sản phẩm vẽ tay, nung hai lần trong lò."),
    "bonsai": ("Bonsai mini linh sam để bàn", "Cây uốn dáng hai năm, sản xuất tại vườn Sa Đéc."),
    "honey_mint": ("Mật ong bạc hà Mèo Vạc", "Mật ong từ hoa bạc hà trên cao nguyên đá."),
    "honey_forest": ("Mật ong rừng tràm U Minh", "Ong khai thác trong rừng tràm."),
    "tea_green": ("Chè búp Tân Cương đặc biệt", "Chè xanh Thái Nguyên sao tay."),
    "tea_artichoke": ("Trà atiso Đà Lạt túi lọc", "Thảo mộc sấy khô."),
    "fish_sauce": ("Nước mắm nhĩ Phú Quốc", "Cá cơm ủ chượp mười hai tháng."),
    "coffee": ("Cà phê Robusta rang xay", "Hạt chọn lọc, rang mộc."),
    "gift": ("Hộp quà Tết Tây Bắc", "Quà biếu gồm thịt trâu gác bếp và măng khô."),
}

# query → (products expected among the first three, products that must not be listed at all)
RELEVANCE = {
    "mật ong": ({"honey_mint", "honey_forest"}, {"tea_green", "pottery"}),
    "mat ong": ({"honey_mint", "honey_forest"}, set()),
    "honey": ({"honey_mint", "honey_forest"}, {"bonsai"}),
    "hải sản": ({"squid_dried", "squid_cake"}, {"pottery", "bonsai"}),
    "hai san": ({"squid_dried", "squid_cake"}, {"pottery", "bonsai"}),
    "pizza hải sản": (set(), {"pottery", "bonsai", "honey_mint"}),
    "trà": ({"tea_artichoke", "tea_green"}, {"coffee"}),
    "che tan cuong": ({"tea_green"}, set()),
    "quà biếu": ({"gift"}, set()),
    "quà tặng": ({"gift"}, {"honey_mint"}),
    "nước mắm": ({"fish_sauce"}, set()),
    "cây cảnh": ({"bonsai"}, {"squid_dried"}),
    # Typos: a letter too many, too few, swapped, wrong.
    "mat ongg": ({"honey_mint", "honey_forest"}, {"pottery"}),
    "bonsia": ({"bonsai"}, set()),
    "nuoc mamm": ({"fish_sauce"}, set()),
    "robusa": ({"coffee"}, set()),
}


@pytest.fixture(scope="module")
def products(localities, django_db_blocker):
    with django_db_blocker.unblock():
        producer = make_producer(commune=Commune.objects.get(code="00004"), name="Cơ sở Thử nghiệm")
        return {key: listed(producer=producer, title=title, description=text) for key, (title, text) in CATALOGUE.items()}


def top(text: str, **kwargs):
    return DatabaseSearchBackend().search(ProductQuery(text=text, sort="relevance", page_size=20, **kwargs))


@pytest.mark.parametrize("text", list(RELEVANCE))
def test_relevance_table(products, text):
    expected, unwanted = RELEVANCE[text]
    by_id = {product.pk: key for key, product in products.items()}
    page = top(text)
    found = [by_id[hit.id] for hit in page.hits]

    assert expected <= set(found[:3]), f"{text!r}: top 3 were {found[:3]}"
    assert not unwanted & set(found), f"{text!r} listed {unwanted & set(found)}"


def test_seafood_finds_the_squid_through_the_vocabulary_and_says_the_match_is_not_exact(products):
    page = top("hải sản")

    assert {hit.id for hit in page.hits} == {products["squid_dried"].pk, products["squid_cake"].pk, products["fish_sauce"].pk}
    assert page.approximate and not page.did_you_mean


def test_words_typed_found_as_typed_are_an_exact_match(products):
    page = top("mật ong")

    assert page.count == 2 and not page.approximate


def test_an_unknown_word_beside_known_ones_shows_related_products_flagged_not_exact(products):
    page = top("pizza hải sản")

    assert {hit.id for hit in page.hits} == {products["squid_dried"].pk, products["squid_cake"].pk, products["fish_sauce"].pk}
    assert page.approximate


def test_a_typo_is_corrected_searched_and_offered_as_did_you_mean(products):
    page = top("mat ongg")

    assert page.approximate and page.did_you_mean == "mật ong"
    assert {hit.id for hit in page.hits} == {products["honey_mint"].pk, products["honey_forest"].pk}


def test_nonsense_finds_nothing_and_suggests_nothing(products):
    page = top("xyzzy plugh")

    assert page.count == 0 and page.hits == [] and not page.did_you_mean


def test_a_category_term_needs_its_words_side_by_side(products):
    # "hai" and "san" are both in the pottery's and the bonsai's descriptions, apart.
    found = {hit.id for hit in top("hai san").hits}

    assert products["pottery"].pk not in found and products["bonsai"].pk not in found


def test_facet_filters_apply_to_synonym_matches(products):
    page = top("hải sản", group="thu-cong-my-nghe")

    assert page.count == 0
