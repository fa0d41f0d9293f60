"""The programme's indicators, per area (commune, province, the nation, a producer, or pilot against other
communes) over a period, each computed by one grouped SQL query per source table — a fixed number of queries
whatever the number of areas.

An area's facts come from its producers (chủ thể OCOP): a product, its certificates and the items ordered of it
belong to the commune of the product's producer. Snapshot indicators (producers, products, certificates) are as of
today; flow indicators (orders, revenue, buyers, payment methods, confirmation, auto-cancellation, articles) count
orders placed, or articles published, in the period. The orders' figures are read from the daily sales facts
(programme.sales_facts keeps them), so a period costs the same two queries whatever its length.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from ocop_catalog.models import Commune, OcopCertificate, Producer
from ocop_catalog.sale import on_sale_q
from ocop_catalog.selectors import certificates_valid_on
from payments import methods
from training.classes.models import ClassSession, Registration
from training.models import Completion

from .models import ArticleArea, Pilot, SalesBuyer, SalesConfirmation, SalesDay, SalesSharedOrder
from .sql import Median

Product = get_model("catalogue", "Product")

COMMUNE, PROVINCE, NATIONAL, PRODUCER, PILOT = "commune", "province", "national", "producer", "pilot"
NATIONAL_KEY = "VN"
EXPIRY_WINDOW_DAYS = 90


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str  # "count", "percent", "vnd", "hours"
    definition: str


# The order of the dashboard's columns; each definition is shown beside its figure.
INDICATORS: tuple[Indicator, ...] = (  # fmt: skip
    Indicator(
        "producers", _("OCOP producers"), "count",
        _("Producers (chủ thể) of the area holding at least one valid OCOP certificate today."),
    ),
    Indicator(
        "producers_online", _("Selling online"), "count",
        _("Of those, producers with at least one product on sale here through an approved, not suspended seller."),
    ),
    Indicator(
        "online_share", _("Share selling online"), "percent",
        _("Producers selling online as a share of OCOP producers; the target is beside it (Decision 919/QĐ-TTg)."),
    ),
    Indicator(
        "products", _("Products on sale"), "count",
        _("Products shoppers can find and order today."),
    ),
    Indicator(
        "products_5", _("5★"), "count",
        _("Products on sale whose valid certificate gives 5 stars."),
    ),
    Indicator(
        "products_4", _("4★"), "count",
        _("Products on sale whose valid certificate gives 4 stars."),
    ),
    Indicator(
        "products_3", _("3★"), "count",
        _("Products on sale whose valid certificate gives 3 stars."),
    ),
    Indicator(
        "products_none", _("No valid ★"), "count",
        _("Products on sale without a valid certificate (none, expired, revoked or unverified)."),
    ),
    Indicator(
        "certificates_expiring", _("Certificates expiring"), "count",
        _("Verified certificates of the area's products that expire in the next 90 days."),
    ),
    Indicator(
        "orders", _("Orders"), "count",
        _("Orders placed in the period with an item from the area whose seller's part was not cancelled."),
    ),
    Indicator(
        "revenue", _("Delivered revenue"), "vnd",
        _("Value of the area's items in delivered parts of those orders, less refunds (shared over a part's items by value), VND."),
    ),
    Indicator(
        "buyers", _("Buyers"), "count",
        _("Different buyers (account, else e-mail, else phone) of those orders."),
    ),
    Indicator(
        "cod_share", _("COD share"), "percent",
        _("Share of those orders paid cash on delivery."),
    ),
    Indicator(
        "vietqr_share", _("VietQR share"), "percent",
        _("Share of those orders paid by VietQR bank transfer."),
    ),
    Indicator(
        "card_share", _("Card share"), "percent",
        _("Share of those orders paid by card."),
    ),
    Indicator(
        "median_confirm_hours", _("Median hours to confirm"), "hours",
        _("Median time from a seller's part awaiting confirmation (after payment if paid in advance) to its confirmation, in hours."),
    ),
    Indicator(
        "auto_cancelled", _("Parts auto-cancelled"), "count",
        _("Sellers' parts of orders placed in the period cancelled because the seller did not confirm in time."),
    ),
    Indicator(
        "articles", _("Articles"), "count",
        _("News and training articles about the area (tagged with its commune or province) first published in the period."),
    ),
    Indicator(
        "trained", _("Trained in class"), "count",
        _("Registrants of the area (by the commune they gave) marked present at a training class that began in the period."),
    ),
    Indicator(
        "course_completions", _("Courses completed"), "count",
        _("Online courses completed in the period by learners of the area (the commune they gave)."),
    ),
)
INDICATORS_BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
COUNT_CODES = [i.code for i in INDICATORS if i.unit == "count"]


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in Vietnam time."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def last_days(cls, days: int, *, today: datetime.date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(start=today - datetime.timedelta(days=days - 1), end=today)

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_before(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class Figures:
    """The indicators of one area (or group): counts default to 0; shares and the median are None when there
    is nothing to divide or take the middle of."""

    key: object = None
    producers: int = 0
    producers_online: int = 0
    products: int = 0
    products_5: int = 0
    products_4: int = 0
    products_3: int = 0
    products_none: int = 0
    certificates_expiring: int = 0
    orders: int = 0
    revenue: Decimal = Decimal(0)
    buyers: int = 0
    orders_cod: int = 0
    orders_vietqr: int = 0
    orders_card: int = 0
    median_confirm_hours: float | None = None
    auto_cancelled: int = 0
    articles: int = 0
    trained: int = 0
    course_completions: int = 0
    extra: dict = field(default_factory=dict)

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(100.0 * part / whole, 1) if whole else None

    @property
    def online_share(self):
        return self._share(self.producers_online, self.producers)

    @property
    def cod_share(self):
        return self._share(self.orders_cod, self.orders)

    @property
    def vietqr_share(self):
        return self._share(self.orders_vietqr, self.orders)

    @property
    def card_share(self):
        return self._share(self.orders_card, self.orders)

    def value(self, code: str):
        return getattr(self, code)


# --- How each source table reaches its area ------------------------------------------------------


@dataclass(frozen=True)
class Paths:
    commune: str  # lookup to the commune's code
    province: str  # lookup to the province's code
    producer: str  # lookup to the producer's id


PRODUCER_PATHS = Paths("commune", "commune__province", "pk")
PRODUCT_PATHS = Paths("ocop_producer__commune", "ocop_producer__commune__province", "ocop_producer")
CERTIFICATE_PATHS = Paths("product__ocop_producer__commune", "product__ocop_producer__commune__province", "product__ocop_producer")
FACT_PATHS = Paths("commune", "province", "producer")  # the sales facts (programme.models.SalesFact)
ARTICLE_PATHS = Paths("commune", "province", "")
PERSON_PATHS = Paths("commune", "commune__province", "")  # a registrant or learner, by the commune they gave


@dataclass(frozen=True)
class Scope:
    """Which areas to compute and how to group them: `level` is the grouping; `province`/`commune` restrict."""

    level: str
    province: str | None = None
    commune: str | None = None
    pilot_kind: str | None = None  # for PILOT grouping: one kind, or any


def _is_pilot(commune_lookup: str, kind: str | None):
    """Whether the row's commune is a pilot (of `kind`, or of any): `commune IN (pilots)`, which the database
    answers from one hashed list of pilot communes (a correlated EXISTS would probe the pilots once per row)."""
    pilots = Pilot.objects.filter(kind=kind) if kind else Pilot.objects.all()
    return ExpressionWrapper(Q(**{f"{commune_lookup}__in": pilots.values("commune")}), output_field=BooleanField())


def _key(scope: Scope, paths: Paths, *, outer: bool = False):
    """The expression each row is grouped by."""
    if scope.level == COMMUNE:
        return F(paths.commune)
    if scope.level == PROVINCE:
        return F(paths.province)
    if scope.level == PRODUCER:
        return F(paths.producer)
    if scope.level == PILOT:
        return _is_pilot(paths.commune, scope.pilot_kind)
    return Value(NATIONAL_KEY)


def _restrict(queryset, scope: Scope, paths: Paths):
    if scope.commune:
        queryset = queryset.filter(**{paths.commune: scope.commune})
    elif scope.province:
        queryset = queryset.filter(**{paths.province: scope.province})
    if scope.level in (COMMUNE, PILOT):
        queryset = queryset.filter(**{f"{paths.commune}__isnull": False})
    return queryset


def _grouped(queryset, scope: Scope, paths: Paths, **aggregates) -> dict:
    queryset = _restrict(queryset, scope, paths).annotate(area=_key(scope, paths)).values("area").order_by()
    return {row.pop("area"): row for row in queryset.annotate(**aggregates)}


# --- One query per source ---------------------------------------------------------------------


def _producer_source(today: datetime.date):
    ocop = Exists(certificates_valid_on(day=today).filter(holder=OuterRef("pk")))
    online = Exists(
        Product.objects.filter(on_sale_q(), ocop_producer=OuterRef("pk"), producer__seller__isnull=False)
    )
    producers = Producer.objects.annotate(is_ocop=ocop, is_online=online)
    return producers, PRODUCER_PATHS, {
        "producers": Count("pk", filter=Q(is_ocop=True)),
        "producers_online": Count("pk", filter=Q(is_ocop=True, is_online=True)),
    }


def _product_source(today: datetime.date):
    valid = certificates_valid_on(day=today).filter(product=OuterRef("pk")).order_by("-issued_on", "-pk")
    products = Product.objects.filter(on_sale_q()).annotate(valid_stars=Subquery(valid.values("stars")[:1]))
    return products, PRODUCT_PATHS, {
        "products": Count("pk"),
        "products_5": Count("pk", filter=Q(valid_stars=5)),
        "products_4": Count("pk", filter=Q(valid_stars=4)),
        "products_3": Count("pk", filter=Q(valid_stars=3)),
        "products_none": Count("pk", filter=Q(valid_stars__isnull=True)),
    }


def _certificate_source(today: datetime.date):
    expiring = OcopCertificate.objects.filter(
        status=OcopCertificate.Status.VERIFIED,
        expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS),
    )
    return expiring, CERTIFICATE_PATHS, {"certificates_expiring": Count("pk")}


def _sales(model, period: Period):
    return model.objects.filter(day__gte=period.start, day__lte=period.end)


_ORDER_COUNTS = {"orders": "", "orders_cod": methods.COD, "orders_vietqr": methods.VIETQR, "orders_card": methods.CARD}


def _details(facts, *, repeats_only: bool = False) -> dict:
    """By group, what a period cannot sum: distinct buyers (SalesBuyer), the median confirmation seconds
    (SalesConfirmation) and each order count's repeats (SalesSharedOrder: an order in n > 1 areas of a group was
    counted n times in SalesDay, n − 1 too many). `facts(model)` gives a fact table's rows of the period and scope,
    annotated with their group (`area`). One statement made of an ORM query per table (distinct pairs and
    counts hashed, not sorted), summed by group."""
    shared = facts(SalesSharedOrder).values("area", "order", "payment_method").annotate(n=Count("pk"))
    parts = [shared.query.sql_with_params()]
    repeats = ", ".join(
        f"SUM(CASE WHEN %s = '' OR s.payment_method = %s THEN s.n - 1 ELSE 0 END) AS {name}" for name in _ORDER_COUNTS
    )
    repeat_params = [value for method in _ORDER_COUNTS.values() for value in (method, method)]
    zeros = ", ".join(f"0 AS {name}" for name in _ORDER_COUNTS)
    no_median = "CAST(NULL AS DOUBLE PRECISION)" if connection.vendor == "postgresql" else "NULL"
    branches = [f"SELECT s.area, 0 AS buyers, {no_median} AS median, {repeats} FROM ({{}}) s GROUP BY s.area"]
    if not repeats_only:
        buyers = facts(SalesBuyer).values("area", "buyer").distinct()
        confirmations = facts(SalesConfirmation).values("area").annotate(median=Median("seconds"))
        parts += [buyers.query.sql_with_params(), confirmations.query.sql_with_params()]
        branches += [
            f"SELECT b.area, COUNT(*), {no_median}, {zeros} FROM ({{}}) b GROUP BY b.area",
            f"SELECT m.area, 0, m.median, {zeros} FROM ({{}}) m",
        ]
    sql = " UNION ALL ".join(branch.format(part_sql) for branch, (part_sql, _params) in zip(branches, parts, strict=True))
    params = [*repeat_params, *parts[0][1], *(value for _sql, part_params in parts[1:] for value in part_params)]
    names = ", ".join(f"SUM({name})" for name in _ORDER_COUNTS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT area, SUM(buyers), MAX(median), {names} FROM ({sql}) f GROUP BY area", params)
        rows = cursor.fetchall()
    return {
        area: {"buyers": int(buyers or 0), "median_confirm_seconds": median,
               **{f"{name}_repeats": int(value or 0) for name, value in zip(_ORDER_COUNTS, counts, strict=True)}}
        for area, buyers, median, *counts in rows
    }  # fmt: skip


def _sales_source(period: Period):
    """Orders, delivered revenue, payment methods and auto-cancelled parts summed from the daily facts (orders
    counted in several areas are taken off by _sales_figures)."""
    aggregates = {name: Sum(name) for name in _ORDER_COUNTS}
    return _sales(SalesDay, period), FACT_PATHS, {
        **aggregates, "revenue": Sum("revenue"), "auto_cancelled": Sum("parts_auto_cancelled"),
    }  # fmt: skip


def _sales_figures(scope: Scope, period: Period, *, rows: dict) -> dict:
    """The sums of the daily facts (`rows`, by group) completed from what a period cannot sum: buyers, the median
    confirmation time, and orders counted in several areas of a group taken off. One query."""

    def facts(model):
        return _restrict(_sales(model, period), scope, FACT_PATHS).annotate(area=_key(scope, FACT_PATHS)).order_by()

    for key, values in _details(facts).items():
        key = bool(key) if scope.level == PILOT else key  # SQLite answers EXISTS with 0 or 1
        row = rows.setdefault(key, {})
        for name in _ORDER_COUNTS:
            row[name] = (row.get(name) or 0) - values[f"{name}_repeats"]
        seconds = values["median_confirm_seconds"]
        row["median_confirm_hours"] = None if seconds is None else round(seconds / 3600, 1)
        row["buyers"] = values["buyers"]
    return rows


def _article_figures(scope: Scope, period: Period) -> dict:
    if scope.level == PRODUCER:
        return {}
    tags = ArticleArea.objects.filter(
        page__live=True, page__first_published_at__gte=period.start_at, page__first_published_at__lt=period.end_before
    )
    return _grouped(tags, scope, ARTICLE_PATHS, articles=Count("page_id", distinct=True))


def _training_figures(scope: Scope, period: Period) -> dict:
    """Training reach (issue 15.4): people marked present at classes begun in the period, and course completions."""
    if scope.level == PRODUCER:
        return {}
    began = ClassSession.objects.filter(
        training_class=OuterRef("training_class"), starts_at__gte=period.start_at, starts_at__lt=period.end_before
    )
    rows = _grouped(Registration.objects.filter(Exists(began), attended=True), scope, PERSON_PATHS, trained=Count("pk"))
    completions = Completion.objects.filter(completed_at__gte=period.start_at, completed_at__lt=period.end_before)
    for key, values in _grouped(completions, scope, PERSON_PATHS, course_completions=Count("pk")).items():
        rows.setdefault(key, {}).update(values)
    return rows


# Levels whose additive figures can be added up from communes (each producer, product, certificate and day's sales
# belongs to one commune, or none).
_ROLLUP_LEVELS = {COMMUNE, PROVINCE, NATIONAL, PILOT}


def _by_commune(queryset, scope: Scope, paths: Paths, aggregates: dict) -> dict:
    """`aggregates` by (commune, province, whether the commune is a pilot) within `scope`'s province or commune."""
    within = Scope(level=NATIONAL, province=scope.province, commune=scope.commune)
    rows = _restrict(queryset, within, paths).annotate(
        area_commune=F(paths.commune), area_province=F(paths.province), area_pilot=_is_pilot(paths.commune, None)
    ).values("area_commune", "area_province", "area_pilot").order_by()
    return {(row.pop("area_commune"), row.pop("area_province"), row.pop("area_pilot")): row for row in rows.annotate(**aggregates)}


