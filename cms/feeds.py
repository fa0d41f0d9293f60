"""RSS and Atom feeds of the news section (django.contrib.syndication)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .models import NewsIndexPage
from .selectors import latest_articles, section_index

FEED_ITEMS = 20


@dataclass(frozen=True)
class _FeedSource:
    index: NewsIndexPage
    request: HttpRequest

    def absolute_url(self, page) -> str:
        # The host the reader asked (the Django Site row is not kept up to date with the domain).
        return self.request.build_absolute_uri(page.get_url(self.request))


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        index = section_index(model=NewsIndexPage)
        if index is None:
            raise Http404(_("There is no news section."))
        return _FeedSource(index=index, request=request)

    def title(self, source):
        return f"{source.index.title} – {settings.OSCAR_SHOP_NAME}"

    def link(self, source):
        return source.absolute_url(source.index)

    def feed_url(self, source):
        return source.request.build_absolute_uri()

    def description(self, source):
        return strip_tags(source.index.intro) or _("News of the OCOP programme.")

    def items(self, source):
        articles = latest_articles(index=source.index, limit=FEED_ITEMS)
        for article in articles:
            article.feed_link = source.absolute_url(article)
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, source):
        return self.description(source)
