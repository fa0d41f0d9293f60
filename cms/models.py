"""Wagtail pages of the marketplace. The home page is the site's root at `/`; under it, the news section
(`/tin-tuc/`) and the training section (`/tap-huan/`) for the programme's communication work."""

import math

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ocop_catalog.text import fold, has_control_characters, slugify_vi

from .blocks import ArticleBodyBlock


class HomePage(Page):
    """The landing page: an introduction and OCOP products chosen by editors."""

    intro = RichTextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_products", label=_("Featured products")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Home page")

    def get_context(self, request, *args, **kwargs):
        from ocop_catalog.cards import ProductCards
        from ocop_catalog.selectors import products_buyable_by_id

        from .selectors import home_article_sections, home_featured_card_refs

        context = super().get_context(request, *args, **kwargs)
        # Cards from the card cache: a product is loaded only when its card changed.
        context["featured_products"] = ProductCards(
            home_featured_card_refs(page=self, limit=settings.OCOP_HOME_FEATURED_COUNT),
            load=lambda ids: products_buyable_by_id(ids=ids),
            request=request,
        )
        context["article_sections"] = home_article_sections(limit=3, request=request)
        return context


class HomePageFeaturedProduct(Orderable):
    """A product an editor put on the home page, in the order chosen."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("Product"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("Featured product")
        verbose_name_plural = _("Featured products")


# --- Articles --------------------------------------------------------------------------------


class Topic(models.Model):
    """A theme articles are filed under (e.g. "An toàn thông tin"); readers filter the lists by it."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("Slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in addresses; made from the name if left blank."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")

    def __str__(self):
        return self.name

    def clean(self):
        if not self.slug:
            self.slug = slugify_vi(self.name)


def available_slug(*, base: str, parent: Page, page: Page | None = None) -> str:
    """`base`, or `base-2`, `base-3`… : the first slug no other child of `parent` holds."""
    siblings = parent.get_children().exclude(pk=page.pk) if page is not None and page.pk else parent.get_children()
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Autosave posts before the title field has filled the slug in (it does so on blur): an empty slug is
        # made from the title here, instead of a silent "validation error" 400.
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        title = (self.data.get("title") or "").strip()
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if not slug and title and parent is not None:
            slug = available_slug(base=slugify_vi(title), parent=parent, page=self.instance)
        if not slug:
            raise forms.ValidationError(self.fields["slug"].error_messages["required"], code="required")
        return slug


