"""What placing an order costs the database (issue 16): the basket is read once, and the number of queries
does not grow with each line's product, stock record and seller."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from sellers.services import seller_listing_save

from .conftest import add_to_basket, checkout, fill_details, listing, place, review
from .test_order_lifecycle import percentage_offer

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")


def _placing_queries(client, products):
    for product in products:
        add_to_basket(client, product, 1)
    fill_details(client)
    _response, fields = review(client)
    with CaptureQueriesContext(connection) as queries:
        response = place(client, fields)
    assert response.status_code == 302 and response["Location"] == "/shop/checkout/thank-you/"
    statements = [query["sql"] for query in queries.captured_queries]
    # Left out: transaction control, and the session's read (from the database when there is no shared cache).
    left_out = ("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT", 'SELECT "django_session"')
    return [sql for sql in statements if not sql.startswith(left_out)]


def test_placing_reads_the_basket_lines_once_and_costs_no_query_per_product(
    client, shop, make_seller, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the first order remembers the country, the commune, …
        _placing_queries(client.__class__(), [shop["tea"]])
    two = _placing_queries(client, [shop["tea"], shop["honey"]])
    more_seller = make_seller(name="HTX Nấm")
    more = [seller_listing_save(seller=more_seller, listing=listing(f"NAM{n}", 90_000)) for n in range(4)]
    six = _placing_queries(client.__class__(), [shop["tea"], shop["honey"], *more])

    for statements in (two, six):
        assert sum(sql.startswith('SELECT "basket_line"') for sql in statements) == 1, statements
        assert not any(sql.startswith('SELECT "partner_partner"') for sql in statements)
        assert not any(sql.startswith('SELECT "catalogue_productclass"') for sql in statements)
        assert not any('"offer_conditionaloffer"' in sql for sql in statements)  # the shop has no offer
        assert not any('"catalogue_productimage"' in sql for sql in statements)  # photos: the basket page's only
        assert not any('"basket_lineattribute"' in sql for sql in statements)  # no line was added with options
    # The lines, their prices and the sellers' parts are one INSERT each whatever their number, and nothing is read
    # per line. The stock allocations — one UPDATE per stock record, each holding its row locked to the commit — go
    # in one round trip on PostgreSQL, one after the other on SQLite.
    allocations = 1 if connection.vendor == "postgresql" else 2
    assert len(six) - len(two) == (0 if connection.vendor == "postgresql" else 4), (len(two), len(six))
    # The basket and its lines (2: lines added without options have none to read); claiming the basket; the
    # address, the order, its lines, their prices, the sellers' parts, the payment record; the allocations; the
    # session's write.
    assert len(two) == 10 + allocations, "\n".join(sql[:140] for sql in two)


def _order_as_written(order) -> dict:
    def rows(queryset, *fields):
        return sorted(queryset.values_list(*fields))

    return {
        "order": (order.status, order.total_incl_tax, order.total_excl_tax, order.shipping_incl_tax, order.payment_method),
        "lines": rows(
            order.lines.all(),
            "partner_id",
            "partner_name",
            "partner_sku",
            "stockrecord_id",
            "product_id",
            "title",
            "upc",
            "quantity",
            "line_price_incl_tax",
            "line_price_excl_tax",
            "line_price_before_discounts_incl_tax",
            "line_price_before_discounts_excl_tax",
            "unit_price_incl_tax",
            "unit_price_excl_tax",
            "tax_code",
            "num_allocated",
            "status",
        ),  # fmt: skip
        "prices": rows(order.line_prices.all(), "line__product_id", "quantity", "price_incl_tax", "price_excl_tax", "tax_code"),
        "parts": rows(order.fulfilments.all(), "partner_id", "status", "shipping_charge"),
        "payment": rows(order.sources.all(), "source_type__code", "amount_allocated"),
    }


def test_a_stock_record_of_another_seller_than_the_products_is_ordered_from_its_own_seller(client, shop):
    """The lines' stock records take their seller from the product when it is the same (every listing made here);
    a stock record of another seller is read with its own, and the order goes to that seller."""
    Product = get_model("catalogue", "Product")
    Product.objects.filter(pk=shop["tea"].pk).update(producer=shop["honey_seller"].partner)

    response = checkout(client, [(shop["tea"], 1), (shop["honey"], 1)])

    assert response.status_code == 302 and response["Location"].endswith("/thank-you/")
    order = get_model("order", "Order").objects.get()
    sold_by = {line.partner_sku: (line.partner_id, line.partner_name) for line in order.lines.all()}
    tea_seller, honey_seller = shop["tea_seller"].partner, shop["honey_seller"].partner
    assert sold_by == {"CHE": (tea_seller.pk, tea_seller.name), "MAT": (honey_seller.pk, honey_seller.name)}


def test_a_baskets_lines_are_read_in_one_query_as_the_orms_select_related_reads_them(client, shop, django_assert_num_queries):
    """Basket.all_lines writes its query once per process instead of having the ORM compile it on every page: the
    lines it gives hold what the ORM's select_related of the same relations holds, field by field (converted from
    the database as the ORM converts them), and reading their relations asks nothing more."""
    Basket, Line = get_model("basket", "Basket"), get_model("basket", "Line")
    Product = get_model("catalogue", "Product")
    add_to_basket(client, shop["honey"], 2)
    add_to_basket(client, shop["tea"], 1)
    page = client.get("/shop/basket/")  # its formset takes the lines as its queryset
    assert page.status_code == 200 and [form.instance.product_id for form in page.context["formset"]] == [shop["honey"].pk, shop["tea"].pk]
    Product.objects.filter(pk=shop["honey"].pk).update(product_class=None, producer=None)  # both may be missing
    basket = Basket.objects.get()

    with django_assert_num_queries(2):  # the lines; the stock record's seller, which the product no longer names
        lines = basket.all_lines()
        relations = [
            (line.basket, line.product, line.product.product_class, line.product.producer, line.stockrecord, line.stockrecord.partner)
            for line in lines
        ]
        options = [(list(line.attributes.all()), line.attributes.exists(), line.description) for line in lines]
    expected = (
        Line.objects.filter(basket=basket)
        .select_related("product", "product__product_class", "product__producer", "stockrecord__partner")
        .order_by("pk")
    )

    def fields(instance):
        return None if instance is None else {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}

    assert [line.pk for line in lines] == [line.pk for line in expected] and len(lines) == 2
    for got, (basket_of, product, product_class, producer, record, partner), want in zip(lines, relations, expected, strict=True):
        assert basket_of is basket and fields(got) == fields(want)
        assert fields(product) == fields(want.product) and fields(record) == fields(want.stockrecord)
        assert fields(product_class) == fields(want.product.product_class)
        assert fields(producer) == fields(want.product.producer) and fields(partner) == fields(want.stockrecord.partner)
    assert relations[0][2] is None and relations[0][3] is None  # honey: no class, no seller
    assert relations[1][2] is not None and relations[1][3].pk == shop["tea_seller"].partner.pk
    assert lines.ordered  # the basket page's formset takes the list as its queryset
    assert options == [([], False, "Sản phẩm MAT"), ([], False, "Sản phẩm CHE")]  # added without options: none, unasked


@pytest.mark.parametrize("method", ["cod", "vietqr"])
def test_an_order_is_written_the_same_by_the_short_placement_and_by_oscars(client, shop, monkeypatch, settings, method):
    """Without offers the placement writes the order in fewer statements (marketplace.order.utils); with them it
    is Oscar's OrderCreator: both write the same lines, prices, sellers' parts and payment record."""
    settings.VIETQR_BANK_BIN, settings.VIETQR_ACCOUNT_NUMBER = "970436", "0011001234567"
    items = [(shop["tea"], 3), (shop["honey"], 1)]
    checkout(client, items, method=method)
    short = Order.objects.get()
    monkeypatch.setattr("marketplace.order.utils.offers_possible", lambda: True)  # as if the shop had an offer
    checkout(client.__class__(), items, method=method)
    oscars = Order.objects.exclude(pk=short.pk).get()

    written = _order_as_written(short)
    assert written == _order_as_written(oscars)
    assert written["lines"] and written["prices"] and len(written["parts"]) == 2
    assert all(line[-1] == written["parts"][0][1] for line in written["lines"])  # the lines wait as their parts do


def test_the_products_and_the_buyers_counters_count_the_order_after_it_commits(client, shop, django_user_model, django_capture_on_commit_callbacks):
    buyer = django_user_model.objects.create_user(email="binh@example.vn", password="x")
    client.force_login(buyer)
    add_to_basket(client, shop["tea"], 3)
    add_to_basket(client, shop["honey"], 1)
    fill_details(client, email="")
    _response, fields = review(client)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        place(client, fields)
    assert not ProductRecord.objects.filter(num_purchases__gt=0).exists()  # nothing before the commit

    for callback in callbacks:
        callback()

    assert ProductRecord.objects.get(product=shop["tea"]).num_purchases == 3
    assert ProductRecord.objects.get(product=shop["honey"]).num_purchases == 1
    record = UserRecord.objects.get(user=buyer)
    order = Order.objects.get()
    assert (record.num_orders, record.num_order_lines, record.num_order_items) == (1, 2, 4)
    assert record.total_spent == order.total_incl_tax


def _page_statements(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_shop_with_no_offer_and_no_voucher_does_not_look_for_them_on_every_checkout_page(client, shop):
    add_to_basket(client, shop["tea"], 2)
    fill_details(client)
    _page_statements(client, "/shop/checkout/preview/")  # the first page finds there is none

    _response, statements = _page_statements(client, "/shop/checkout/preview/")
    assert not any('"offer_conditionaloffer"' in sql for sql in statements), statements


def test_an_offer_created_while_a_basket_is_open_applies_on_the_buyers_next_page(client, shop):
    add_to_basket(client, shop["tea"], 2)
    fill_details(client)
    before, _statements = _page_statements(client, "/shop/checkout/preview/")
    assert before.context["basket"].total_incl_tax == 2 * 120_000

    percentage_offer("10")

    after, statements = _page_statements(client, "/shop/checkout/preview/")
    assert any('"offer_conditionaloffer"' in sql for sql in statements)
    assert after.context["basket"].total_incl_tax == 2 * 108_000


def test_the_country_created_by_an_order_that_was_rolled_back_is_not_remembered(django_capture_on_commit_callbacks):
    from django.db import transaction

    from marketplace.checkout.addresses import vietnam

    Country = get_model("address", "Country")
    Country.objects.filter(pk="VN").delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        vietnam()
        raise RuntimeError("the order failed")
    assert not Country.objects.filter(pk="VN").exists()

    with django_capture_on_commit_callbacks(execute=True):
        country = vietnam()  # created again, not the rolled-back row from the cache
    assert Country.objects.filter(pk=country.pk).exists()
    with CaptureQueriesContext(connection) as queries:
        assert vietnam().pk == "VN"
    assert len(queries) == 0  # then remembered


def test_adding_to_the_basket_reads_the_product_and_its_stock_record_once(client, shop):
    add_to_basket(client, shop["tea"], 1)  # the basket and the session exist from here on
    with CaptureQueriesContext(connection) as queries:
        add_to_basket(client, shop["honey"], 2)
    statements = [query["sql"] for query in queries.captured_queries]

    products = [sql for sql in statements if sql.startswith('SELECT "catalogue_product"')]
    assert len(products) == 1 and '"partner_stockrecord"' in products[0], statements  # with its stock records
    assert not any(sql.startswith('SELECT "partner_stockrecord"') for sql in statements), statements
    assert not any('"catalogue_option"' in sql and not sql.startswith('SELECT "catalogue_product"') for sql in statements)
    assert not any("SUM(" in sql for sql in statements)  # the quantity already in the basket, from its lines
    page = client.get("/shop/basket/")
    assert {line.product_id: line.quantity for line in page.context["basket"].all_lines()} == {shop["tea"].pk: 1, shop["honey"].pk: 2}


def test_the_basket_page_reads_its_lines_photos_in_one_query(client, shop, make_seller):
    more_seller = make_seller(name="HTX Nấm")
    products = [shop["tea"], shop["honey"], *(seller_listing_save(seller=more_seller, listing=listing(f"NAM{n}", 90_000)) for n in range(3))]
    for product in products:
        add_to_basket(client, product, 1)

    response, statements = _page_statements(client, "/shop/basket/")

    assert sum(sql.startswith('SELECT "catalogue_productimage"') for sql in statements) == 1, statements
    assert response.content.decode().count('class="basket-line__image"') == len(products)
