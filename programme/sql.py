"""SQL the indicators need that Django does not ship: a median aggregate, on PostgreSQL (percentile_cont) and on
SQLite (a registered aggregate); and the number a buyer is counted by in the sales facts (md5 on both)."""

import hashlib
import statistics

from django.db.models import Aggregate, FloatField


class Median(Aggregate):
    """The median of a numeric expression over the group (NULLs ignored); NULL for an empty group."""

    function = "MEDIAN"
    name = "Median"
    output_field = FloatField()
    allow_distinct = False

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="percentile_cont(0.5) WITHIN GROUP (ORDER BY %(expressions)s)",
            function="", **extra_context,
        )  # fmt: skip


class _SqliteMedian:
    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


BUYER_KEY_HEX_DIGITS = 15  # 60 bits, a positive bigint: among a million buyers, two share one with odds of 1 in 2 million


def buyer_key(text: str) -> int:
    """The number a buyer's identity (account id, e-mail or phone, as text) is counted by: the first 60 bits of its
    md5, the same in Python, on PostgreSQL (buyer_key_sql) and on SQLite (the registered function)."""
    return int(hashlib.md5(text.encode()).hexdigest()[:BUYER_KEY_HEX_DIGITS], 16)


def buyer_key_sql(vendor: str, expression: str) -> str:
    if vendor == "postgresql":
        return f"CAST(CAST('x' || SUBSTR(MD5({expression}), 1, {BUYER_KEY_HEX_DIGITS}) AS BIT({BUYER_KEY_HEX_DIGITS * 4})) AS BIGINT)"
    return f"programme_buyer_key({expression})"


def _sqlite_buyer_key(text):
    return None if text is None else buyer_key(text)


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("MEDIAN", 1, _SqliteMedian)
        connection.connection.create_function("programme_buyer_key", 1, _sqlite_buyer_key, deterministic=True)
