"""SQL the indicators need that Django does not ship: a median aggregate, on PostgreSQL (percentile_cont) and on
SQLite (a registered aggregate)."""

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


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("MEDIAN", 1, _SqliteMedian)
