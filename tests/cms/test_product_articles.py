"""A product page shows the live articles that feature it, kept right through edits and unpublishing."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.models import ArticleFeaturedProduct
from tests.factories import make_product

from .factories import featured, make_news, make_training, paragraph

pytestmark = pytest.mark.django_db


def product_page(client, product) -> str:
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_product_page_lists_the_news_and_training_articles_featuring_it(client, sections, producer):
    product = make_product(producer=producer)
    other = make_product(producer=producer)
    news = make_news(title="Chè Tân Cương lên sàn", body=[featured(product)])
    training = make_training(title="Chụp ảnh chè cho đẹp", body=[featured(other, product)])
    make_news(title="Bài không nói về chè", body=[featured(other)])

    html = product_page(client, product)

    assert "Articles about this product" in html or "Bài viết về sản phẩm này" in html
    assert f'href="{news.url}"' in html and "Chè Tân Cương lên sàn" in html
    assert f'href="{training.url}"' in html and "Chụp ảnh chè cho đẹp" in html
    assert "Bài không nói về chè" not in html


def test_product_page_without_articles_shows_no_article_section(client, sections, producer):
    product = make_product(producer=producer)

    assert "cms-product-articles" not in product_page(client, product)


def test_unpublished_article_leaves_the_product_page(client, sections, producer):
    product = make_product(producer=producer)
    news = make_news(title="Tin sẽ gỡ", body=[featured(product)])

    news.unpublish()

    assert "Tin sẽ gỡ" not in product_page(client, product)
    assert not ArticleFeaturedProduct.objects.filter(page=news).exists()


def test_links_follow_the_published_version_not_the_draft(client, sections, producer):
    before, after = make_product(producer=producer), make_product(producer=producer)
    news = make_news(title="Tin được sửa", body=[featured(before)])

    news.body = [featured(after)]
    revision = news.save_revision()
    assert "Tin được sửa" in product_page(client, before)  # a draft changes nothing yet
    assert "Tin được sửa" not in product_page(client, after)

    revision.publish()
    assert "Tin được sửa" not in product_page(client, before)
    assert "Tin được sửa" in product_page(client, after)


def test_article_whose_product_block_is_removed_no_longer_features_it(sections, producer):
    product = make_product(producer=producer)
    news = make_news(body=[featured(product)])

    news.body = [paragraph("<p>Không còn sản phẩm.</p>")]
    news.save_revision().publish()

    assert not ArticleFeaturedProduct.objects.filter(page=news).exists()


def test_deleted_article_leaves_no_link(sections, producer):
    product = make_product(producer=producer)
    news = make_news(body=[featured(product)])

    news.delete()

    assert not ArticleFeaturedProduct.objects.filter(product=product).exists()


def test_article_behind_a_login_is_not_listed(client, sections, producer):
    product = make_product(producer=producer)
    private = make_news(title="Tin nội bộ", body=[featured(product)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert "Tin nội bộ" not in product_page(client, product)


def test_product_articles_tag_costs_at_most_two_queries(sections, producer, django_assert_max_num_queries):
    product = make_product(producer=producer)
    for number in range(5):
        (make_news if number % 2 else make_training)(title=f"Bài số {number}", body=[featured(product)])
    template = Template("{% load cms_tags %}{% product_articles product %}")
    request = RequestFactory().get("/")

    with django_assert_max_num_queries(2):
        html = template.render(Context({"product": product, "request": request}))

    assert all(f"Bài số {number}" in html for number in range(5))
    assert html.index("Bài số 4") < html.index("Bài số 0")  # newest first