class ArticlePage(Page):
    """What news and training articles share: a date, a summary, a main image, topics and a StreamField body."""

    date = models.DateField(
        _("Date"), default=timezone.localdate, help_text=_("Shown on the article; the lists put the newest first.")
    )
    introduction = models.TextField(
        _("Introduction"), max_length=400, help_text=_("One or two sentences, shown in lists, feeds and when shared.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top and when the article is shared; the image's description is its alt text."),
    )
    topics = ParentalManyToManyField("cms.Topic", verbose_name=_("Topics"), blank=True, related_name="+")
    body = StreamField(ArticleBodyBlock(), verbose_name=_("Body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("introduction"), FieldPanel("image")], heading=_("Summary")),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        # Readers type without diacritics ("an toan thong tin"): the folded text matches the folded query.
        index.SearchField("folded_text"),
        index.FilterField("date"),
    ]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        self._ascii_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._ascii_slug()  # a draft's save validates only its title and slug
        super().minimal_clean()

    def _ascii_slug(self) -> None:
        # Article addresses are ASCII like the demo ones ("dac-san-da-nang"), never percent-encoded accents:
        # Wagtail's own fallback would drop đ ("ac-san-a-nang"), so fold a Vietnamese or missing slug first.
        if self.path and (not self.slug.isascii() or not self.slug) and (self.slug or self.title):
            self.slug = available_slug(base=slugify_vi(self.slug or self.title), parent=self.get_parent(), page=self)

    def readable_text(self) -> str:
        """The title, introduction and readable text of the body (rich text without markup, quotes, captions)."""
        body = " ".join(self.body.stream_block.get_searchable_content(self.body))
        return f"{self.title} {self.introduction} {body}"

    def folded_text(self) -> str:
        return fold(self.readable_text())

    def featured_product_ids(self) -> list[int]:
        return ArticleBodyBlock.featured_product_ids(self.body)

    def get_context(self, request, *args, **kwargs):
        from ocop_catalog.selectors import products_buyable_by_id

        context = super().get_context(request, *args, **kwargs)
        # One load for every featured-products block of the body.
        context["featured_products_by_id"] = products_buyable_by_id(ids=self.featured_product_ids())
        return context


class SectionIndexPage(Page):
    """A section's front page: its live articles, newest first, ten a page, by topic or search."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count = 1
    articles_per_page = 10

    class Meta:
        abstract = True

    @classmethod
    def article_model(cls) -> type[ArticlePage]:
        """The section's article type: its only subpage type."""
        (label,) = cls.subpage_types
        return apps.get_model(label)

    def get_context(self, request, *args, **kwargs):
        from .selectors import section_articles, section_topics

        context = super().get_context(request, *args, **kwargs)
        if any(has_control_characters(request.GET.get(name, "")) for name in ("topic", "q")):
            # A NUL reaching PostgreSQL is a driver error: a 400, never a 500 (issue 11.6).
            raise BadRequest("control characters in the query string")
        topic = Topic.objects.filter(slug=request.GET.get("topic", "")).first()
        query = request.GET.get("q", "").strip()[:200]
        articles = section_articles(index=self, topic=topic, query=query)
        context.update(
            articles=Paginator(articles, self.articles_per_page).get_page(request.GET.get("page")),
            topics=section_topics(index=self),
            topic=topic,
            query=query,
        )
        return context


class NewsIndexPage(SectionIndexPage):
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("News index")


class NewsPage(ArticlePage):
    """News that raises awareness of the programme and of digital transformation in rural areas."""

    parent_page_types = ["cms.NewsIndexPage"]

    class Meta:
        verbose_name = _("News article")
        verbose_name_plural = _("News articles")


class TrainingIndexPage(SectionIndexPage):
    subpage_types = ["cms.TrainingArticlePage"]

    class Meta:
        verbose_name = _("Training index")


class TrainingArticlePage(ArticlePage):
    """A lesson for producers, commune officials or shoppers, with handouts and an optional video."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")

    class Audience(models.TextChoices):
        PRODUCERS = "producers", _("Producers and cooperatives")
        COMMUNE_OFFICIALS = "commune_officials", _("Commune officials")
        SHOPPERS = "shoppers", _("Shoppers")

    # Syllables a reader gets through in a minute (Vietnamese text read on a phone).
    WORDS_PER_MINUTE = 200

    level = models.CharField(_("Level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    audience = models.CharField(_("Audience"), max_length=20, choices=Audience.choices, default=Audience.PRODUCERS)
    video_url = models.URLField(
        _("Video"), blank=True, help_text=_("Optional: a YouTube or Vimeo address, shown under the introduction.")
    )
    # Stored on save so that lists need not read every body.
    reading_minutes = models.PositiveSmallIntegerField(_("Reading time (minutes)"), default=1, editable=False)

    content_panels = ArticlePage.content_panels + [
        MultiFieldPanel([FieldPanel("level"), FieldPanel("audience")], heading=_("Who it is for")),
        FieldPanel("video_url"),
        InlinePanel("documents", label=_("Documents (slides, handouts)")),
    ]
    search_fields = ArticlePage.search_fields + [index.FilterField("level"), index.FilterField("audience")]
    parent_page_types = ["cms.TrainingIndexPage"]

    class Meta:
        verbose_name = _("Training article")
        verbose_name_plural = _("Training articles")

    def reading_minutes_estimate(self) -> int:
        """Estimated minutes to read the title, introduction and body; at least one."""
        return max(1, math.ceil(len(self.readable_text().split()) / self.WORDS_PER_MINUTE))

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.reading_minutes = self.reading_minutes_estimate()
        return super().save(*args, **kwargs)


class TrainingArticleDocument(Orderable):
    """A document (PDF slides, a handout) attached to a training article."""

    page = ParentalKey(TrainingArticlePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("Title"), max_length=200, blank=True, help_text=_("Leave blank to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Document")
        verbose_name_plural = _("Documents")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ArticleFeaturedProduct(models.Model):
    """A live article that features a product: kept in step on publish and unpublish (cms.signals), so a product
    page finds its articles in one query instead of reading every article's body."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="featured_product_links")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("Article featuring a product")
        verbose_name_plural = _("Articles featuring products")
        constraints = [models.UniqueConstraint(fields=["page", "product"], name="cms_article_product_unique")]

    def __str__(self):
        return f"{self.page_id} → {self.product_id}"
