"""The section pages list articles newest first, ten a page, by topic; articles carry their facts and SEO tags."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from cms import services
from cms.models import TrainingArticlePage

from .factories import make_news, make_training, paragraph

pytestmark = pytest.mark.django_db


def test_news_index_lists_newest_first_ten_a_page(client, sections):
    for day in range(1, 13):
        make_news(title=f"Tin ngày {day:02d}", date=datetime.date(2026, 10, day))

    first = client.get("/tin-tuc/").context["articles"]
    second = client.get("/tin-tuc/", {"page": 2}).context["articles"]

    assert [page.title for page in first] == [f"Tin ngày {day:02d}" for day in range(12, 2, -1)]
    assert [page.title for page in second] == ["Tin ngày 02", "Tin ngày 01"]


def test_index_filters_by_topic_and_offers_only_topics_in_use(client, sections):
    photos = services.topic_ensure(name="Chụp ảnh sản phẩm")
    services.topic_ensure(name="Chủ đề chưa dùng")
    make_training(title="Ánh sáng cửa sổ", topics=[photos])
    make_training(title="Bài không có chủ đề")

    response = client.get("/tap-huan/", {"topic": photos.slug})

    assert [page.title for page in response.context["articles"]] == ["Ánh sáng cửa sổ"]
    assert [topic.name for topic in response.context["topics"]] == ["Chụp ảnh sản phẩm"]
    assert photos.slug == "chup-anh-san-pham"
    assert 'aria-current="page">Chụp ảnh sản phẩm</a>' in response.content.decode()


def test_index_page_costs_the_same_queries_for_many_articles(client, sections, picture):
    topic = services.topic_ensure(name="Bán hàng trực tuyến")
    make_training(image=picture, topics=[topic])
    client.get("/tap-huan/")  # renditions made once
    with CaptureQueriesContext(connection) as one:
        client.get("/tap-huan/")
    for _ in range(9):
        make_training(image=picture, topics=[topic], body=[paragraph("<p>Một bài dài. </p>" * 50)])

    with CaptureQueriesContext(connection) as ten:
        response = client.get("/tap-huan/")

    assert len(response.context["articles"]) == 10
    assert len(ten) == len(one)


def test_training_article_shows_level_audience_reading_time_and_documents(client, sections):
    document = get_document_model()(title="Bài giảng chụp ảnh", file_size=2048)
    document.file.save("bai-giang-chup-anh.pdf", ContentFile(b"%PDF-1.4\n" + b" " * 2039), save=False)
    document.save()
    words = " ".join(["chữ"] * 590)
    article = make_training(
        title="Chụp ảnh bằng điện thoại",
        level=TrainingArticlePage.Level.INTERMEDIATE,
        audience=TrainingArticlePage.Audience.COMMUNE_OFFICIALS,
        body=[paragraph(f"<p>{words}</p>")],
        documents=[(document, "Tải bài giảng")],
    )

    html = client.get(article.url).content.decode()

    assert article.reading_minutes == 3  # 600 words at 200 a minute
    assert "3 phút đọc" in html or "3 minutes read" in html
    assert article.get_level_display() in html and article.get_audience_display() in html
    assert f'href="{document.url}">Tải bài giảng</a>' in html
    assert "(PDF, 2" in html


def test_reading_time_follows_the_published_body(sections):
    article = make_training(body=[paragraph("<p>Ngắn.</p>")])
    assert article.reading_minutes == 1

    article.body = [paragraph("<p>" + "chữ " * 1000 + "</p>")]
    article.save_revision().publish()

    assert TrainingArticlePage.objects.get(pk=article.pk).reading_minutes == 6


def test_article_has_title_description_and_open_graph_tags(client, sections, picture):
    article = make_news(
        title="Xã thương mại điện tử",
        introduction="Các xã thí điểm đưa sản phẩm OCOP lên sàn.",
        image=picture,
    )

    html = client.get(article.url).content.decode()

    assert "<title>Xã thương mại điện tử | Chợ OCOP</title>" in html
    assert '<meta name="description" content="Các xã thí điểm đưa sản phẩm OCOP lên sàn.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Xã thương mại điện tử">' in html
    assert f'<meta property="og:url" content="http://testserver{article.url}">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta property="og:image:alt" content="Đồi chè Tân Cương buổi sáng">' in html
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html


def test_article_seo_fields_override_the_defaults(client, sections):
    article = make_news(title="Tiêu đề dài", seo_title="Tiêu đề SEO", search_description="Mô tả SEO.")

    html = client.get(article.url).content.decode()

    assert "<title>Tiêu đề SEO | Chợ OCOP</title>" in html
    assert '<meta name="description" content="Mô tả SEO.">' in html


def test_article_main_image_alt_text_comes_from_the_editor(client, sections, picture):
    html = client.get(make_news(image=picture).url).content.decode()

    assert 'alt="Đồi chè Tân Cương buổi sáng"' in html


def test_home_page_links_the_newest_news_and_training(client, sections):
    for day in range(1, 5):
        make_news(title=f"Tin số {day}", date=datetime.date(2026, 11, day))
    lesson = make_training(title="Bài học mới nhất")

    html = client.get("/").content.decode()

    assert 'href="/tin-tuc/"' in html and 'href="/tap-huan/"' in html
    assert "Tin số 4" in html and "Tin số 2" in html and "Tin số 1" not in html  # three newest
    assert f'href="{lesson.url}"' in html
