"""Oscar's basket models, with one change: a basket's lines are read with what pricing, availability,
shipping and the order need of them (product class, producer, stock record and its seller) in the same
query, so a basket page or a placement does not ask again for each line, and whether it is empty is
answered from those lines; their options only for the lines added with some (issue 16)."""

from django.db.models import Prefetch, prefetch_related_objects
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model


class Basket(AbstractBasket):
    def all_lines(self):
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            lines = self.lines.select_related(
                "product", "product__product_class", "product__producer", "stockrecord", "stockrecord__partner",
            ).order_by(self._meta.pk.name)  # fmt: skip
            # Oscar gives a line added without options the reference "<product>_<stock record>" (a line with options
            # has theirs appended) and no attributes: those are known empty without a query.
            plain, with_options = [], []
            for line in lines:
                (plain if line.line_reference == f"{line.product_id}_{line.stockrecord_id}" else with_options).append(line)
            prefetch_related_objects(with_options, "attributes")
            prefetch_related_objects(plain, Prefetch("attributes", queryset=get_model("basket", "LineAttribute").objects.none()))
            self._lines = lines
        return self._lines

    def product_quantity(self, product):
        # From the lines already read (the add-to-basket form asks, after the middleware read them): Oscar sums
        # them with a query of its own.
        return sum(line.quantity for line in self.all_lines() if line.product_id == product.pk) if self.id else 0

    @property
    def num_lines(self):
        # The lines themselves, not a COUNT: every page that asks whether the basket is empty (the middleware,
        # before applying offers) goes on to read them (the header's item count, the basket, checkout).
        return len(self.all_lines())


from oscar.apps.basket.models import *  # noqa: E402, F403 — Oscar's other basket models, unchanged
