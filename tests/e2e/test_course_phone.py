"""Issue 15 on a 390 px phone: start a course with name, phone and commune, take a lesson, pass the quiz, see
the printable completion; then register for a class and cancel (the classes' own flow).

Screenshots: test-results/e2e/<test name>/.
"""

import re

import pytest

from tests.training.conftest import OTP_QUESTION, SIGNS_QUESTION, make_course
from tests.training_classes.conftest import localities, make_class
from training.classes import lifecycle
from training.classes.models import Registration
from training.models import Completion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_resident_takes_a_lesson_passes_the_quiz_then_registers_for_a_class_and_cancels(live_server, browser, screenshots):
    places = localities()
    course, lessons = make_course(lessons=1)
    training_class = make_class(commune=places["bac_ha"], capacity=20, title="An toàn thông tin cho người dân nông thôn")
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}{course.url}")
    assert _fits_the_screen(page)
    page.fill("#id_name", "Lò Thị Xuân")
    page.fill("#id_phone", "0912 345 678")
    page.select_option("#id_province", "15")
    # The communes come in place from /api/ocop/communes/ (static/js/communes.js), no reload.
    page.wait_for_selector(f"#id_commune option[value='{places['bac_ha'].pk}']", state="attached")
    page.select_option("#id_commune", places["bac_ha"].pk)
    screenshots(page, "learner-form")
    page.get_by_role("button", name="Bắt đầu học").click()
    page.wait_for_url(re.compile(re.escape(course.url) + "$"))
    assert page.get_by_text("0 / 1 bài đã học", exact=False).is_visible()

    page.get_by_role("link", name="Bắt đầu bài đầu tiên").click()
    page.wait_for_url(re.compile(re.escape(lessons[0].url) + "$"))
    assert page.get_by_text("Không bấm vào đường dẫn lạ.").is_visible()
    assert _fits_the_screen(page)
    screenshots(page, "lesson")
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    page.wait_for_url(re.compile(re.escape(course.url) + "#kiem-tra$"))

    # The course's quiz: one right answer, and every right answer of the multiple choice.
    page.get_by_label(OTP_QUESTION[1][1][0]).check()
    for text, correct in SIGNS_QUESTION[1]:
        if correct:
            page.get_by_label(text).check()
    assert _fits_the_screen(page)
    screenshots(page, "quiz")
    page.get_by_role("button", name="Nộp bài").click()
    page.wait_for_url(re.compile(r"/tap-huan/khoa-hoc/ket-qua/\d+/$"))
    assert page.get_by_text("Đạt!").is_visible()
    assert page.get_by_text("Vì đó là đáp án đúng.").first.is_visible()  # explanations after answering
    assert page.get_by_text("✔ Đúng").count() == 2
    screenshots(page, "passed")
    page.get_by_role("link", name="Xem và in giấy hoàn thành").click()
    completion = Completion.objects.get()
    page.wait_for_url(re.compile(rf"/tap-huan/khoa-hoc/hoan-thanh/{completion.code}/$"))
    assert page.get_by_text("Lò Thị Xuân").is_visible()
    assert page.get_by_text(f"{completion.code[:5]}-{completion.code[5:]}").is_visible()
    assert page.get_by_role("button", name="In trang này").is_visible()  # its script runs under the CSP
    assert _fits_the_screen(page)
    screenshots(page, "completion")

    # Then a class, as in tests/e2e/test_training_class.py: register, and cancel from the registration's page.
    page.goto(f"{live_server.url}/tap-huan/lop/?tinh=15")
    page.get_by_role("link", name=training_class.title).click()
    page.wait_for_url(re.compile(rf"/tap-huan/lop/{training_class.pk}/$"))
    page.fill("#id_name", "Lò Thị Xuân")
    page.fill("#id_phone", "0912 345 678")
    page.select_option("#id_commune", places["bac_ha"].pk)
    page.select_option("#id_role", "resident")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    page.wait_for_url(re.compile(r"/tap-huan/lop/dang-ky/[^/]+/#ket-qua$"))
    assert page.get_by_text("Đã xác nhận: một chỗ đã được giữ cho bạn.").is_visible()
    screenshots(page, "class-registered")
    page.get_by_role("button", name="Huỷ đăng ký của tôi").click()
    assert page.get_by_text("Đã huỷ.", exact=True).is_visible()
    assert _fits_the_screen(page)
    screenshots(page, "class-cancelled")
    assert Registration.objects.get().status == lifecycle.CANCELLED
    page.close()
