"""What adding to the basket costs the database (issue 16: every livestream buyer adds two products before
checking out): a first addition makes the basket and its line, a later one reads the basket's lines once, and
the products' counters are counted by a worker after the commit — while the buyer sees what Oscar showed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from marketplace.catalogue.options import options_possible
from marketplace.checkout.analytics import ADDITIONS_PER_WRITE
from marketplace.offer.offers import offers_possible

from .conftest import add_to_basket

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
Option = get_model("catalogue", "Option")
StockRecord = get_model("partner", "StockRecord")
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT")


def _race(basket_model, strategy, first, second):
    """A buyer's two requests add `second` at the same moment: one reads the lines before the other's line exists."""
    basket = basket_model.objects.create()
    basket.strategy = strategy
    basket.add_product(first, 1)
    late = basket_model.objects.get(pk=basket.pk)
    late.strategy = strategy
    assert len(late.all_lines()) == 1  # read before the other request's line
    early = basket_model.objects.get(pk=basket.pk)
    early.strategy = strategy
    early.add_product(second, 1)
    line, created = late.add_product(second, 2)
    assert not created and line.quantity == 3
    return {line.product_id: line.quantity for line in basket_model.objects.get(pk=basket.pk).lines.all()}


def _addition(client, product, quantity=1, **options):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/shop/basket/add/{product.pk}/", {"quantity": quantity, **options})
    assert response.status_code == 302, response.content[:500]
    return [query["sql"] for query in queries.captured_queries]


def _work(statements):
    return [sql for sql in statements if not sql.startswith(TRANSACTION_CONTROL)]


def _lines(client):
    basket = client.get("/shop/basket/").context["basket"]
    return {line.product_id: line.quantity for line in basket.all_lines()}


def test_a_first_addition_makes_the_basket_and_its_line_reading_nothing_else(client, shop):
    offers_possible(), options_possible()  # no offer, no option: known from the cache, as in a running shop
    statements = _work(_addition(client, shop["tea"]))

    assert len(statements) <= 3, statements  # the product with its stock record, the basket, the line
    assert not any(sql.startswith('SELECT "basket_line') for sql in statements), statements  # it has none yet
    assert not any('"analytics_' in sql for sql in statements)  # counted after the commit
    assert _lines(client) == {shop["tea"].pk: 1}


def test_while_the_shop_has_no_product_option_an_addition_does_not_ask_for_options(client, shop):
    add_to_basket(client, shop["tea"], 1)  # the answer "no option" is in the cache from here on

    statements = _addition(client, shop["honey"], 1)

    assert not any('"catalogue_option"' in sql for sql in statements), statements


def test_an_option_added_by_staff_is_offered_on_the_next_addition(client, shop):
    add_to_basket(client, shop["tea"], 1)  # "no option" cached
    weight = Option.objects.create(name="Khối lượng", code="khoi-luong", required=False)
    shop["tea"].product_class.options.add(weight)

    _addition(client, shop["tea"], 1, **{"khoi-luong": "500 g"})

    basket = client.get("/shop/basket/").context["basket"]
    lines = [(line.quantity, [attribute.value for attribute in line.attributes.all()]) for line in basket.all_lines()]
    assert lines == [(1, []), (1, ["500 g"])]  # a line of its own with the choice, not merged into the plain one


def test_a_later_addition_reads_the_baskets_lines_once_whether_it_adds_a_line_or_merges_into_one(client, shop):
    add_to_basket(client, shop["tea"], 1)

    new_line = _work(_addition(client, shop["honey"], 2))
    merged = _work(_addition(client, shop["honey"], 1))

    for statements in (new_line, merged):
        assert len(statements) <= 5, statements  # the product, its stock record, the basket, its lines, the write
        assert sum(sql.startswith('SELECT "basket_line"') for sql in statements) == 1, statements  # not again after
        assert not any(sql.startswith('SELECT "basket_lineattribute"') for sql in statements)  # none has options
        assert not any('"analytics_' in sql for sql in statements)
    assert sum(sql.startswith('INSERT INTO "basket_line"') for sql in new_line) == 1
    assert sum(sql.startswith('UPDATE "basket_line"') for sql in merged) == 1
    assert _lines(client) == {shop["tea"].pk: 1, shop["honey"].pk: 3}
    basket = client.get("/shop/basket/").context["basket"]
    honey_record = shop["honey"].stockrecords.get()
    assert basket.line_quantity(shop["honey"], honey_record) == 3  # Oscar finds the line by its own reference


def test_additions_are_counted_for_the_buyer_each_and_for_the_product_in_batches_after_the_commit(
    client, shop, django_user_model, django_capture_on_commit_callbacks
):
    buyer = django_user_model.objects.create_user(email="binh@example.vn", password="x")
    client.force_login(buyer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add_to_basket(client, shop["tea"], 2)
        add_to_basket(client, shop["tea"], 1)
    assert not get_model("analytics", "UserRecord").objects.filter(num_basket_additions__gt=0).exists()  # nothing in the request

    for callback in callbacks:
        callback()

    assert get_model("analytics", "UserRecord").objects.get(user=buyer).num_basket_additions == 2  # additions, not units
    assert not ProductRecord.objects.filter(num_basket_additions__gt=0).exists()  # 2 of a batch: in the cache
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(ADDITIONS_PER_WRITE - 3):
            add_to_basket(client.__class__(), shop["tea"], 1)
    assert not ProductRecord.objects.filter(num_basket_additions__gt=0).exists()
    with django_capture_on_commit_callbacks(execute=True):
        add_to_basket(client.__class__(), shop["tea"], 1)  # the batch's last
    assert ProductRecord.objects.get(product=shop["tea"]).num_basket_additions == ADDITIONS_PER_WRITE


def test_the_messages_of_an_addition_name_the_product_the_quantity_and_the_new_total(client, shop):
    client.post(f"/shop/basket/add/{shop['tea'].pk}/", {"quantity": 1})
    response = client.post(f"/shop/basket/add/{shop['honey'].pk}/", {"quantity": 2}, follow=True)

    html = response.content.decode()
    assert "Đã thêm <strong>2</strong> × <strong>Sản phẩm MAT</strong> vào giỏ hàng." in html
    assert "Tổng giỏ hàng hiện là <strong>620.000\xa0₫</strong>." in html
    assert '<a href="/shop/basket/" class="button">Xem giỏ hàng</a>' in html
    assert '<a href="/shop/checkout/" class="button button--primary">Thanh toán ngay</a>' in html


def test_a_title_is_escaped_in_the_message(client, shop):
    shop["tea"].title = "Chè <b>Tân Cương</b> & Thái"
    shop["tea"].save()

    html = client.post(f"/shop/basket/add/{shop['tea'].pk}/", {"quantity": 1}, follow=True).content.decode()

    assert "Đã thêm <strong>Chè &lt;b&gt;Tân Cương&lt;/b&gt; &amp; Thái</strong> vào giỏ hàng." in html


def test_a_line_added_by_another_request_meanwhile_is_merged_into(shop):
    strategy = get_class("partner.strategy", "Selector")().strategy()

    assert _race(get_model("basket", "Basket"), strategy, shop["tea"], shop["honey"]) == {shop["tea"].pk: 1, shop["honey"].pk: 3}


def test_a_product_with_options_keeps_one_line_per_choice_and_merges_the_same_choice(client, shop):
    engraving = Option.objects.create(name="Khắc tên", code="khac-ten", required=False)
    shop["tea"].product_class.options.add(engraving)

    add_to_basket(client, shop["tea"], 1)  # no choice made
    _addition(client, shop["tea"], 1, **{"khac-ten": "Bình"})
    _addition(client, shop["tea"], 2, **{"khac-ten": "Bình"})
    _addition(client, shop["tea"], 1, **{"khac-ten": "An"})

    basket = client.get("/shop/basket/").context["basket"]
    lines = [(line.quantity, [(attribute.option.code, attribute.value) for attribute in line.attributes.all()]) for line in basket.all_lines()]
    assert lines == [(1, []), (3, [("khac-ten", "Bình")]), (1, [("khac-ten", "An")])]


@pytest.mark.parametrize("options_exist", [False, True])
def test_a_line_is_sold_from_the_products_oldest_stock_record_however_the_product_is_read(client, shop, options_exist):
    """While no product option exists, the product to add is read with its stock records by a query written once
    per process (marketplace.basket.views); else by the ORM, with its options. Either way the line is sold from
    the oldest stock record, as Oscar's UseFirstStockRecord sells."""
    tea = shop["tea"]
    oldest = StockRecord.objects.get(product=tea)
    StockRecord.objects.create(product=tea, partner=shop["honey_seller"].partner, partner_sku="CHE-2", price=99_000, num_in_stock=5)
    if options_exist:
        Option.objects.create(name="Lời chúc", code="loi-chuc", required=False)

    add_to_basket(client, tea, 2)

    [line] = client.get("/shop/basket/").context["basket"].all_lines()
    assert (line.stockrecord_id, line.price_incl_tax, line.quantity) == (oldest.pk, 120_000, 2)


