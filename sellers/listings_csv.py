"""Bulk listings as CSV: a seller's own products in and out, all or nothing.

An import checks every row first and reports every fault as (row, column, reason); only a file without a
fault is written, in one transaction, through `seller_listing_save` and `seller_certificate_submit`. A row
names a product by its SKU alone, looked up among the seller's own stock records: the header admits no id
column, so a file can never reach another seller's product.

Decisions:
- The trailing `producer` column is optional (issue 12.0): a cooperative or an OCOP sales point lists goods
  its members or other producers (chủ thể OCOP) make. Blank: the seller itself makes it. A name: one of the
  seller's producers (matched without regard to case or diacritics), or a new one the import adds, at the row's
  `commune_code` (then required). A file without the column leaves each existing product with its producer.
- `commune_code` is optional. The catalogue keeps no commune per product: a product comes from its
  producer's commune. A code, when given, must therefore be that producer's commune; another valid commune is
  refused rather than silently dropped, and an unknown code is refused as such.
- The exported certificate is the product's newest (by issue date) that is verified or awaiting
  verification, has a number and 3–5 stars; rejected and revoked ones are not current. A row whose
  certificate matches one the product already holds in either of those states (number, issue date, stars,
  score, issuer) leaves it alone, so a round trip never sends a verified certificate back to pending.
- Empty certificate columns leave a product's certificates as they are: an import never deletes anything.
- A row that changes nothing is not saved; an existing product keeps its "shown in the shop" flag, a new
  one is shown.
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ocop_catalog.bulk import catalogue_bulk_change
from ocop_catalog.models import Commune, OcopCertificate, Producer
from ocop_catalog.rules import CERTIFIED_STARS
from ocop_catalog.selectors import group_root_categories
from ocop_catalog.services import CertificateData, ListingData, ProducerData, producer_save, producer_seller_itself
from ocop_catalog.text import nfc

from . import services
from .listings_rows import (
    CERTIFICATE_COLUMNS,
    HEADER,
    KnownProducer,
    ProducerRef,
    RowChecker,
    RowError,
    formula_escape,
    header_error,
    sku_is_valid,
)  # fmt: skip
from .models import Seller

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

__all__ = [
    "HEADER", "MAX_FILE_BYTES", "MAX_ROWS", "ImportPlan", "ListingRow", "RowError",
    "listings_apply", "listings_export", "listings_import", "listings_parse", "seller_listings_current",
]  # fmt: skip

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
PROGRESS_EVERY = 100

# Progress phases: rows checked (total unknown while streaming), then rows saved (of a known total).
CHECKING, SAVING = "checking", "saving"
Progress = Callable[[str, int, int | None], None]

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
_CURRENT_STATUSES = (OcopCertificate.Status.VERIFIED, OcopCertificate.Status.PENDING)


@dataclass(frozen=True)
class ListingRow:
    """A checked row and what applying it does to the seller's product with that SKU."""

    row: int
    listing: ListingData
    certificate: CertificateData | None
    product_id: int | None  # the seller's product with this SKU; None: a new one
    stock_read: int | None  # the product's stock when the file was checked; the row's stock applies relative to it
    is_public: bool
    listing_changed: bool
    certificate_changed: bool
    producer: ProducerRef | None = None  # None or KEEP: the product keeps its producer (a new one: the seller itself)

    @property
    def action(self) -> str:
        if self.product_id is None:
            return CREATE
        return UPDATE if self.listing_changed or self.certificate_changed else UNCHANGED


