"""Product cards (templates/oscar/catalogue/partials/product.html), each rendered once and cached.

A card is cached under its product id and a version: a digest of everything the card shows as the
caller knows it (a search hit and the product's rating on list pages, a row read for the home page),
with the language and the day (certificates expire at midnight). Any change to what a card shows
gives it a new key, so a stale card is never served and an unchanged one is never rendered again;
a page reads all its cards with one `cache.get_many` and renders only those missing.

Shared by the list pages (search) and the content pages (cms), hence here, below both.
"""

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CARD_TEMPLATE = "oscar/catalogue/partials/product.html"
# Bump when the card template changes what it shows: every cached card is retired.
CARD_TEMPLATE_VERSION = 3
# Keys change with the card, so this only bounds what unused cards cost the cache.
CARD_CACHE_SECONDS = 6 * 60 * 60


def card_version(*shown) -> str:
    """A short digest of the values a card shows (any picklable-by-repr values)."""
    return hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()


@dataclass(frozen=True)
class CardRef:
    """A product to show as a card, and the version of what its card shows."""

    pk: int
    version: str


def _context_key() -> str:
    return f"{CARD_TEMPLATE_VERSION}:{get_language()}:{timezone.localdate():%Y%m%d}"


class ProductCards(Sequence):
    """The cards of one page, in order, loaded lazily.

    Its length and truth come from the refs, so `{% if products %}` loads nothing; `cards` gives the
    cards' HTML (from the cache, rendering only the missing ones and loading only their products);
    iterating gives the Product objects themselves (loaded on first use), as a list of products would.
    `load(ids)` returns the products on sale among `ids` loaded for display, by id.
    """

    def __init__(self, refs: Iterable[CardRef], *, load: Callable[[list[int]], dict], request=None):
        self.refs = list(refs)
        self._load = load
        self.request = request
        self._products: dict = {}
        self._cards: list[SafeString] | None = None

    def __len__(self) -> int:
        return len(self.refs)

    def __bool__(self) -> bool:
        return bool(self.refs)

    def __getitem__(self, index):
        if not isinstance(index, (int, slice)):
            # The template engine tries `products["cards"]` before `products.cards`: load nothing for it.
            raise TypeError(f"ProductCards indices must be integers or slices, not {type(index).__name__}")
        return self.products()[index]

    def __iter__(self):
        return iter(self.products())

    def __repr__(self) -> str:
        return f"<ProductCards {[ref.pk for ref in self.refs]}>"

    def _products_by_id(self, ids: list[int]) -> dict:
        wanted = [pk for pk in ids if pk not in self._products]
        if wanted:
            found = self._load(wanted)
            self._products.update({pk: found.get(pk) for pk in wanted})
        return {pk: self._products[pk] for pk in ids if self._products[pk] is not None}

    def products(self) -> list:
        """The products of the cards, in order; one that stopped being on sale is left out."""
        by_id = self._products_by_id([ref.pk for ref in self.refs])
        return [by_id[ref.pk] for ref in self.refs if ref.pk in by_id]

    @property
    def grid_key(self) -> str:
        """Key of the whole grid: changes whenever any card (or which cards) would change."""
        versions = ",".join(f"{ref.pk}.{ref.version}" for ref in self.refs)
        return card_version(_context_key(), versions)

    @property
    def cards(self) -> list[SafeString]:
        """Each card's HTML, in order: one cache read; the missing cards rendered and stored at once."""
        if self._cards is None:
            context_key = _context_key()
            keys = {ref.pk: f"ocop:card:{context_key}:{ref.pk}:{ref.version}" for ref in self.refs}
            found = cache.get_many(list(keys.values())) if keys else {}
            missing = [ref.pk for ref in self.refs if keys[ref.pk] not in found]
            if missing:
                template = get_template(CARD_TEMPLATE)
                rendered = {
                    keys[pk]: template.render({"product": product, "request": self.request})
                    for pk, product in self._products_by_id(missing).items()
                }
                cache.set_many(rendered, CARD_CACHE_SECONDS)
                found.update(rendered)
            self._cards = [mark_safe(found[keys[ref.pk]]) for ref in self.refs if keys[ref.pk] in found]
        return self._cards
