"""The search contract: what a product query asks and what every backend answers."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORT_PRICE = "price"
SORT_PRICE_DESC = "-price"
SORT_STARS_DESC = "-stars"
SORT_RECOMMENDED = "recommended"  # search.ranking: certificate, photo, stock, freshness, sales
SORTS = (SORT_RELEVANCE, SORT_RECOMMENDED, SORT_NEWEST, SORT_PRICE, SORT_PRICE_DESC, SORT_STARS_DESC)
# The star facet offers "n★ and up" for the ratings a certificate can carry.
STAR_FACET_VALUES = (3, 4, 5)


@dataclass(frozen=True)
class ProductQuery:
    """A shopper's product query; every filter is optional and they combine with AND."""

    text: str = ""
    stars_min: int | None = None
    province: str | None = None  # statistics code, "01"
    commune: str | None = None  # statistics code, "00004"
    group: str | None = None  # OCOP group slug
    category_path: str | None = None  # an Oscar category (and below), for category pages
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    in_stock: bool | None = None  # True: only products that can be bought now
    sort: str = SORT_NEWEST
    page: int = 1
    page_size: int = 24
    day: datetime.date | None = None  # whose certificates count; None: today (Vietnam time)


@dataclass(frozen=True)
class ProductHit:
    """One matching product, as the index holds it: enough for the JSON API without the catalogue."""

    id: int
    title: str
    slug: str
    price: Decimal | None
    stars: int | None  # valid on the query's day, else None
    province_code: str
    province_name: str
    commune_code: str
    commune_name: str
    seller_slug: str
    seller_name: str
    group_slug: str
    in_stock: bool
    image: str  # storage name of the primary image, "" if none


@dataclass(frozen=True)
class FacetValue:
    """A filter value and how many products the current query would show with it applied."""

    value: str | int
    count: int


@dataclass
class Facets:
    """Counts per value of each filter, each over the query and the *other* filters (disjunctive)."""

    stars: list[FacetValue] = field(default_factory=list)  # value n: products with n★ and up
    province: list[FacetValue] = field(default_factory=list)
    group: list[FacetValue] = field(default_factory=list)
    commune: list[FacetValue] = field(default_factory=list)  # only once a province is chosen


@dataclass
class ProductPage:
    """One page of matching products, the total count and the facets.

    `hits` come from the backend; `products` are the cards the storefront views show for the same page
    (ocop_catalog.cards.ProductCards: rendered or cached, products loaded only for missing cards).
    """

    hits: list[ProductHit]
    count: int
    page: int
    page_size: int
    facets: Facets = field(default_factory=Facets)
    products: list = field(default_factory=list)
    backend: str = ""
    # Not every typed word was found: the hits matched through synonyms, fewer words or corrected spelling.
    approximate: bool = False
    # The corrected words searched instead, when nothing matched the words typed ("" otherwise).
    did_you_mean: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))