@dataclass
class ImportPlan:
    """The rows of a file, checked against the seller's products; `applied` once written."""

    rows: list[ListingRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    def _count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self._count(CREATE)

    @property
    def updated(self) -> int:
        return self._count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def certificates(self) -> int:
        """Certificates the import sends for verification."""
        return sum(1 for row in self.rows if row.certificate_changed)

    def stock_reads(self) -> dict[str, int]:
        """The stock of each existing product as this check read it, by SKU (for a later confirm)."""
        return {row.listing.sku: row.stock_read for row in self.rows if row.stock_read is not None}


# --- What the seller has ----------------------------------------------------------------------


def _certificate_key(data: CertificateData) -> tuple:
    # Level is not in the file (it follows from the stars), so it never makes a row differ.
    return (data.number, data.issued_on, data.stars, data.score, data.issuer)


@dataclass(frozen=True)
class CurrentListing:
    product_id: int
    is_public: bool
    listing: ListingData
    certificate_keys: frozenset
    certificate: CertificateData | None  # the one an export writes
    producer: KnownProducer | None = None  # who makes it


def seller_producers(*, seller: Seller) -> list[KnownProducer]:
    """The producers the seller manages (itself included once it has listed), as rows know them; one query."""
    rows = Producer.objects.filter(partner_id=seller.partner_id).values_list("pk", "name", "commune_id", "is_seller_itself")
    return [KnownProducer(pk, nfc(name), commune_id or "", is_self) for pk, name, commune_id, is_self in rows]


def seller_listings_current(*, seller: Seller) -> dict[str, CurrentListing]:
    """The seller's own products by SKU, as a file would state them; a fixed number of queries."""
    partner_id = seller.partner_id
    roots_by_path = {category.path: slug for slug, category in group_root_categories().items()}
    groups: dict[int, str] = {}
    categories = ProductCategory.objects.filter(product__producer_id=partner_id).order_by("category__path")
    for product_id, path in categories.values_list("product_id", "category__path"):
        slug = roots_by_path.get(path[: Category.steplen])
        if slug:
            groups.setdefault(product_id, slug)
    certificates: dict[int, list[CertificateData]] = {}
    rows = (
        OcopCertificate.objects.filter(product__producer_id=partner_id, status__in=_CURRENT_STATUSES)
        .order_by("-issued_on", "-pk")
        .values_list("product_id", "stars", "score", "number", "issuer", "level", "issued_on")
    )
    for product_id, stars, score, number, issuer, level, issued_on in rows:
        certificates.setdefault(product_id, []).append(
            CertificateData(
                stars=stars, score=score, number=nfc(number), issuer=nfc(issuer), level=level, issued_on=issued_on
            )
        )
    records = StockRecord.objects.filter(
        partner_id=partner_id, product__producer_id=partner_id, product__parent=None
    ).values_list(
        "partner_sku", "product_id", "product__title", "product__description", "product__is_public", "price",
        "num_in_stock", "product__ocop_producer_id",
    )  # fmt: skip
    producers = {producer.producer_id: producer for producer in seller_producers(seller=seller)}
    current = {}
    for sku, product_id, title, description, is_public, price, stock, producer_id in records:
        held = certificates.get(product_id, [])
        exportable = [data for data in held if data.number and data.stars in CERTIFIED_STARS]
        current[sku] = CurrentListing(
            product_id=product_id,
            is_public=is_public,
            listing=ListingData(
                sku=sku, title=nfc(title), description=nfc(description), group_slug=groups.get(product_id, ""),
                price_vnd=int(price) if price is not None else 0, stock=stock or 0,
            ),  # fmt: skip
            certificate_keys=frozenset(_certificate_key(data) for data in held),
            certificate=exportable[0] if exportable else None,
            producer=producers.get(producer_id),
        )
    return current


def _producer_commune_code(seller: Seller) -> str:
    return seller.partner.commune_id or seller.commune_id


# --- Reading a file ---------------------------------------------------------------------------


class _FileFault(Exception):
    """The file cannot be read on: too large, not UTF-8 or not CSV."""

    def __init__(self, row: int | None, reason: str):
        super().__init__(reason)
        self.error = RowError(row, "", reason)


class _Source:
    """A binary stream read line by line as UTF-8 (BOM or not), never more than MAX_FILE_BYTES."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.rows_read = 0

    def lines(self) -> Iterator[str]:
        budget, first = MAX_FILE_BYTES, True
        while raw := self.stream.readline(budget + 1):
            budget -= len(raw)
            if budget < 0:
                raise _FileFault(None, _("The file is larger than %(megabytes)s MB: split it into smaller files.")
                                 % {"megabytes": MAX_FILE_BYTES // (1024 * 1024)})  # fmt: skip
            if first:
                raw, first = raw.removeprefix(codecs.BOM_UTF8), False
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _FileFault(
                    self.rows_read + 1,
                    _("the file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”."),
                ) from None

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) of each CSV record, the header being row 1."""
        reader = csv.reader(self.lines())
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise _FileFault(self.rows_read + 1, _("not valid CSV (%(error)s).") % {"error": error}) from None
            self.rows_read += 1
            yield self.rows_read, values


def listings_parse(
    *, seller: Seller, stream: BinaryIO, progress: Progress | None = None, stock_reads: dict[str, int] | None = None
) -> ImportPlan:
    """Check every row of a listings CSV against the seller's products; writes nothing.

    Streams the file; stops early only when it cannot read on (too large, too many rows, not UTF-8, not CSV).
    `stock_reads`: the stock levels an earlier check showed the seller, by SKU; a row changes a product's
    stock only where the file differs from them (default: the levels read now).
    """
    plan = ImportPlan()
    current = seller_listings_current(seller=seller)
    checker = RowChecker(
        commune_code=_producer_commune_code(seller),
        producers=seller_producers(seller=seller),
        current_producers={sku: listing.producer.producer_id for sku, listing in current.items() if listing.producer},
    )
    columns = len(HEADER)
    first_row_of: dict[str, int] = {}
    source = _Source(stream)
    try:
        for number, values in source.records():
            if number == 1:
                if fault := header_error(values):
                    plan.errors.append(fault)
                    return plan
                columns = len(values)  # with or without the producer column
                continue
            if number - 1 > MAX_ROWS:
                raise _FileFault(
                    None, _("The file has more than %(rows)s rows: split it into smaller files.") % {"rows": MAX_ROWS}
                )
            if progress and (number - 1) % PROGRESS_EVERY == 0:
                progress(CHECKING, number - 1, None)
            if not any(value.strip() for value in values):
                continue  # blank lines, as spreadsheets leave at the end
            if len(values) != columns:
                plan.errors.append(RowError(number, "", _("has %(found)s columns; the header has %(expected)s.")
                                            % {"found": len(values), "expected": columns}))  # fmt: skip
                continue
            listing, certificate, producer, errors = checker.check(number, values)
            sku = nfc(values[0])
            if sku in first_row_of:
                reason = _("duplicate SKU: already on row %(row)s.") % {"row": first_row_of[sku]}
                errors.append(RowError(number, "sku", reason))
            elif sku_is_valid(sku):  # a faulty SKU is reported once, not again as a duplicate
                first_row_of[sku] = number
            if errors:
                plan.errors.extend(errors)
            elif not plan.errors:  # once a fault is found the rows are never applied: keep no more
                plan.rows.append(_planned(number, listing, certificate, producer, current.get(listing.sku), stock_reads))
    except _FileFault as fault:
        plan.errors.append(fault.error)
    if progress and source.rows_read > 1:
        progress(CHECKING, source.rows_read - 1, None)
    if source.rows_read == 0 and not plan.errors:
        plan.errors.append(RowError(None, "", _("The file is empty: it needs at least the header line.")))
    if plan.errors:
        plan.rows.clear()
    return plan


def _producer_changes(producer: ProducerRef | None, current: CurrentListing | None) -> bool:
    if producer is None or producer.kind == ProducerRef.KEEP:
        return False
    if current is None or current.producer is None or producer.kind == ProducerRef.NEW:
        return True
    if producer.kind == ProducerRef.SELF and producer.producer_id is None:
        return not current.producer.is_seller_itself
    return producer.producer_id != current.producer.producer_id


def _planned(number, listing, certificate, producer, current: CurrentListing | None, stock_reads) -> ListingRow:
    stock_read = None
    if current is not None:
        stock_read = (stock_reads or {}).get(listing.sku, current.listing.stock)
    return ListingRow(
        row=number,
        listing=listing,
        certificate=certificate,
        product_id=current.product_id if current else None,
        stock_read=stock_read,
        is_public=current.is_public if current else True,
        # Stock the file leaves as it was read is no change, whatever shipped since.
        listing_changed=current is None or listing.stock != stock_read
        or replace(current.listing, stock=listing.stock) != listing or _producer_changes(producer, current),
        certificate_changed=certificate is not None
        and (current is None or _certificate_key(certificate) not in current.certificate_keys),
        producer=producer,
    )


# --- Writing ----------------------------------------------------------------------------------


class _RowRefused(Exception):
    def __init__(self, error: RowError):
        super().__init__(error.reason)
        self.error = error


def listings_apply(*, seller: Seller, plan: ImportPlan, progress: Progress | None = None) -> ImportPlan:
    """Write a plan without errors in one transaction: listings by SKU, certificates pending verification."""
    if plan.errors:
        raise ValueError("A plan with errors is never applied.")
    total = len(plan.rows)
    # One catalogue change: search indexes each product once, at the end, not at every save.
    with transaction.atomic(), catalogue_bulk_change():
        producers = _ProducersOf(seller)
        for done, row in enumerate(plan.rows, 1):
            product = None
            if row.listing_changed:
                try:
                    product = services.seller_listing_save(
                        seller=seller, listing=row.listing, is_public=row.is_public, stock_read=row.stock_read,
                        ocop_producer=producers.resolve(row.producer),
                    )
                except ValidationError as error:
                    reason = " ".join(error.message_dict.get("stock", error.messages))
                    raise _RowRefused(RowError(row.row, "stock", reason)) from None
            if row.certificate_changed:
                product = product or Product.objects.get(pk=row.product_id, producer_id=seller.partner_id)
                services.seller_certificate_submit(seller=seller, product=product, data=row.certificate)
            if progress and (done % PROGRESS_EVERY == 0 or done == total):
                progress(SAVING, done, total)
    plan.applied = True
    return plan


class _ProducersOf:
    """The producer objects a plan's rows name: the seller's, loaded once; new ones added once each."""

    def __init__(self, seller: Seller):
        self.seller = seller
        self._by_id = Producer.objects.filter(partner_id=seller.partner_id).in_bulk()
        self._added: dict[str, Producer] = {}

    def resolve(self, ref: ProducerRef | None) -> Producer | None:
        if ref is None or ref.kind == ProducerRef.KEEP:
            return None
        if ref.kind == ProducerRef.SELF:
            return producer_seller_itself(partner=self.seller.partner)
        if ref.kind == ProducerRef.EXISTING:
            return self._by_id[ref.producer_id]
        if ref.key not in self._added:
            data = ProducerData(name=ref.name, kind=Producer.Kind.HOUSEHOLD, commune=Commune.objects.get(code=ref.commune_code))
            self._added[ref.key] = producer_save(partner=self.seller.partner, data=data)
        return self._added[ref.key]


def listings_import(
    *, seller: Seller, stream: BinaryIO, dry_run: bool = False, progress: Progress | None = None,
    stock_reads: dict[str, int] | None = None,
) -> ImportPlan:
    """Check a listings CSV and, when no row is wrong and not `dry_run`, apply every row in one transaction.

    The plan returned lists the errors (then nothing was written) and counts creates, updates and
    unchanged rows. Re-importing a SKU updates the seller's product with it, never a second one.
    A row's stock moves a product's stock by its difference from the level read (`stock_reads`, or when
    checked here), so units shipped meanwhile stay shipped; one that would go below zero is an error.
    """
    if not dry_run and not seller.is_active:
        raise PermissionDenied(_("A suspended seller cannot change its listings."))
    with transaction.atomic():
        plan = listings_parse(seller=seller, stream=stream, progress=progress, stock_reads=stock_reads)
        if not plan.errors and not dry_run:
            try:
                with transaction.atomic():
                    listings_apply(seller=seller, plan=plan, progress=progress)
            except _RowRefused as refused:  # nothing written: the inner transaction is rolled back
                plan.errors.append(refused.error)
                plan.rows.clear()
    return plan


# --- Export -----------------------------------------------------------------------------------


def listings_export(*, seller: Seller) -> Iterator[str]:
    """The seller's products as CSV lines (header, then one per SKU in SKU order), CRLF-ended, no BOM.

    A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written after a quote.
    Importing the result changes nothing, and exporting again gives the same bytes.
    """
    commune_code = _producer_commune_code(seller)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values) -> str:
        writer.writerow([formula_escape(value) if isinstance(value, str) else value for value in values])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(HEADER)
    current = seller_listings_current(seller=seller)
    for sku in sorted(current):
        listing, certificate, producer = current[sku].listing, current[sku].certificate, current[sku].producer
        certificate_values = (
            [certificate.stars, certificate.score, certificate.number, certificate.issued_on.isoformat(),
             certificate.issuer]
            if certificate else [""] * len(CERTIFICATE_COLUMNS)
        )  # fmt: skip
        yield line([
            listing.sku, listing.title, listing.description, listing.group_slug, listing.price_vnd, listing.stock,
            *certificate_values,
            (producer.commune_code if producer else commune_code) or "",
            producer.name if producer and not producer.is_seller_itself else "",
        ])  # fmt: skip
