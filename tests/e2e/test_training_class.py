"""Issue 15 on a 390 px phone: find a training class, register, get the confirmation, cancel through the link.

Screenshots: test-results/e2e/<test name>/.
"""

import re

import pytest
from django.core import mail

from tests.training_classes.conftest import localities, make_class
from training.classes import lifecycle
from training.classes.models import Registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_resident_registers_for_a_class_and_cancels_through_the_link(live_server, browser, screenshots):
    places = localities()
    training_class = make_class(commune=places["bac_ha"], capacity=20, title="An toàn thông tin cho người dân nông thôn")
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/tap-huan/lop/?tinh=15")
    assert _fits_the_screen(page)
    screenshots(page, "class-list")
    page.get_by_role("link", name=training_class.title).click()
    page.wait_for_url(re.compile(rf"/tap-huan/lop/{training_class.pk}/$"))

    page.fill("#id_name", "Lò Thị Xuân")
    page.fill("#id_phone", "0912 345 678")
    page.fill("#id_email", "xuan@example.vn")
    page.select_option("#id_commune", places["bac_ha"].pk)
    page.select_option("#id_role", "resident")
    screenshots(page, "form-filled")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    page.wait_for_load_state()
    assert re.search(r"/tap-huan/lop/dang-ky/[^/]+/#ket-qua$", page.url), page.url
    assert page.get_by_text("Đã xác nhận: một chỗ đã được giữ cho bạn.").is_visible()
    assert page.get_by_text("Bạn đã đăng ký thành công.", exact=False).is_visible()
    assert _fits_the_screen(page)
    screenshots(page, "confirmed")

    # The confirmation e-mail carries the signed link: the registrant comes back through it later.
    assert [m.to for m in mail.outbox] == [["xuan@example.vn"]]
    link = re.search(r"https?://\S+/tap-huan/lop/dang-ky/\S+/", mail.outbox[0].body).group(0)
    path = link.split("/tap-huan/", 1)[1]
    assert page.url.startswith(f"{live_server.url}/tap-huan/{path}")
    page.goto(f"{live_server.url}/tap-huan/{path}")  # the e-mail's link, on the server the test runs
    page.get_by_role("button", name="Huỷ đăng ký của tôi").click()
    assert page.get_by_text("Đã huỷ đăng ký của bạn.", exact=False).is_visible()
    assert page.get_by_text("Đã huỷ.", exact=True).is_visible()
    assert page.get_by_role("button", name="Huỷ đăng ký của tôi").count() == 0
    screenshots(page, "cancelled")
    assert Registration.objects.get().status == lifecycle.CANCELLED

    # A tampered link is refused in plain words.
    page.goto(f"{live_server.url}/tap-huan/{path[:-5]}xxxx/")
    assert page.get_by_text("Đường dẫn này không hợp lệ", exact=False).is_visible()
    screenshots(page, "tampered-link")
    page.close()


def test_on_a_phone_the_staff_running_a_class_mark_attendance_with_check_boxes(live_server, browser, screenshots):
    from django.contrib.auth import get_user_model

    from tests.training_classes.conftest import register

    places = localities()
    staff = get_user_model().objects.create_user(email="canbo.taphuan@example.vn", password="ocop-e2e-class-2026")
    training_class = make_class(commune=places["bac_ha"], capacity=3, staff=[staff], title="Bán hàng trên sàn thương mại điện tử cho HTX")
    people = [register(training_class, commune=places["bac_ha"], name=name) for name in ("Lò Văn A", "Giàng Thị B", "Vàng Văn C", "Sùng Thị D")]
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/shop/accounts/login/?next=/tap-huan/lop/quan-ly/")
    page.fill("#id_login-username", staff.email)
    page.fill("#id_login-password", "ocop-e2e-class-2026")
    page.locator("form:has(#id_login-username) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/tap-huan/lop/quan-ly/$"))
    page.get_by_role("link", name=training_class.title).click()
    assert page.locator("input[type=checkbox]").count() == 3  # the confirmed; the waiting one is listed apart
    page.get_by_label("Lò Văn A", exact=False).check()
    page.get_by_label("Vàng Văn C", exact=False).check()
    assert _fits_the_screen(page)
    screenshots(page, "attendance")
    page.get_by_role("button", name="Lưu điểm danh").click()
    assert page.get_by_text("Đã lưu điểm danh: 2 người có mặt.").is_visible()
    screenshots(page, "attendance-saved")
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == {people[0].pk, people[2].pk}
    page.close()
