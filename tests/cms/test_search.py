"""Article search through Wagtail's search backend, folded for Vietnamese like the product search."""

import pytest

from cms import services
from cms.models import NewsIndexPage, TrainingIndexPage
from cms.selectors import section_articles

from .factories import make_news, make_training, paragraph

pytestmark = pytest.mark.django_db


def titles(index, **kwargs) -> list[str]:
    return [page.title for page in section_articles(index=index, **kwargs)]


def test_search_without_diacritics_finds_an_article_written_with_them(sections):
    make_training(title="An toàn thông tin cho hộ sản xuất")
    make_training(title="Chụp ảnh sản phẩm")

    training = TrainingIndexPage.objects.get()
    assert titles(training, query="an toan thong tin") == ["An toàn thông tin cho hộ sản xuất"]
    assert titles(training, query="AN TOÀN THÔNG TIN") == ["An toàn thông tin cho hộ sản xuất"]


def test_search_reads_the_body_and_folds_d_with_stroke(sections):
    make_news(title="Tin thứ nhất", body=[paragraph("<p>Hội chợ OCOP ở <b>Đà Nẵng</b> tháng sau.</p>")])
    make_news(title="Tin thứ hai")

    assert titles(NewsIndexPage.objects.get(), query="da nang") == ["Tin thứ nhất"]


def test_search_needs_every_word(sections):
    make_news(title="Bán hàng trực tuyến")
    make_news(title="Bán hàng ở chợ phiên")

    assert titles(NewsIndexPage.objects.get(), query="ban hang truc tuyen") == ["Bán hàng trực tuyến"]


def test_search_stays_inside_its_section(sections):
    make_news(title="An toàn thông tin: tin cảnh báo")
    make_training(title="An toàn thông tin: bài học")

    assert titles(NewsIndexPage.objects.get(), query="an toan thong tin") == ["An toàn thông tin: tin cảnh báo"]


def test_index_page_search_form_finds_the_article(client, sections):
    article = make_training(title="An toàn thông tin cho người mua")

    response = client.get("/tap-huan/", {"q": "an toan thong tin"})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{article.url}"' in html
    assert 'value="an toan thong tin"' in html and 'role="search"' in html


def test_topic_filter_and_search_combine(sections):
    security = services.topic_ensure(name="An toàn thông tin")
    make_news(title="Lừa đảo qua điện thoại", topics=[security])
    make_news(title="Lừa đảo khi bán hàng")
    make_news(title="Mật khẩu mạnh", topics=[security])
    news = NewsIndexPage.objects.get()

    assert set(titles(news, topic=security)) == {"Lừa đảo qua điện thoại", "Mật khẩu mạnh"}
    assert titles(news, topic=security, query="lua dao") == ["Lừa đảo qua điện thoại"]
