"""The news feeds and sitemap.xml list the right addresses, on the host that was asked."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from oscar.core.loading import get_model

from tests.factories import make_product

from .factories import make_news, make_training

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


def test_rss_feed_lists_live_news_newest_first_with_absolute_links(client, sections):
    older = make_news(title="Tin cũ", date=datetime.date(2026, 9, 1))
    newer = make_news(title="Tin mới", date=datetime.date(2026, 11, 1))
    draft = make_news(title="Tin nháp")
    draft.unpublish()
    training = make_training(title="Bài tập huấn không vào tin")

    response = client.get("/tin-tuc/rss/")

    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Tin mới", "Tin cũ"]
    assert items[0].findtext("link") == f"http://testserver{newer.url}"
    assert items[1].findtext("description") == older.introduction
    assert channel.findtext("link") == "http://testserver/tin-tuc/"
    assert training.title.encode() not in response.content


def test_atom_feed_lists_the_same_news(client, sections):
    news = make_news(title="Tin trong Atom")

    response = client.get("/tin-tuc/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    entry = ET.fromstring(response.content).find("a:entry", ATOM_NS)
    assert entry.findtext("a:title", namespaces=ATOM_NS) == "Tin trong Atom"
    assert entry.find("a:link", ATOM_NS).get("href") == f"http://testserver{news.url}"


def test_news_pages_announce_their_feeds(client, sections):
    html = client.get(make_news().url).content.decode()

    assert 'type="application/rss+xml"' in html and 'href="/tin-tuc/rss/"' in html
    assert 'type="application/atom+xml"' in html


def test_sitemap_lists_pages_products_and_categories(client, sections, producer):
    Category = get_model("catalogue", "Category")
    news = make_news()
    training = make_training()
    draft = make_news()
    draft.unpublish()
    product = make_product(producer=producer, group="do-uong")
    hidden = make_product(producer=producer)
    hidden.is_public = False
    hidden.save()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {node.text for node in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)}
    base = "http://testserver"
    pages = {"/", "/tin-tuc/", "/tap-huan/", news.url, training.url}
    assert {f"{base}{path}" for path in pages} <= locations
    assert f"{base}{draft.url}" not in locations
    assert f"{base}{product.get_absolute_url()}" in locations
    assert f"{base}{hidden.get_absolute_url()}" not in locations
    assert f"{base}{Category.objects.get(slug='do-uong').get_absolute_url()}" in locations
