"""The demo articles: loaded through Wagtail after the catalogue, once however often the loader runs."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.demo import demo_content_load
from cms.models import ArticleFeaturedProduct, NewsPage, Topic, TrainingArticlePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (NewsPage, TrainingArticlePage, Topic, ArticleFeaturedProduct, get_image_model(), get_document_model())
    }


def test_demo_content_loads_once_with_images_documents_and_featured_products(demo_catalogue, client):
    result = demo_content_load()
    first = counts()
    again = demo_content_load()

    assert counts() == first
    assert (result.created, again.created) == (first["NewsPage"] + first["TrainingArticlePage"], 0)
    assert first["NewsPage"] >= 6 and first["TrainingArticlePage"] >= 6
    assert first["ArticleFeaturedProduct"] >= 20
    articles = list(NewsPage.objects.live()) + list(TrainingArticlePage.objects.live())
    assert all(article.image and article.image.description for article in articles)
    assert all(article.topics.exists() for article in articles)
    assert any(article.documents.exists() for article in TrainingArticlePage.objects.all())
    assert {article.audience for article in TrainingArticlePage.objects.all()} == {
        "producers", "commune_officials", "shoppers"
    }  # fmt: skip
    for document in get_document_model().objects.all():
        assert document.file.read(5) == b"%PDF-"


def test_demo_articles_render_with_their_featured_products(demo_catalogue, client):
    demo_content_load()
    article = NewsPage.objects.get(slug="xa-thuong-mai-dien-tu-dua-san-pham-ocop-len-san")

    html = client.get(article.url).content.decode()

    assert "Chè đinh Tân Cương hộp 100g" in html and 'class="ocop-stars"' in html
    assert client.get("/tap-huan/", {"q": "an toan thong tin"}).context["articles"].paginator.count >= 1
