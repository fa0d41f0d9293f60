"""What editors meet in the Wagtail admin: the product chooser, article addresses, e-mails and external requests."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import services
from cms.models import NewsIndexPage, NewsPage
from tests.factories import make_product

from .conftest import make_user
from .factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(sections, django_user_model):
    return make_user(django_user_model, email="bientap@example.vn", group=services.COMMUNICATION_STAFF)


@pytest.fixture
def moderator(sections, django_user_model):
    return make_user(django_user_model, email="kiemduyet@example.vn", group=services.MODERATORS)


def news_form(title: str, slug: str, action: str | None = None) -> dict:
    data = {
        "title": title,
        "slug": slug,
        "date": "2026-11-25",
        "introduction": "Tóm tắt.",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def add_news_url() -> str:
    return reverse("wagtailadmin_pages:add", args=["cms", "newspage", NewsIndexPage.objects.get().pk])


def test_product_chooser_finds_a_title_typed_without_diacritics(client, writer, producer):
    make_product(producer=producer, title="Hạt sen sấy Đồng Tháp")
    make_product(producer=producer, title="Mật ong bạc hà")
    client.force_login(writer)

    html = client.get(reverse("ocop_product_chooser:choose_results"), {"q": "hat sen"}).content.decode()
    with_accents = client.get(reverse("ocop_product_chooser:choose_results"), {"q": "Hạt sen"}).content.decode()
    dong_thap = client.get(reverse("ocop_product_chooser:choose_results"), {"q": "dong thap"}).content.decode()

    assert "Hạt sen sấy Đồng Tháp" in html and "Mật ong bạc hà" not in html
    assert "Hạt sen sấy Đồng Tháp" in with_accents
    assert "Hạt sen sấy Đồng Tháp" in dong_thap


def test_a_new_article_gets_an_ascii_address_from_its_vietnamese_title(client, writer):
    client.force_login(writer)

    # What the admin's slug field sends when the editor leaves it to the title: the title with its accents.
    client.post(add_news_url(), news_form("Đặc sản Đà Nẵng", "đặc-sản-đà-nẵng"))
    client.post(add_news_url(), news_form("Đặc sản Đà Nẵng", "đặc-sản-đà-nẵng"))

    slugs = sorted(NewsPage.objects.filter(title="Đặc sản Đà Nẵng").values_list("slug", flat=True))
    assert slugs == ["dac-san-da-nang", "dac-san-da-nang-2"]


def test_an_article_with_an_ascii_slug_keeps_it(writer):
    page = make_news(title="Đặc sản Đà Nẵng")

    assert page.slug.startswith("tin-thu-")


def test_moderation_emails_link_to_the_sites_address(client, settings, writer, moderator, mailoutbox):
    client.force_login(writer)

    client.post(add_news_url(), news_form("Tin gửi duyệt", "tin-gui-duyet", "action-submit"))

    page = NewsPage.objects.get(slug="tin-gui-duyet")
    sent = [message for message in mailoutbox if moderator.email in message.to]
    assert sent, [message.subject for message in mailoutbox]
    body = sent[0].body
    assert settings.WAGTAILADMIN_BASE_URL == settings.SITE_URL
    assert f"{settings.SITE_URL}/cms-admin/pages/{page.pk}/" in body
    assert "localhost" not in body


# What a browser loads by itself: images, scripts, frames and stylesheets (plain links are only followed if clicked).
EXTERNAL_ASSET = re.compile(r"""(?:\bsrc(?:set)?=|<link\b[^>]*\bhref=)["']?(?:https?:)?//[^"' >]+""")


def test_admin_pages_load_nothing_from_outside_hosts(client, moderator, django_user_model):
    staff = django_user_model.objects.create_superuser(email="quantri@example.vn", password="mat-khau-thu-1")
    client.force_login(moderator)
    wagtail_home = client.get(reverse("wagtailadmin_home")).content.decode()
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    client.force_login(staff)
    dashboard = client.get(reverse("dashboard:index")).content.decode()

    for html in (wagtail_home, account, dashboard):
        assert "gravatar.com" not in html
        assert not EXTERNAL_ASSET.findall(html), EXTERNAL_ASSET.findall(html)


@pytest.mark.parametrize("role", ["writer", "moderator"])
def test_autosave_of_a_new_article_is_saved_as_a_draft(client, role, request):
    client.force_login(request.getfixturevalue(role))
    # What the editor's autosave posts a moment after the title is typed: the form as it stands, as JSON.
    # The slug field fills in when the title field loses focus, which autosave does not wait for.
    data = news_form("Tin tự lưu", "")
    data["introduction"] = ""

    response = client.post(add_news_url(), data, HTTP_ACCEPT="application/json")

    assert response.status_code == 200, response.content.decode()
    assert response.json()["success"]
    assert not NewsPage.objects.get(slug="tin-tu-luu").live
