"""A writer on a laptop opens the article editor and its scheduling dialog: Vietnamese throughout, the editor's
scripts included (issue 14.11). Screenshots: test-results/e2e/."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms import services
from cms.models import NewsIndexPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "ocop-e2e-2026"


def test_the_editor_and_its_schedule_dialog_are_vietnamese(live_server, browser, screenshots):
    services.cms_setup_ensure()
    writer = get_user_model().objects.create_user(email="bientap.e2e@example.vn", password=PASSWORD)
    writer.groups.add(Group.objects.get(name=services.COMMUNICATION_STAFF))
    news = NewsIndexPage.objects.get()

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/cms-admin/login/")
    page.fill("#id_username", writer.email)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/cms-admin/$"))
    page.goto(f"{live_server.url}/cms-admin/pages/add/cms/newspage/{news.pk}/")
    page.fill("#id_title", "Tin thử lịch xuất bản")
    screenshots(page, "editor")

    assert "Phân trang" not in page.locator("body").inner_text()  # "Pages" in the menu is "Trang", not pagination
    footer = page.locator("footer").inner_text()
    assert "Lưu nháp" in footer and "Save draft" not in footer
    page.locator("[data-side-panel-toggle=status]").first.click()
    status = page.locator("[data-side-panel=status]")
    status.wait_for(state="visible")
    screenshots(page, "status-panel")
    status.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.wait_for(state="visible")
    screenshots(page, "schedule-dialog")
    text = dialog.inner_text()
    assert "Đặt lịch xuất bản" in text and "Lưu lịch" in text
    assert "Set publishing schedule" not in text and "Save schedule" not in text
    # The block picker of the body is drawn by the editor's scripts: their strings come from the JS catalogue.
    body = page.content()
    assert "Write something or type" not in body
