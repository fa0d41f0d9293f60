"""The queries every checkout request runs are planned once per database connection (ocop_catalog.prepared)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from .conftest import add_to_basket

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (set DATABASE_URL=postgres://…)")


def _prepared_lines_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE 'SELECT \"basket_line\".%%'")
        return cursor.fetchall()


def _read_lines(basket_id, times):
    for _ in range(times):
        lines = Basket.objects.get(pk=basket_id).all_lines()
    return lines


def test_a_baskets_lines_are_planned_once_per_connection_then_run_as_planned(client, shop):
    _postgres_only()
    add_to_basket(client, shop["tea"], 1)
    add_to_basket(client, shop["honey"], 2)
    basket_id = Basket.objects.get().pk
    _read_lines(basket_id, 1)
    [(_, generic_before, custom_before)] = _prepared_lines_statements()

    lines = _read_lines(basket_id, 10)

    assert [(line.product_id, line.quantity) for line in lines] == [(shop["tea"].pk, 1), (shop["honey"].pk, 2)]
    [(statement, generic_plans, custom_plans)] = _prepared_lines_statements()  # one statement, whichever basket
    assert statement.endswith('"basket_line"."basket_id" = $1 ORDER BY "basket_line"."id"')
    assert generic_plans + custom_plans == generic_before + custom_before + 10
    # PostgreSQL plans a prepared statement anew for its first five runs, then keeps one generic plan when it is as
    # good: the later reads are not planned again.
    assert custom_plans <= 5 and generic_plans - generic_before >= 5


def test_the_query_log_shows_a_prepared_query_with_its_values(client, shop):
    add_to_basket(client, shop["tea"], 1)
    basket_id = Basket.objects.get().pk

    with CaptureQueriesContext(connection) as queries:
        _read_lines(basket_id, 1)

    lines_queries = [query["sql"] for query in queries if query["sql"].startswith('SELECT "basket_line"')]
    assert len(lines_queries) == 1 and lines_queries[0].endswith(f'= {basket_id} ORDER BY "basket_line"."id"')


def test_without_prepared_statements_the_lines_are_read_the_same_and_not_as_prepared(client, shop):
    _postgres_only()
    add_to_basket(client, shop["tea"], 1)
    basket_id = Basket.objects.get().pk
    before = _prepared_lines_statements()
    threshold = connection.connection.prepare_threshold
    connection.connection.prepare_threshold = None  # as DATABASE_PREPARED_STATEMENTS=false sets it
    try:
        lines = _read_lines(basket_id, 3)
    finally:
        connection.connection.prepare_threshold = threshold

    assert [line.product_id for line in lines] == [shop["tea"].pk]
    assert _prepared_lines_statements() == before  # none prepared, none run


@pytest.mark.parametrize(("value", "expected"), [(None, 0), ("false", None), ("true", 0)])
def test_prepared_statements_can_be_turned_off_for_a_connection_pooler(value, expected):
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/any", "DJANGO_SETTINGS_MODULE": "marketplace.settings"}
    env.pop("DATABASE_PREPARED_STATEMENTS", None)
    if value is not None:
        env["DATABASE_PREPARED_STATEMENTS"] = value
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS']['prepare_threshold'])"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=root, check=True)
    assert result.stdout.strip() == str(expected)
