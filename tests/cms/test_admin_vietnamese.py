"""Writers and moderators meet the Wagtail admin in Vietnamese (issue 14.11): the editor and its footer actions,
the scheduling dialog, workflow actions, the moderation e-mails, the editor's scripts, and Vietnamese names for
the groups and the workflow."""

import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from cms import services
from cms.models import NewsPage

from .test_editing import add_news_url, moderator, news_form, writer  # noqa: F401 — fixtures

pytestmark = pytest.mark.django_db

# What the editor shows on every article, in English as Wagtail ships it with a partial Vietnamese catalogue.
ENGLISH_LEFT_BEFORE = ("Save draft", "Set publishing schedule", "Choose when this page should go live", "Save schedule")


class _Text(HTMLParser):
    """The text a person reads on the page or in its dialogs (not scripts or styles)."""

    def __init__(self):
        super().__init__()
        self.hidden, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def _visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " | ".join(parser.parts)


def test_the_article_editor_and_its_schedule_dialog_speak_vietnamese(client, writer):  # noqa: F811
    client.force_login(writer)

    html = client.get(add_news_url()).content.decode()
    text = _visible_text(html)

    for english in ENGLISH_LEFT_BEFORE:
        assert english not in text
    assert "Lưu nháp" in text
    assert "Đặt lịch xuất bản" in text and "Lưu lịch" in text
    assert f"Gửi duyệt: {services.DEFAULT_WORKFLOW}" in text


def test_a_moderator_reviewing_an_article_sees_vietnamese_workflow_actions(client, writer, moderator):  # noqa: F811
    client.force_login(writer)
    client.post(add_news_url(), news_form("Tin chờ duyệt", "tin-cho-duyet", "action-submit"))
    page = NewsPage.objects.get(slug="tin-cho-duyet")

    client.force_login(moderator)
    text = _visible_text(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())

    assert "Request changes" not in text and "Yêu cầu sửa" in text
    assert "Duyệt kèm nhận xét" in text
    assert "Moderators" not in text


def test_the_moderation_email_is_in_vietnamese(client, writer, moderator, mailoutbox):  # noqa: F811
    client.force_login(writer)

    client.post(add_news_url(), news_form("Tin gửi duyệt", "tin-gui-duyet", "action-submit"))

    sent = [message for message in mailoutbox if moderator.email in message.to]
    assert sent
    assert "submitted" not in sent[0].subject + sent[0].body
    assert "chờ kiểm duyệt" in sent[0].body or "chờ duyệt" in sent[0].body
    assert "Tin gửi duyệt" in sent[0].body


def test_the_editors_scripts_get_vietnamese_strings(client, writer):  # noqa: F811
    client.force_login(writer)

    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    # The catalogue is a script holding JSON strings, non-ASCII letters escaped.
    assert json.dumps("Đang tự động lưu…")[1:-1] in catalogue
    assert json.dumps("Chèn khối")[1:-1] in catalogue


def test_groups_and_workflow_have_vietnamese_names(sections):
    names = set(Group.objects.values_list("name", flat=True))

    assert {"Ban biên tập", "Cán bộ truyền thông"} <= names
    assert not names & {"Moderators", "Editors", "Communication staff"}
    assert Workflow.objects.filter(name=services.DEFAULT_WORKFLOW, active=True).exists()
    assert not Workflow.objects.filter(name__contains="Moderators").exists()
