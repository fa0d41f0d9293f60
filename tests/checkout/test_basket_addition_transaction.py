"""An addition outside a test's transaction, as the server runs it (issue 16): its statements, its own
transaction included, and the worker asked to count it once the addition is committed."""

import pytest
from oscar.core.loading import get_class, get_model

from marketplace.catalogue.options import options_possible
from marketplace.checkout import tasks
from marketplace.offer.offers import offers_possible
from sellers.services import seller_listing_save

from .conftest import approved_seller, hanoi_localities, listing
from .test_basket_addition_cost import _addition, _lines, _race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def shop():
    """The checkout tests' shop, committed (the module-scoped localities hold a transaction open)."""
    hanoi_localities()
    tea = approved_seller(name="HTX Chè", tax_code="4600123421", email="che@example.vn")
    honey = approved_seller(name="HTX Mật ong", tax_code="4600123422", email="mat@example.vn")
    return {
        "tea": seller_listing_save(seller=tea, listing=listing("CHE", 120_000)),
        "honey": seller_listing_save(seller=honey, listing=listing("MAT", 250_000)),
    }


def test_an_addition_is_at_most_five_statements_and_needs_no_transaction(client, shop, monkeypatch):
    counted = []
    monkeypatch.setattr(tasks.count_basket_addition, "delay", lambda *args, **kwargs: counted.append(args))

    offers_possible(), options_possible()  # no offer, no option: known from the cache, as in a running shop
    first = _addition(client, shop["tea"])
    second = _addition(client, shop["honey"])
    again = _addition(client, shop["honey"])

    assert len(first) <= 4, first  # the product, its stock record, the basket, the line
    assert len(second) <= 5 and len(again) <= 5, (second, again)  # the basket's lines read too
    assert not any(sql.startswith(("BEGIN", "SAVEPOINT")) for sql in first + second + again)  # no transaction of its own
    assert counted == []  # a guest's additions are counted in the cache until a product's batch is full
    assert _lines(client) == {shop["tea"].pk: 1, shop["honey"].pk: 2}


def test_a_line_added_by_another_request_meanwhile_is_merged_into_outside_a_transaction(shop):
    strategy = get_class("partner.strategy", "Selector")().strategy()

    assert _race(get_model("basket", "Basket"), strategy, shop["tea"], shop["honey"]) == {shop["tea"].pk: 1, shop["honey"].pk: 3}
