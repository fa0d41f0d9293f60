"""Oscar's basket models, with three changes (issue 16):
- a basket's lines are read with what pricing, availability, shipping and the order need of them (product
  class, seller, stock record) in the same query, so a basket page or a placement does not ask again for each
  line, and whether it is empty is answered from those lines. A stock record's seller is the product's (one
  stock record per product, its seller's): it is taken from the product rather than joined a second time. That
  query is written once per process and prepared on PostgreSQL (_lines_query) rather than compiled by the ORM and
  planned on every page, and the lines are a list (BasketLines);
- the lines' options (attributes) are read only for the lines added with some;
- adding a product without options finds the line to merge into among the lines already read, and writes a new
  line in one statement."""

import functools
from contextlib import nullcontext

from django.db import IntegrityError, connection, router, transaction
from django.db.models import prefetch_related_objects
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model

from ocop_catalog import prepared


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's, as a list of the lines, oldest first, read with what they are priced, checked and ordered by
        (_lines_read); after an addition, the lines in hand (Basket.add_product)."""
        if self.id is None:  # a basket not saved yet has no line: Oscar's empty queryset cost a compile each time
            return BasketLines()
        if self._lines is None:
            lines = _lines_read(self)
            # Oscar gives a line added without options the reference "<product>_<stock record>" (a line with options
            # has theirs appended) and no attributes: those are known empty without a query.
            plain, with_options = [], []
            for line in lines:
                (plain if line.line_reference == f"{line.product_id}_{line.stockrecord_id}" else with_options).append(line)
            prefetch_related_objects(with_options, "attributes")
            _no_attributes(plain)
            self._lines = BasketLines(lines)
        return self._lines

    def add_product(self, product, quantity=1, options=None):
        """Oscar's add_product, which asks for the line with get_or_create (a SELECT, then the INSERT in a
        savepoint) and drops the lines read, to read them again for the new total. Without options the line to
        merge into is among the lines the request read already (the form's stock check reads them), a new line is
        one INSERT — in a savepoint only inside a transaction, which a failed INSERT would break: the add view
        has none of its own — and the lines in hand are kept, the added one in place, their discounts cleared as
        Oscar's reset does (all_lines is then that list). A line that another request of the same buyer added
        meanwhile is merged into, as with Oscar's."""
        if options:
            with transaction.atomic():  # the line and its options together
                return super().add_product(product, quantity, options)
        price_currency = self.currency  # before a new basket is saved: it has no line to read
        is_new = not self.id
        if is_new:
            self.save()
        stock_info = self.get_stock_info(product, options)
        if not stock_info.price.exists:
            raise ValueError(f"Strategy hasn't found a price for product {product}")
        if price_currency and stock_info.price.currency != price_currency:
            raise ValueError(f"Basket lines must all have the same currency ({stock_info.price.currency} is not {price_currency})")
        if stock_info.stockrecord is None:
            raise ValueError(f"Basket lines must all have stock records: none found for product {product}")

        reference = f"{product.pk}_{stock_info.stockrecord.pk}"  # Oscar's line reference for no options
        lines = [] if is_new else list(self.all_lines())
        line = next((line for line in lines if line.line_reference == reference), None)
        created = line is None
        if created:
            price = stock_info.price
            try:
                with transaction.atomic() if connection.in_atomic_block else nullcontext():
                    line = self.lines.create(
                        line_reference=reference, product=product, stockrecord=stock_info.stockrecord,
                        quantity=max(0, quantity), price_excl_tax=price.excl_tax, price_currency=price.currency,
                        tax_code=price.tax_code, price_incl_tax=price.incl_tax if price.is_tax_known else None,
                    )  # fmt: skip
            except IntegrityError:  # added by another request of this buyer since this one read the lines
                line, created, lines = self.lines.get(line_reference=reference), False, None
            else:
                lines.append(line)  # the newest line: the last, as all_lines orders them
        if not created:
            line.quantity = max(0, line.quantity + quantity)
            line.save()
        self.reset_offer_applications()
        if lines is not None:
            for each in lines:
                each.clear_discount()
            self._lines = BasketLines(lines)
        return line, created

    def product_quantity(self, product):
        # From the lines already read (the add-to-basket form asks, after the middleware read them): Oscar sums
        # them with a query of its own.
        return sum(line.quantity for line in self.all_lines() if line.product_id == product.pk) if self.id else 0

    @property
    def num_lines(self):
        # The lines themselves, not a COUNT: every page that asks whether the basket is empty (the middleware,
        # before applying offers) goes on to read them (the header's item count, the basket, checkout).
        return len(self.all_lines())


def _no_attributes(lines) -> None:
    """Give lines known to have no attributes an empty `attributes`, as prefetching would leave it (what Oscar reads
    of them: `line.attributes.all()`), without a query. prefetch_related_objects with an empty queryset did the
    same, building and compiling a query to find it empty on every page: ~4 % of a buyer's CPU in a profile."""
    LineAttribute = get_model("basket", "LineAttribute")
    cache_name = get_model("basket", "Line")._meta.get_field("attributes").cache_name
    for line in lines:
        attributes = LineAttribute.objects.none()
        attributes._result_cache, attributes._prefetch_done = [], True  # evaluated: as Django's prefetch leaves it
        line._prefetched_objects_cache = {cache_name: attributes}


class BasketLines(list):
    """A basket's lines, oldest first (Basket.all_lines). `ordered`, as a queryset's: the basket page's model formset
    takes them as its queryset, and asks whether it is ordered."""

    ordered = True


@functools.cache
def _lines_query(alias: str):
    """A basket's lines with their products, the products' classes and sellers, and their stock records, oldest line
    first, the basket's id its one parameter: the ORM's `basket.lines.select_related("product__product_class",
    "product__producer", "stockrecord").order_by("pk")`, written once per process (ocop_catalog.prepared). Compiling
    it cost the ORM more than PostgreSQL takes to answer, and planning it more than running it, and every page of a
    checkout reads the lines (issue 16)."""
    return prepared.joined_select(
        alias,
        get_model("basket", "Line"),
        [
            ("product", ("root", "product"), "INNER"),
            ("product_class", ("product", "product_class"), "LEFT OUTER"),
            ("producer", ("product", "producer"), "LEFT OUTER"),
            ("stockrecord", ("root", "stockrecord"), "INNER"),
        ],
        where="{root.basket} = %s",
        order_by="{root.id}",
    )


def _lines_read(basket) -> list:
    """The basket's lines, each with its product (its class and seller) and its stock record, and the stock record's
    seller (_attach_partners): one query, prepared on PostgreSQL (_lines_query)."""
    alias = router.db_for_read(get_model("basket", "Line"), instance=basket)
    select = _lines_query(alias)
    lines = []
    for line, *_ in prepared.instances(select, prepared.fetch(alias, select.sql, [basket.pk]), alias):
        line.basket = basket  # its product (class, seller) and stock record are set by `instances`
        lines.append(line)
    _attach_partners(lines)
    return lines


def _attach_partners(lines) -> None:
    """Give each line's stock record its seller: the product's own (read with it) when it is the same, as it is for
    every listing made here; the others, if any, in one query."""
    missing = []
    for line in lines:
        record, product = line.stockrecord, line.product
        if record is None:
            continue
        if record.partner_id == product.producer_id and product.producer is not None:
            record.partner = product.producer
        else:
            missing.append(record)
    if missing:
        partners = get_model("partner", "Partner").objects.in_bulk({record.partner_id for record in missing})
        for record in missing:
            record.partner = partners[record.partner_id]


from oscar.apps.basket.models import *  # noqa: E402, F403 — Oscar's other basket models, unchanged
