"""The article body blocks: featured products rendered live, and the shared content blocks."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.blocks import ArticleBodyBlock, CallToActionBlock, FeaturedProductsBlock
from tests.factories import make_product

from .factories import featured, make_news, make_training, paragraph

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def render_featured(*products):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.strategy = get_class("partner.strategy", "Selector")().strategy(request=request)  # BasketMiddleware's job
    block = FeaturedProductsBlock()
    value = block.to_python({"heading": "Sản phẩm trong bài", "products": [p.pk for p in products]})
    return block.render(value, context={"request": request})


def test_featured_products_block_renders_current_price_stars_and_stock(producer):
    product = make_product(producer=producer, title="Chè đinh hộp 100g", price_vnd=250_000, stock=7, stars=4)

    html = render_featured(product)

    assert "Sản phẩm trong bài" in html
    assert "Chè đinh hộp 100g" in html and product.get_absolute_url() in html
    assert f"250.000{NBSP}₫" in html
    assert 'class="ocop-stars"' in html
    assert "availability--instock" in html


def test_featured_products_block_shows_the_price_after_it_changes(producer):
    product = make_product(producer=producer, price_vnd=100_000)
    record = product.stockrecords.get()
    record.price = 90_000
    record.save()

    assert f"90.000{NBSP}₫" in render_featured(product)


def test_featured_products_block_hides_a_product_no_longer_sold(producer):
    withdrawn = make_product(producer=producer, title="Sản phẩm đã ngừng bán")
    kept = make_product(producer=producer, title="Sản phẩm vẫn bán")
    withdrawn.is_public = False
    withdrawn.save()

    html = render_featured(withdrawn, kept)

    assert "Sản phẩm đã ngừng bán" not in html
    assert "Sản phẩm vẫn bán" in html


def test_featured_products_block_with_nothing_left_to_sell_renders_nothing(producer):
    withdrawn = make_product(producer=producer)
    withdrawn.is_public = False
    withdrawn.save()

    assert render_featured(withdrawn).strip() == ""


def test_article_survives_a_deleted_featured_product(client, sections, producer):
    gone = make_product(producer=producer, title="Sản phẩm sẽ bị xóa")
    kept = make_product(producer=producer, title="Sản phẩm còn lại")
    article = make_news(body=[paragraph("<p>Bài viết.</p>"), featured(gone, kept)])
    gone.delete()

    response = client.get(article.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Sản phẩm còn lại" in html and "Sản phẩm sẽ bị xóa" not in html


def test_article_loads_featured_products_in_the_same_queries_however_many(client, sections, producer):
    products = [make_product(producer=producer, stars=4) for _ in range(12)]
    small = make_news(body=[featured(products[0])])
    large = make_news(body=[featured(*products[:6]), paragraph("<p>Giữa bài.</p>"), featured(*products[6:])])
    client.get(small.url), client.get(large.url)  # thumbnails and renditions made once

    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.url)
    with CaptureQueriesContext(connection) as large_queries:
        html = client.get(large.url).content.decode()

    assert html.count('class="card"') == 12
    assert len(large_queries) == len(small_queries)


def test_article_renders_every_content_block(client, sections, picture):
    document = get_document_model()(title="Bài giảng thử", file_size=9)
    document.file.save("bai-giang.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    target = make_training(title="Bài học đích")
    url = "https://www.youtube.com/watch?v=ocop-demo"
    Embed.objects.create(
        url=url, hash=get_embed_hash(url, None, None), type="video",
        html='<iframe title="Video hướng dẫn" src="https://www.youtube.com/embed/ocop-demo"></iframe>',
    )  # fmt: skip
    article = make_news(
        body=[
            {"type": "image", "value": {
                "image": {"image": picture.pk, "alt_text": "Người dân hái chè", "decorative": False},
                "caption": "Hái chè buổi sớm"}},
            {"type": "quote", "value": {"text": "Ảnh thật bán được hàng.", "attribution": "Chị Hoa"}},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
            {"type": "video", "value": {"video": url, "caption": "Hướng dẫn chụp ảnh"}},
            {"type": "call_to_action", "value": {
                "title": "Học tiếp", "text": "", "button_label": "Xem bài học", "page": target.pk, "url": ""}},
        ]  # fmt: skip
    )

    html = client.get(article.url).content.decode()

    assert 'alt="Người dân hái chè"' in html and "<figcaption>Hái chè buổi sớm</figcaption>" in html
    assert "<blockquote><p>Ảnh thật bán được hàng.</p></blockquote>" in html and "Chị Hoa" in html
    assert f'href="{document.url}">Bài giảng thử</a>' in html and "(PDF, 9" in html
    assert 'title="Video hướng dẫn"' in html and f'href="{url}"' in html
    assert f'href="{target.url}">Xem bài học</a>' in html


def test_call_to_action_needs_exactly_one_destination():
    block = CallToActionBlock()
    value = block.to_python({"title": "T", "text": "", "button_label": "Đi", "page": None, "url": ""})

    with pytest.raises(ValidationError):
        block.clean(value)


def test_featured_product_ids_collects_every_block_once_in_order(producer):
    first, second, third = (make_product(producer=producer) for _ in range(3))
    body = ArticleBodyBlock().to_python(
        [featured(first, second), paragraph("<p>x</p>"), featured(second, third)]
    )

    assert ArticleBodyBlock.featured_product_ids(body) == [first.pk, second.pk, third.pk]
