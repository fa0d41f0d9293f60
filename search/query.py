"""The search contract: what a product query asks and what a backend answers."""

from dataclasses import dataclass, field
from decimal import Decimal

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORT_PRICE = "price"
SORT_PRICE_DESC = "-price"
SORT_STARS_DESC = "-stars"
SORTS = (SORT_RELEVANCE, SORT_NEWEST, SORT_PRICE, SORT_PRICE_DESC, SORT_STARS_DESC)


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
    in_stock: bool | None = None
    sort: str = SORT_NEWEST
    page: int = 1
    page_size: int = 24


@dataclass
class ProductPage:
    """One page of matching products, fully loaded for display, and the total count."""

    products: list
    count: int
    page: int
    page_size: int
    facets: dict = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))
