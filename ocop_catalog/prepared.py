"""Queries written once per process and, on PostgreSQL, planned once per connection (issue 16).

The ORM compiles a queryset anew on every request, and PostgreSQL plans the SQL anew on every execution. For the few
queries that every request of a checkout runs — a basket's lines with their products, classes, sellers and stock
records; the product a buyer adds with its stock record — both cost more than running them: planning the lines'
join took 0.9 ms, executing it 0.16 ms (seen 2026-12-04). Such a query is written here once from the models'
fields (`joined_select`), its rows become model instances as the ORM's would (`instances`), and `fetch` runs it as a
prepared statement, so each database connection plans it once: 1.15 → 0.38 ms for the lines. The ORM's own SQL can
run through `fetch` too when it is compiled once per process: the list pages' card stats (search.selectors) and the
home page's cards (selectors.product_card_rows).

Django's own cursors bind parameters on the client (psycopg's ClientCursor): their SQL carries its values, so it
can never be prepared. `fetch` runs its query through a psycopg cursor that binds on the server, wrapped by Django's
cursor wrapper: errors, the connection's health check and the query log (tests counting queries) are as for any
query. psycopg prepares what the connection's `prepare_threshold` allows (marketplace.settings: 0, at once; None with
DATABASE_PREPARED_STATEMENTS=false, for a connection pooler in transaction mode, which cannot keep prepared
statements): these queries only, as every other query binds on the client. On SQLite, a plain query."""

import functools
import logging
import re
import time
from dataclasses import dataclass

from django.db import connections

logger = logging.getLogger("django.db.backends")
_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\}")


@dataclass(frozen=True)
class _Table:
    model: type
    attnames: list
    start: int
    end: int
    pk_index: int
    converters: list  # (index in the row, converter, the column expression it expects)
    link: tuple | None  # (the earlier table's index, the foreign key's name) for a table joined by a foreign key


@dataclass(frozen=True)
class Select:
    """A query's SQL and, per joined table in order, how to turn its columns of a row into an instance."""

    sql: str
    tables: tuple


def joined_select(alias: str, root, joins=(), *, where: str, order_by: str = "") -> Select:
    """SELECT every column of `root` (a model) and of each joined model, as the ORM's select_related reads them.

    `joins`: (name, (earlier name, field name), "INNER" | "LEFT OUTER"), a foreign key or a reverse one from a model
    named before it; the root is named "root". `where` and `order_by` name columns as {name.field}. Each table goes by
    its own name, as in the ORM's SQL, so a table appears once. Parameters: %s. A table joined by a foreign key is
    given to the instance that holds the key (`instances`), as select_related gives it."""
    db = connections[alias]
    quote = db.ops.quote_name
    models, columns, join_sql, tables = {"root": root}, [], [], []
    for name, relation, kind in (("root", None, None), *joins):
        link = None
        if relation is not None:
            parent, field_name = relation
            field = models[parent]._meta.get_field(field_name)
            models[name] = field.related_model
            table, parent_table = quote(models[name]._meta.db_table), quote(models[parent]._meta.db_table)
            if field.is_relation and field.many_to_one:  # a foreign key of the parent: parent.fk = table.pk
                condition = f"{table}.{quote(field.target_field.column)} = {parent_table}.{quote(field.column)}"
                link = (list(models).index(parent), field.name)
            else:  # a reverse foreign key: table.fk = parent.pk
                remote = field.remote_field
                condition = f"{table}.{quote(remote.column)} = {parent_table}.{quote(remote.target_field.column)}"
            join_sql.append(f"{kind} JOIN {table} ON {condition}")
        model = models[name]
        table, fields, start = model._meta.db_table, model._meta.concrete_fields, len(columns)
        columns += [f"{quote(table)}.{quote(field.column)}" for field in fields]
        converters = []
        for index, field in enumerate(fields):
            column = field.get_col(table)
            for converter in (*db.ops.get_db_converters(column), *field.get_db_converters(db)):
                converters.append((start + index, converter, column))
        pk_index = start + fields.index(model._meta.pk)
        tables.append(_Table(model, [field.attname for field in fields], start, len(columns), pk_index, converters, link))

    def column(match):
        model = models[match.group(1)]
        return f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(match.group(2)).column)}"

    sql = f"SELECT {', '.join(columns)} FROM {quote(root._meta.db_table)} {' '.join(join_sql)} WHERE {_PLACEHOLDER.sub(column, where)}"
    if order_by:
        sql += f" ORDER BY {_PLACEHOLDER.sub(column, order_by)}"
    return Select(sql, tuple(tables))


def instances(select: Select, rows, alias: str) -> list:
    """Per row, a tuple of one instance per table (None where an outer join found nothing), made as the ORM makes
    them: the fields' database converters, then Model.from_db; each instance joined by a foreign key set on the one
    that holds the key, so following it asks nothing."""
    db = connections[alias]
    result = []
    for row in rows:
        values = list(row)
        made = []
        for table in select.tables:
            if values[table.pk_index] is None:  # an outer join that found nothing
                made.append(None)
                continue
            for index, converter, column in table.converters:
                values[index] = converter(values[index], column, db)
            made.append(table.model.from_db(alias, table.attnames, values[table.start : table.end]))
        for table, instance in zip(select.tables, made, strict=True):
            if table.link is not None and instance is not None and made[table.link[0]] is not None:
                setattr(made[table.link[0]], table.link[1], instance)
        result.append(tuple(made))
    return result


def prefetched(instance, relation: str, objects) -> None:
    """Give `instance` the objects of its reverse foreign key or many-to-many `relation`, read with it, as
    prefetch_related leaves them: `instance.<relation>.all()` answers them without a query (as Oscar's strategy
    reads a product's stock records), while any other question of the relation goes to the database as usual."""
    queryset = getattr(instance, relation).all()
    queryset._result_cache, queryset._prefetch_done = list(objects), True
    cache_name = type(instance)._meta.get_field(relation).cache_name
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset


def fetch(alias: str, sql: str, params) -> list:
    """The rows of a query written once per process; on PostgreSQL a prepared statement of the connection."""
    db = connections[alias]
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    db.close_if_health_check_failed()
    db.ensure_connection()
    started = time.monotonic()
    with db.make_cursor(_server_binding_cursor()(db.connection)) as cursor:  # Django's errors and execute wrappers
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if db.queries_logged:  # as Django's debug cursor logs, with the values in the SQL (its own would show $1)
        duration = time.monotonic() - started
        logged = db.ops.compose_sql(sql, params)
        db.queries_log.append({"sql": logged, "time": f"{duration:.3f}"})
        logger.debug("(%.3f) %s; args=%s; alias=%s", duration, logged, params, alias)
    return rows


@functools.cache
def _server_binding_cursor():
    import psycopg  # only with PostgreSQL

    return psycopg.Cursor