def test_adding_a_product_that_does_not_exist_answers_not_found(client, shop):
    add_to_basket(client, shop["tea"], 1)

    response = client.post(f"/shop/basket/add/{shop['honey'].pk + 1000}/", {"quantity": 1})

    assert response.status_code == 404
    assert _lines(client) == {shop["tea"].pk: 1}


def test_a_product_with_no_stock_record_is_not_added_and_the_buyer_is_told_why(client, shop):
    StockRecord.objects.filter(product=shop["honey"]).delete()

    response = client.post(f"/shop/basket/add/{shop['honey'].pk}/", {"quantity": 1}, follow=True)

    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert _lines(client) == {}


def test_additions_counted_after_their_counter_was_evicted_start_a_new_batch(client, shop, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            add_to_basket(client.__class__(), shop["tea"], 1)
    cache.delete(f"analytics:additions:{shop['tea'].pk}")  # evicted: its 3 are lost, less than a batch

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(ADDITIONS_PER_WRITE - 1):
            add_to_basket(client.__class__(), shop["tea"], 1)
    assert not ProductRecord.objects.filter(num_basket_additions__gt=0).exists()
    with django_capture_on_commit_callbacks(execute=True):
        add_to_basket(client.__class__(), shop["tea"], 1)  # the new batch's last
    assert ProductRecord.objects.get(product=shop["tea"]).num_basket_additions == ADDITIONS_PER_WRITE
