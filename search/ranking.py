"""The catalogue's recommended order — what a shopper sees first when they have typed nothing — declared once.

A marketplace of certified goods shows first what a shopper can trust and buy (issue 14.3). Products are ordered
by these signs, each outweighing all the signs after it:

1. certificate — a valid OCOP certificate on the query's day (verified, within its dates);
2. photo — the product has at least one photo;
3. stock — it can be bought now (units not yet allocated, or a product class that tracks no stock);
4. freshness — listed within the last SEARCH_FRESH_DAYS days (new listings that pass the signs above get a turn);
5. sales — its band of units sold (none, 1–9, 10–99, 100 and more), so a best seller rises without a
   single large order reshuffling the page;

then the newest first. The signs make one number, `rank()` in SQL, `python_rank()` for rows in Python (SQLite with words) and
`ELASTIC_SCRIPT` on Elasticsearch: the three give the same rank to the same row.
"""

import datetime

from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone

# Units sold from which a product enters band 1, 2, 3.
SALES_BANDS = (1, 10, 100)


def sales_band(units_sold: int | None) -> int:
    """0 (none sold), 1 (1–9), 2 (10–99) or 3 (100 and more)."""
    return sum((units_sold or 0) >= threshold for threshold in SALES_BANDS)


def fresh_since(day: datetime.date) -> datetime.datetime:
    """Listings created from this moment on are fresh on `day` (midnight, Vietnam time, SEARCH_FRESH_DAYS before)."""
    start = day - datetime.timedelta(days=settings.SEARCH_FRESH_DAYS)
    return timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))


def _flag(condition: Q, weight: int):
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


# Each sign is a digit of one number, so a stronger sign outweighs every weaker one together.
WEIGHTS = {"certificate": 10_000, "photo": 1_000, "stock": 100, "freshness": 10, "sales": 1}


def rank(day: datetime.date):
    """The recommended rank of a search-table row (search.models.ProductSearchDocument) on `day`, higher first."""
    certified = Q(stars__isnull=False, certificate_valid_from__lte=day, certificate_valid_until__gte=day)
    return (
        _flag(certified, WEIGHTS["certificate"])
        + _flag(~Q(image=""), WEIGHTS["photo"])
        + _flag(Q(in_stock=True), WEIGHTS["stock"])
        + _flag(Q(created__gte=fresh_since(day)), WEIGHTS["freshness"])
        + F("sales_band") * WEIGHTS["sales"]
    )


def order_by(day: datetime.date) -> list:
    """ORDER BY of the search table in the recommended order: rank, then the newest."""
    return [rank(day).desc(), F("created").desc(), F("product_id").desc()]


def python_rank(row: dict, day: datetime.date) -> int:
    """rank() of a search-table row read as a dict (stars, its dates, image, in_stock, created, sales_band)."""
    certified = (
        row["stars"] is not None
        and row["certificate_valid_from"] is not None
        and (row["certificate_valid_from"] <= day <= row["certificate_valid_until"])
    )
    return (
        WEIGHTS["certificate"] * certified
        + WEIGHTS["photo"] * bool(row["image"])
        + WEIGHTS["stock"] * bool(row["in_stock"])
        + WEIGHTS["freshness"] * (row["created"] >= fresh_since(day))
        + WEIGHTS["sales"] * (row["sales_band"] or 0)
    )


# Elasticsearch: rank() as a script, sorted descending, then the newest.
# params (elastic_params): the query's day and fresh_since(day) in epoch milliseconds, and WEIGHTS.
ELASTIC_SCRIPT = (
    "long certified = 0;"
    " if (doc['stars'].size() != 0 && doc['certificate_valid_from'].size() != 0"
    " && doc['certificate_valid_until'].size() != 0) {"
    " long from = doc['certificate_valid_from'].value.toInstant().toEpochMilli();"
    " long until = doc['certificate_valid_until'].value.toInstant().toEpochMilli();"
    " if (from <= params.today && params.today <= until) { certified = 1; } }"
    " long photo = doc['has_image'].size() != 0 && doc['has_image'].value ? 1 : 0;"
    " long stock = doc['in_stock'].size() != 0 && doc['in_stock'].value ? 1 : 0;"
    " long fresh = doc['created'].size() != 0"
    " && doc['created'].value.toInstant().toEpochMilli() >= params.fresh_since ? 1 : 0;"
    " long sales = doc['sales_band'].size() != 0 ? doc['sales_band'].value : 0;"
    " return certified * params.certificate + photo * params.photo + stock * params.stock"
    " + fresh * params.freshness + sales * params.sales;"
)


def elastic_params(day: datetime.date) -> dict:
    """ELASTIC_SCRIPT's params for `day`."""

    def millis(moment: datetime.datetime) -> int:
        return int(moment.timestamp() * 1000)

    today = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
    return {"today": millis(today), "fresh_since": millis(fresh_since(day)), **WEIGHTS}
