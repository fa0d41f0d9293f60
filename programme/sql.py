"""SQL pieces the indicators need that Django does not ship: a median aggregate and seconds between two times,
on PostgreSQL (percentile_cont, EXTRACT EPOCH) and on SQLite (a registered aggregate, julianday)."""

import statistics

from django.db.models import Aggregate, FloatField, Func


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


class SecondsBetween(Func):
    """`end` − `start` in seconds, as a float."""

    arity = 2
    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="EXTRACT(EPOCH FROM (%(expressions)s))", arg_joiner=" - ", **extra_context
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="((julianday(%(expressions)s)) * 86400.0)", arg_joiner=") - julianday(",
            **extra_context,
        )  # fmt: skip


class _SqliteMedian:
    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("MEDIAN", 1, _SqliteMedian)