def _rolled_up(rows: dict, scope: Scope) -> dict:
    """_by_commune's rows added up by `scope`'s groups."""
    result: dict = {}
    for (commune, province, pilot), values in rows.items():
        if commune is None and scope.level in (COMMUNE, PILOT):
            continue
        key = {COMMUNE: commune, PROVINCE: province, NATIONAL: NATIONAL_KEY, PILOT: bool(pilot)}[scope.level]
        total = result.setdefault(key, {})
        for name, value in values.items():
            total[name] = (total.get(name) or 0) + (value or 0)
    return result


def figures(*, scope: Scope, period: Period, today: datetime.date | None = None, memo: dict | None = None) -> dict:
    """The Figures of every area of `scope` that has any, by area key (commune code, province code, producer id,
    True/False for pilot communes or not, "VN"). Eight queries, whatever the number of areas; the flow indicators
    are read from the sales facts (programme.sales_facts), as of their last refresh.

    A page asking for several groupings of one province (or the nation) passes the same `memo`: the additive
    figures are then read once by commune and added up for each grouping (four queries fewer each time)."""
    today = today or timezone.localdate()
    sources = (_producer_source(today), _product_source(today), _certificate_source(today), _sales_source(period))
    if memo is not None and scope.level in _ROLLUP_LEVELS and scope.pilot_kind is None:
        memo_key = ("by_commune", scope.province, scope.commune, period, today)
        if memo_key not in memo:
            memo[memo_key] = [_by_commune(queryset, scope, paths, aggregates) for queryset, paths, aggregates in sources]
        additive = [_rolled_up(rows, scope) for rows in memo[memo_key]]
    else:
        additive = [_grouped(queryset, scope, paths, **aggregates) for queryset, paths, aggregates in sources]
    *snapshot, sums = additive
    result: dict = {}
    for rows in (
        *snapshot,
        _sales_figures(scope, period, rows=sums),
        _article_figures(scope, period),
        _training_figures(scope, period),
    ):
        for key, values in rows.items():
            row = result.setdefault(key, Figures(key=key))
            for name, value in values.items():
                if name == "revenue":
                    value = Decimal(round(value or 0))
                setattr(row, name, value if value is not None or name == "median_confirm_hours" else 0)
    return result


