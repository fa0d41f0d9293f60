"""Reads for content pages."""

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from oscar.core.loading import get_model
from wagtail.models import Page, PageViewRestriction, Site

from ocop_catalog.cards import CardRef, card_version
from ocop_catalog.selectors import product_card_rows
from ocop_catalog.text import fold

from .caching import content_version

Product = get_model("catalogue", "Product")

# Search hits considered per query: more than anyone pages through.
SEARCH_HITS_MAX = 500
# What the home page keeps under the content version; the version moving on retires it sooner.
HOME_SECTIONS_CACHE_SECONDS = 60 * 60


def _card_refs(rows) -> list[CardRef]:
    return [CardRef(row[0], card_version(row)) for row in rows]


def home_featured_card_refs(*, page, limit: int) -> list[CardRef]:
    """The cards of the products editors featured on `page` that are still sold, in their order; if none,
    of the newest products with a valid 4★–5★ certificate. No product is loaded; the editors' choice is
    cached under the content version (publishing the home page moves it on)."""
    key = f"cms:home-featured:{content_version()}:{page.pk}:{limit}"
    chosen_ids = cache.get(key)
    if chosen_ids is None:
        chosen_ids = list(page.featured_products.order_by("sort_order").values_list("product_id", flat=True)[:limit])
        cache.set(key, chosen_ids, HOME_SECTIONS_CACHE_SECONDS)
    if chosen_ids:
        rows = {row[0]: row for row in product_card_rows(ids=chosen_ids, limit=limit)}
        chosen = [rows[pk] for pk in chosen_ids if pk in rows]
        if chosen:
            return _card_refs(chosen)
    return _card_refs(product_card_rows(limit=limit))


def section_articles(*, index, topic=None, query: str = "") -> QuerySet:
    """The live, public articles directly under the section `index`, newest first, with what a list shows
    loaded; only those filed under `topic` when given, and only those matching every word of `query`
    (ignoring case and Vietnamese diacritics) when given."""
    model = index.article_model()
    articles = model.objects.live().public().child_of(index)
    if topic is not None:
        articles = articles.filter(topics=topic)
    folded = fold(query)
    if folded:
        hits = model.objects.live().child_of(index).search(folded, operator="and")
        articles = articles.filter(pk__in=[page.pk for page in hits[:SEARCH_HITS_MAX]])
    return (
        articles.select_related("image")
        .prefetch_related("image__renditions", "topics")
        .order_by("-date", "-first_published_at", "-pk")
    )


def section_topics(*, index) -> QuerySet:
    """The topics of the live articles of the section `index`, by name."""
    model = index.article_model()
    return get_model("cms", "Topic").objects.filter(
        pk__in=model.objects.live().child_of(index).values("topics")
    ).order_by("name")


def section_index(*, model):
    """The live index page of a section (`NewsIndexPage` or `TrainingIndexPage`), or None."""
    return model.objects.live().order_by("path").first()


def latest_articles(*, index, limit: int, with_topics: bool = True) -> list:
    """The newest `limit` live, public articles of the section `index`, with their topics (for a feed)
    unless `with_topics` is False."""
    articles = index.article_model().objects.live().public().child_of(index)
    if with_topics:
        articles = articles.prefetch_related("topics")
    return list(articles.order_by("-date", "-first_published_at", "-pk")[:limit])


def home_article_sections(*, limit: int, request=None) -> list[dict]:
    """The news and the training section (those that exist): title, URL and their newest `limit` live, public
    articles (title, URL, date). Cached under the content version, which every publish, unpublish, move,
    deletion or view-restriction change moves on (cms.signals): an article shows as soon as it is live."""
    site = Site.find_for_request(request) if request is not None else None  # URLs are relative to it
    key = f"cms:home-sections:{content_version()}:{limit}:{getattr(site, 'pk', '')}"
    sections = cache.get(key)
    if sections is None:
        sections = []
        for model_name in ("NewsIndexPage", "TrainingIndexPage"):
            index = section_index(model=get_model("cms", model_name))
            if index is not None:
                articles = latest_articles(index=index, limit=limit, with_topics=False)
                sections.append(
                    {
                        "title": index.title,
                        "url": index.get_url(request=request),
                        "articles": [
                            {"title": article.title, "url": article.get_url(request=request), "date": article.date}
                            for article in articles
                        ],
                    }
                )
        cache.set(key, sections, HOME_SECTIONS_CACHE_SECONDS)
    return sections


def _under_view_restriction():
    """True for a page that a password, login or group restriction on it or an ancestor hides from the public."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def articles_featuring(*, product, limit: int = 6) -> list:
    """The live, public articles (news and training) featuring `product`, newest first, in one query; each has
    `is_training` set. Reading the denormalised links keeps this one query however many articles exist; the
    answer is cached under the content version (publishing or unpublishing any page moves it on), so a warm
    product page reads nothing here."""
    key = f"cms:articles-featuring:{content_version()}:{product.pk}:{limit}"
    articles = cache.get(key)
    if articles is None:
        articles = _articles_featuring(product=product, limit=limit)
        cache.set(key, articles, HOME_SECTIONS_CACHE_SECONDS)
    return articles


def _articles_featuring(*, product, limit: int) -> list:
    training = get_model("cms", "TrainingArticlePage").objects.filter(pk=OuterRef("pk"))
    return list(
        Page.objects.live()
        .filter(featured_product_links__product=product)
        .exclude(_under_view_restriction())
        .annotate(is_training=Exists(training))
        .order_by("-first_published_at", "-pk")[:limit]
    )
