"""Reads for content pages."""

from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from oscar.core.loading import get_model
from wagtail.models import Page, PageViewRestriction

from ocop_catalog.selectors import featured_products_fallback, products_for_display
from ocop_catalog.text import fold

Product = get_model("catalogue", "Product")

# Search hits considered per query: more than anyone pages through.
SEARCH_HITS_MAX = 500


def products_for_display_by_id(*, ids) -> dict:
    """The products among `ids` that are still sold, loaded for a product card in a fixed number of queries
    whatever their count, by id; ids of products deleted or withdrawn are absent."""
    ids = list(ids)
    if not ids:
        return {}
    return {product.pk: product for product in products_for_display(Product.objects.browsable().filter(pk__in=ids))}


def home_featured_products(*, page, limit: int) -> list:
    """The products editors featured on `page` that are still sold, in their order; if none, the
    newest products with a valid 4★–5★ certificate."""
    chosen_ids = list(
        page.featured_products.order_by("sort_order").values_list("product_id", flat=True)[:limit]
    )
    if chosen_ids:
        by_id = products_for_display_by_id(ids=chosen_ids)
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id]
        if chosen:
            return chosen
    return featured_products_fallback(limit=limit)


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


def latest_articles(*, index, limit: int) -> list:
    """The newest `limit` live, public articles of the section `index`, with their topics (for a feed)."""
    return list(
        index.article_model()
        .objects.live()
        .public()
        .child_of(index)
        .prefetch_related("topics")
        .order_by("-date", "-first_published_at", "-pk")[:limit]
    )


def home_article_sections(*, limit: int) -> list[tuple]:
    """(section index, its newest `limit` articles) for the news and the training section, those that exist."""
    sections = []
    for model_name in ("NewsIndexPage", "TrainingIndexPage"):
        index = section_index(model=get_model("cms", model_name))
        if index is not None:
            sections.append((index, latest_articles(index=index, limit=limit)))
    return sections


def _under_view_restriction():
    """True for a page that a password, login or group restriction on it or an ancestor hides from the public."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def articles_featuring(*, product, limit: int = 6) -> list:
    """The live, public articles (news and training) featuring `product`, newest first, in one query; each has
    `is_training` set. Reading the denormalised links keeps this one query however many articles exist."""
    training = get_model("cms", "TrainingArticlePage").objects.filter(pk=OuterRef("pk"))
    return list(
        Page.objects.live()
        .filter(featured_product_links__product=product)
        .exclude(_under_view_restriction())
        .annotate(is_training=Exists(training))
        .order_by("-first_published_at", "-pk")[:limit]
    )
