"""Names and links for what a search answers: facet values, API results."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from ocop_catalog import selectors as ocop_selectors
from ocop_catalog.cards import CardRef, ProductCards, card_version
from ocop_catalog.rules import PRODUCT_GROUPS_BY_SLUG

from .query import Facets, FacetValue, ProductHit

FACET_PARAMS = {"stars": "stars_min", "province": "province", "group": "group", "commune": "commune"}


def province_names() -> dict[str, str]:
    return dict(ocop_selectors.province_choices())


def commune_names(province_code: str | None) -> dict[str, str]:
    if not province_code:
        return {}
    return {choice.code: choice.name for choice in ocop_selectors.commune_choices(province_code=province_code)}


def stars_label(value: int) -> str:
    return "5★" if value == 5 else _("%(stars)s★ and up") % {"stars": value}


def facet_labels(facets: Facets, *, provinces: dict[str, str], communes: dict[str, str]) -> dict[str, dict]:
    """Display names of every facet value, by facet and value (`provinces`, `communes`: names by code)."""
    return {
        "stars": {item.value: stars_label(item.value) for item in facets.stars},
        "province": {item.value: provinces.get(item.value, item.value) for item in facets.province},
        "group": {
            item.value: PRODUCT_GROUPS_BY_SLUG[item.value].label if item.value in PRODUCT_GROUPS_BY_SLUG else item.value
            for item in facets.group
        },
        "commune": {item.value: communes.get(item.value, item.value) for item in facets.commune},
    }


def facet_links(facets: Facets, *, params, current: dict, provinces: dict[str, str], communes: dict[str, str]) -> list[dict]:
    """The facet sidebar: for each facet, its values as links that apply (or remove) the filter.

    `params` is the request's QueryDict; `current` the filters in force, by parameter name; `provinces` and
    `communes` (of the chosen province) the names by code, read once per request by the caller.
    """
    labels = facet_labels(facets, provinces=provinces, communes=communes)
    titles = {"stars": _("OCOP rating"), "group": _("Product group"), "province": _("Province"), "commune": _("Commune")}
    sidebar = []
    for facet in ("stars", "group", "province", "commune"):
        values: list[FacetValue] = getattr(facets, facet)
        if not values:
            continue
        param = FACET_PARAMS[facet]
        # The query string less this filter (and the page, and a province's commune), encoded once per facet.
        kept = params.copy()
        for name in ("page", param, *(("commune",) if facet == "province" else ())):
            kept.pop(name, None)
        base = kept.urlencode()
        links = []
        for item in values:
            chosen = str(current.get(param) or "") == str(item.value)
            encoded = base if chosen else "&".join(filter(None, (base, urlencode({param: item.value}))))
            links.append(
                {"label": labels[facet][item.value], "count": item.count, "chosen": chosen, "url": f"?{encoded}" if encoded else "?"}
            )
        sidebar.append({"name": facet, "title": titles[facet], "links": links})
    return sidebar


def did_you_mean_link(page, *, params) -> dict | None:
    """The corrected words a page searched instead of those typed, as a link to search them (the other
    filters kept, the page reset); None when the words typed were searched."""
    if not page.did_you_mean:
        return None
    kept = params.copy()
    kept.pop("page", None)
    kept["q"] = page.did_you_mean
    return {"text": page.did_you_mean, "url": f"?{kept.urlencode()}"}


def product_cards(hits: list[ProductHit], *, stats: dict, request) -> ProductCards:
    """The cards of a page of hits, loaded lazily (ocop_catalog.cards); each card's version is its hit (title,
    slug, price, stars, place, stock, image…) and its stats (rating, number sold), so a review or a sale
    gives the card a new key. Hits of products no longer on sale (absent from `stats`,
    search.selectors.card_stats_on_sale) are left out. The number sold is set on each loaded product as
    `num_sold` from `stats`: no query of its own."""
    refs = [CardRef(hit.id, card_version(hit, stats[hit.id])) for hit in hits if hit.id in stats]

    def load(ids):
        products = ocop_selectors.products_on_sale_by_id(ids=ids)
        for pk, product in products.items():
            product.num_sold = stats[pk].sold if pk in stats else 0
        return products

    return ProductCards(refs, load=load, request=request)


def hit_json(hit: ProductHit, *, request) -> dict:
    """One result of the JSON API."""
    from django.core.files.storage import default_storage

    group = PRODUCT_GROUPS_BY_SLUG.get(hit.group_slug)
    url = reverse("catalogue:detail", kwargs={"product_slug": hit.slug, "pk": hit.id})
    return {
        "id": hit.id,
        "title": hit.title,
        "url": request.build_absolute_uri(url),
        "price": None if hit.price is None else int(hit.price),
        "currency": "VND",
        "stars": hit.stars,
        "province": {"code": hit.province_code, "name": hit.province_name} if hit.province_code else None,
        "commune": {"code": hit.commune_code, "name": hit.commune_name} if hit.commune_code else None,
        "seller": {"slug": hit.seller_slug, "name": hit.seller_name} if hit.seller_slug else None,
        "group": {"slug": group.slug, "name": group.name} if group else None,
        "in_stock": hit.in_stock,
        "image": request.build_absolute_uri(default_storage.url(hit.image)) if hit.image else None,
    }


def facets_json(facets: Facets, *, province: str | None) -> dict:
    provinces = province_names()
    answer = {
        "stars": [{"value": item.value, "count": item.count} for item in facets.stars],
        "province": [{"code": item.value, "name": provinces.get(item.value, item.value), "count": item.count} for item in facets.province],
        "group": [
            {"slug": item.value, "name": PRODUCT_GROUPS_BY_SLUG[item.value].name, "count": item.count}
            for item in facets.group
            if item.value in PRODUCT_GROUPS_BY_SLUG
        ],
    }
    if province:
        communes = commune_names(province)
        answer["commune"] = [{"code": item.value, "name": communes.get(item.value, item.value), "count": item.count} for item in facets.commune]
    return answer