def _as_month(value) -> datetime.date:
    """A month as the database answers it (a date, a time at midnight, or text on SQLite), as a date."""
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value.date() if isinstance(value, datetime.datetime) else value


def monthly_sales(*, scope: Scope, months: int = 12, until: datetime.date | None = None) -> list[dict]:
    """Orders and delivered revenue by month of order, the `months` months up to `until` (today), oldest first,
    months without orders included. Two queries (the sales facts and their orders counted in several areas).
    `scope.level` is ignored: the whole scope is summed."""
    until = until or timezone.localdate()
    first = until.replace(day=1)
    for _month in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    period = Period(start=first, end=until)
    scope = Scope(level=NATIONAL, province=scope.province, commune=scope.commune)

    days = _restrict(_sales(SalesDay, period), scope, FACT_PATHS).annotate(month=TruncMonth("day"))
    days = days.values("month").order_by().annotate(orders=Sum("orders"), revenue=Sum("revenue"))
    by_month = {_as_month(row["month"]): [row["orders"] or 0, row["revenue"] or 0] for row in days}
    def facts(model):
        return _restrict(_sales(model, period), scope, FACT_PATHS).annotate(area=TruncMonth("day")).order_by()

    for month, values in _details(facts, repeats_only=True).items():
        by_month.setdefault(_as_month(month), [0, 0])[0] -= values["orders_repeats"]
    by_month = {month: (orders, Decimal(round(revenue))) for month, (orders, revenue) in by_month.items()}
    result, month = [], first
    while month <= until:
        orders, revenue = by_month.get(month, (0, Decimal(0)))
        result.append({"month": month, "orders": orders, "revenue": revenue})
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return result


def commune_counts_by_pilot(*, province: str | None, kind: str | None = None) -> dict[bool, int]:
    """How many communes are pilots (True) and not (False), in `province` or the nation. One query."""
    communes = Commune.objects.all() if province is None else Commune.objects.filter(province_id=province)
    rows = communes.annotate(is_pilot=_is_pilot("code", kind)).values("is_pilot").order_by().annotate(n=Count("code"))
    counts = {True: 0, False: 0}
    counts.update({row["is_pilot"]: row["n"] for row in rows})
    return counts


def online_target_percent() -> int:
    """The share of OCOP producers the programme wants selling online (Decision 919/QĐ-TTg: 50 % by 2025)."""
    return int(getattr(settings, "PROGRAMME_ONLINE_TARGET_PERCENT", 50))
