"""Communication staff write and submit in the two sections; moderators publish; nobody reaches the shop dashboard."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import services
from cms.models import HomePage, NewsIndexPage, NewsPage, TrainingIndexPage

from .conftest import make_user
from .factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(sections, django_user_model):
    return make_user(django_user_model, email="truyenthong@example.vn", group=services.COMMUNICATION_STAFF)


@pytest.fixture
def moderator(sections, django_user_model):
    return make_user(django_user_model, email="kiemduyet@example.vn", group=services.MODERATORS)


def news_form(title: str, slug: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-11-25",
            "introduction": "Tóm tắt.",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "comments": inline_formset([]),
            action: action,
        }
    )


def add_news(client, title, slug, action):
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", NewsIndexPage.objects.get().pk])
    return client.post(url, news_form(title, slug, action))


def test_communication_staff_reach_the_wagtail_admin_but_not_the_shop_dashboard(client, writer):
    client.force_login(writer)

    assert not writer.is_staff
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("dashboard:index")).status_code == 403


def test_communication_staff_submit_a_news_article_for_moderation(client, writer):
    client.force_login(writer)

    response = add_news(client, "Tin chờ duyệt", "tin-cho-duyet", "action-submit")

    assert response.status_code == 302
    page = NewsPage.objects.get(slug="tin-cho-duyet")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == writer


def test_communication_staff_cannot_publish(client, writer):
    client.force_login(writer)

    add_news(client, "Tin tự đăng", "tin-tu-dang", "action-publish")

    page = NewsPage.objects.get(slug="tin-tu-dang")
    assert not page.live
    assert not page.permissions_for_user(writer).can_publish()


def test_communication_staff_write_only_in_the_two_sections(writer):
    home = HomePage.objects.get()

    assert NewsIndexPage.objects.get().permissions_for_user(writer).can_add_subpage()
    assert TrainingIndexPage.objects.get().permissions_for_user(writer).can_add_subpage()
    assert not home.permissions_for_user(writer).can_edit()
    assert not home.permissions_for_user(writer).can_add_subpage()


def test_communication_staff_upload_images_and_documents_but_only_change_their_own(writer, picture):
    image_permissions = policy_registry.get_by_type(get_image_model())
    document_permissions = policy_registry.get_by_type(get_document_model())
    assert image_permissions.user_has_permission(writer, "add")
    assert document_permissions.user_has_permission(writer, "add")
    assert image_permissions.user_has_permission(writer, "choose")
    assert not image_permissions.user_has_permission_for_instance(writer, "change", picture)


def test_moderators_approve_a_submitted_article_and_it_goes_live(client, writer, moderator):
    client.force_login(writer)
    add_news(client, "Tin được duyệt", "tin-duoc-duyet", "action-submit")
    page = NewsPage.objects.get(slug="tin-duoc-duyet")

    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(page, writer) == []
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]
    task.on_action(task_state, user=moderator, action_name="approve")

    page.refresh_from_db()
    assert page.live
    assert not page.permissions_for_user(writer).can_publish()
    assert page.permissions_for_user(moderator).can_publish()


def test_moderators_publish_from_the_admin(client, moderator):
    client.force_login(moderator)

    add_news(client, "Tin kiểm duyệt viên đăng", "tin-kiem-duyet-vien", "action-publish")

    assert NewsPage.objects.get(slug="tin-kiem-duyet-vien").live


def test_an_article_published_by_a_moderator_can_be_edited_but_not_unpublished_by_staff(writer):
    page = make_news()

    permissions = page.permissions_for_user(writer)
    assert permissions.can_edit()
    assert not permissions.can_unpublish()


def test_roles_setup_runs_twice_without_duplicates(sections):
    before = GroupPagePermission.objects.count()

    services.cms_setup_ensure()

    assert GroupPagePermission.objects.count() == before
    assert Group.objects.filter(name__in=[services.COMMUNICATION_STAFF, services.MODERATORS]).count() == 2
    assert not Group.objects.get(name=services.COMMUNICATION_STAFF).permissions.filter(
        content_type__app_label__in=["partner", "order", "catalogue"]
    ).exists()


def test_moderators_keep_the_topic_list(moderator, writer):
    assert moderator.has_perms(["cms.add_topic", "cms.change_topic"])
    assert not writer.has_perm("cms.add_topic")
