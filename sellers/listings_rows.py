"""The rules of one row of a listings CSV: its columns, their bounds, and the faults a row can have."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ocop_catalog.models import Commune, OcopCertificate
from ocop_catalog.rules import CERTIFIED_STARS, PRODUCT_GROUPS, PRODUCT_GROUPS_BY_SLUG, stars_for_score
from ocop_catalog.services import CertificateData, ListingData
from ocop_catalog.text import fold, has_control_characters, nfc

# The columns every file has; a trailing `producer` column is optional (issue 12.0), and exports write it.
BASE_HEADER = (
    "sku", "title", "description", "group", "price_vnd", "stock", "ocop_stars", "ocop_score",
    "ocop_certificate_no", "ocop_issued_on", "ocop_issuer", "commune_code",
)  # fmt: skip
HEADER = (*BASE_HEADER, "producer")
PRODUCER_NAME_MAX_LENGTH = 255
CERTIFICATE_COLUMNS = ("ocop_stars", "ocop_score", "ocop_certificate_no", "ocop_issued_on", "ocop_issuer")

# The bounds of the dashboard's ListingForm and CertificateForm, so an imported listing can be edited there.
SKU_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
SKU_MAX_LENGTH = 64
TITLE_MAX_LENGTH = 255
PRICE_MIN_VND, PRICE_MAX_VND = 1_000, 1_000_000_000
STOCK_MAX = 1_000_000
NUMBER_MAX_LENGTH = 100
ISSUER_MAX_LENGTH = 255

_DIGITS = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Control characters a multi-line text keeps; any other (NUL above all: PostgreSQL refuses it) is a fault.
_TEXT_CONTROLS = {"description": "\t\n\r"}

# OWASP's CSV injection rule: a cell starting with one of these runs as a formula in a spreadsheet. An export
# puts one quote before such a cell (and before a quote run that precedes one, so that the round trip is
# exact); an import takes that one quote off again.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def formula_escape(value: str) -> str:
    """The cell as written to a CSV: a spreadsheet shows it as text, never runs it."""
    return "'" + value if _FORMULA_START.match(value) else value


def formula_unescape(value: str) -> str:
    """The cell as read from a CSV: the quote `formula_escape` added taken off, any other left alone."""
    return value[1:] if value.startswith("'") and _FORMULA_START.match(value, 1) else value


@dataclass(frozen=True)
class ProducerRef:
    """Who makes a row's product (chủ thể OCOP): the seller itself, one of its producers (`producer_id`), a new
    producer the import adds (`name` and `commune_code`), or — in a file without the producer column — whoever
    makes the product now (KEEP)."""

    SELF, EXISTING, NEW, KEEP = "self", "existing", "new", "keep"

    kind: str
    producer_id: int | None = None
    name: str = ""
    commune_code: str = ""

    @property
    def key(self) -> str:
        return fold(self.name)


@dataclass(frozen=True)
class KnownProducer:
    producer_id: int
    name: str
    commune_code: str
    is_seller_itself: bool


@dataclass(frozen=True)
class RowError:
    """One fault. `row` counts the header as row 1 (None: the file as a whole); `column` may be empty."""

    row: int | None
    column: str
    reason: str

    def __str__(self):
        if self.row is None:
            return self.reason
        values = {"row": self.row, "column": self.column, "reason": self.reason}
        if not self.column:
            return _("row %(row)s: %(reason)s") % values
        return _("row %(row)s, %(column)s: %(reason)s") % values


class RowChecker:
    """Checks one data row; every fault found, not only the first."""

    def __init__(
        self, *, commune_code: str, producers: list[KnownProducer] = (), current_producers: dict[str, int] | None = None
    ):
        self.commune_code = commune_code  # the seller's own, where the products it makes itself come from
        self._known_communes: dict[str, bool] = {}
        # The seller's producers by folded name and by slug-like folded name; the new ones a file adds, by folded name.
        self._producers = {fold(producer.name): producer for producer in producers}
        self._by_id = {producer.producer_id: producer for producer in producers}
        self._current_producers = current_producers or {}  # SKU → producer id of the seller's existing products
        self._new: dict[str, ProducerRef] = {}

    def check(
        self, number: int, values: list[str]
    ) -> tuple[ListingData | None, CertificateData | None, ProducerRef | None, list]:
        """The row's listing, certificate (None when absent) and producer, or Nones and every fault of the row."""
        cells = {name: formula_unescape(nfc(value)) for name, value in zip(HEADER, values, strict=False)}
        has_producer_column = "producer" in cells
        cells.setdefault("producer", "")
        errors: list[RowError] = []

        def fault(column: str, reason: str, **values) -> None:
            errors.append(RowError(number, column, reason % values if values else reason))

        for name, value in cells.items():
            allowed = _TEXT_CONTROLS.get(name, "")
            if has_control_characters(value, allowed=allowed):
                fault(name, _("remove the control characters (such as NUL) from this cell."))
                # Checked on without them, so each fault of the cell is reported once.
                cells[name] = "".join(char for char in value if char in allowed or not has_control_characters(char))

        sku, title, group = cells["sku"], cells["title"], cells["group"]
        if not sku:
            fault("sku", _("required."))
        elif not sku_is_valid(sku):
            fault("sku", _("use at most %(length)s letters without accents, digits, dots, dashes and underscores."),
                  length=SKU_MAX_LENGTH)  # fmt: skip
        if not title:
            fault("title", _("required."))
        elif len(title) > TITLE_MAX_LENGTH:
            fault("title", _("at most %(length)s characters."), length=TITLE_MAX_LENGTH)
        if group not in PRODUCT_GROUPS_BY_SLUG:
            fault("group", _("unknown group “%(group)s”: use one of %(groups)s."),
                  group=group, groups=", ".join(choice.slug for choice in PRODUCT_GROUPS))  # fmt: skip
        price = self._whole_number(cells, "price_vnd", fault, _(
            "must be a whole number of đồng, digits only: no decimals, spaces or thousands separators "
            "(120000, not 120.000 or 120000.5)."
        ))  # fmt: skip
        if price is not None and not PRICE_MIN_VND <= price <= PRICE_MAX_VND:
            fault("price_vnd", _("must be between %(low)s and %(high)s đồng."), low=PRICE_MIN_VND, high=PRICE_MAX_VND)
        stock = self._whole_number(cells, "stock", fault, _("must be a whole number, 0 or more, digits only."))
        if stock is not None and stock > STOCK_MAX:
            fault("stock", _("at most %(high)s."), high=STOCK_MAX)
        certificate = self._certificate(cells, fault)
        producer = self._producer(cells, has_producer_column, fault)
        if errors:
            return None, None, None, errors
        listing = ListingData(
            sku=sku, title=title, description=cells["description"], group_slug=group, price_vnd=price, stock=stock
        )
        return listing, certificate, producer, errors

    def _producer(self, cells, has_producer_column: bool, fault) -> ProducerRef | None:
        """Who makes the row's product, and whether `commune_code` agrees: blank, or that producer's commune."""
        name, code = cells["producer"].strip(), cells["commune_code"]
        if code and not self._commune_exists(code):
            fault("commune_code", _(
                "unknown commune code “%(code)s”: use the 5-digit code of a commune after the reform of 1 July 2025."
            ), code=code)  # fmt: skip
            return None
        if not name:
            current = self._by_id.get(self._current_producers.get(cells["sku"])) if not has_producer_column else None
            if current is not None and not current.is_seller_itself:  # an old file: the product keeps its producer
                ref = ProducerRef(ProducerRef.KEEP, current.producer_id, current.name, current.commune_code)
                own, who = current.commune_code, current.name
            else:
                ref, own, who = ProducerRef(ProducerRef.KEEP if not has_producer_column else ProducerRef.SELF), self.commune_code, ""
            if code and code != own:
                if who:
                    fault("commune_code", _(
                        "commune %(code)s is not where %(producer)s is: a product comes from its producer's commune. "
                        "Leave it empty or write %(own)s."
                    ), code=code, producer=who, own=own)  # fmt: skip
                else:
                    fault("commune_code", _(
                        "commune %(code)s is not your cooperative's: a product comes from its producer's commune. "
                        "Leave it empty, write %(own)s, or name the producer in the producer column."
                    ), code=code, own=own)  # fmt: skip
            return ref
        if len(name) > PRODUCER_NAME_MAX_LENGTH:
            fault("producer", _("at most %(length)s characters."), length=PRODUCER_NAME_MAX_LENGTH)
            return None
        key = fold(name)
        known = self._producers.get(key)
        if known is not None:
            if code and code != known.commune_code:
                fault("commune_code", _(
                    "commune %(code)s is not where %(producer)s is: a product comes from its producer's commune. "
                    "Leave it empty or write %(own)s."
                ), code=code, producer=known.name, own=known.commune_code)  # fmt: skip
            kind = ProducerRef.SELF if known.is_seller_itself else ProducerRef.EXISTING
            return ProducerRef(kind, known.producer_id, known.name, known.commune_code)
        new = self._new.get(key)
        if new is not None:
            if code and code != new.commune_code:
                fault("commune_code", _("%(producer)s was given the commune %(other)s on an earlier row: one producer, one commune."),
                      producer=new.name, other=new.commune_code)  # fmt: skip
            return new
        if not code:
            fault("commune_code", _("%(producer)s is not one of your producers yet: write its commune code to add it."), producer=name)
            return None
        self._new[key] = ProducerRef(ProducerRef.NEW, None, name, code)
        return self._new[key]

    @staticmethod
    def _whole_number(cells, column, fault, reason) -> int | None:
        value = cells[column]
        if not value:
            fault(column, _("required."))
        elif not _DIGITS.fullmatch(value):
            fault(column, reason)
        else:
            return int(value)
        return None

    def _certificate(self, cells, fault) -> CertificateData | None:
        if not any(cells[column] for column in CERTIFICATE_COLUMNS):
            return None
        missing = [column for column in CERTIFICATE_COLUMNS if not cells[column]]
        for column in missing:
            fault(column, _("required when the other OCOP certificate columns are filled."))
        stars = score = issued_on = None
        if "ocop_stars" not in missing:
            stars = int(cells["ocop_stars"]) if _DIGITS.fullmatch(cells["ocop_stars"]) else None
            if stars not in CERTIFIED_STARS:
                stars = None
                fault("ocop_stars", _("must be 3, 4 or 5: certificates are issued for 3★ to 5★ products."))
        if "ocop_score" not in missing:
            score = int(cells["ocop_score"]) if _DIGITS.fullmatch(cells["ocop_score"]) else None
            if score is None or score > 100:
                score = None
                fault("ocop_score", _("must be a whole number from 0 to 100."))
        if stars is not None and score is not None and stars_for_score(score) != stars:
            fault("ocop_stars", _("%(stars)s★ does not agree with a score of %(score)s (it gives %(expected)s★)."),
                  stars=stars, score=score, expected=stars_for_score(score))  # fmt: skip
        if "ocop_issued_on" not in missing:
            issued_on = _iso_date(cells["ocop_issued_on"])
            if issued_on is None:
                fault("ocop_issued_on", _("must be a date written YYYY-MM-DD, e.g. 2025-03-31."))
        if len(cells["ocop_certificate_no"]) > NUMBER_MAX_LENGTH:
            fault("ocop_certificate_no", _("at most %(length)s characters."), length=NUMBER_MAX_LENGTH)
        if len(cells["ocop_issuer"]) > ISSUER_MAX_LENGTH:
            fault("ocop_issuer", _("at most %(length)s characters."), length=ISSUER_MAX_LENGTH)
        if missing or None in (stars, score, issued_on) or stars_for_score(score) != stars:
            return None
        return CertificateData(
            stars=stars, score=score, number=cells["ocop_certificate_no"], issuer=cells["ocop_issuer"],
            # 5★ is recognised by the Ministry; 3★ and 4★ by the province since 2025.
            level=OcopCertificate.Level.CENTRAL if stars == 5 else OcopCertificate.Level.PROVINCE,
            issued_on=issued_on,
        )  # fmt: skip

    def _commune_exists(self, code: str) -> bool:
        if code not in self._known_communes:
            self._known_communes[code] = Commune.objects.filter(code=code).exists()
        return self._known_communes[code]


def sku_is_valid(sku: str) -> bool:
    return len(sku) <= SKU_MAX_LENGTH and SKU_PATTERN.fullmatch(sku) is not None


def _iso_date(value: str) -> datetime.date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def header_error(values: list[str]) -> RowError | None:
    names = [nfc(value) for value in values]
    if tuple(names) in (HEADER, BASE_HEADER):
        return None
    details = []
    if len(names) == 1 and ";" in names[0]:
        details.append(_("Separate the columns with commas, not semicolons."))
    if missing := [name for name in BASE_HEADER if name not in names]:
        details.append(_("missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if unexpected := [name for name in names if name not in HEADER]:
        details.append(_("not allowed: %(columns)s.") % {"columns": ", ".join(unexpected)})
    reason = _("the header must be exactly %(header)s (the last column, producer, may be left out)") % {"header": ",".join(HEADER)}
    return RowError(1, "", " ".join([reason + ".", *details]))


