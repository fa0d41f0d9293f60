"""Routes of the content app outside Wagtail's page tree; mounted before Wagtail's catch-all."""

from django.urls import path

from . import views
from .feeds import NewsAtomFeed, NewsRssFeed

urlpatterns = [
    path("tin-tuc/rss/", NewsRssFeed(), name="cms-news-rss"),
    path("tin-tuc/atom/", NewsAtomFeed(), name="cms-news-atom"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]
