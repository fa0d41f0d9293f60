import uuid

import pytest

from ocop_catalog.models import Commune, Province
from training import services
from training.models import CoursePage, LessonPage


def localities():
    hanoi, _ = Province.objects.get_or_create(code="01", defaults={"name": "Thành phố Hà Nội", "short_name": "Hà Nội"})
    lao_cai, _ = Province.objects.get_or_create(code="15", defaults={"name": "Tỉnh Lào Cai", "short_name": "Lào Cai"})
    ba_dinh, _ = Commune.objects.get_or_create(
        code="00004", defaults={"province": hanoi, "name": "Phường Ba Đình", "short_name": "Ba Đình", "kind": "Phường"}
    )
    bac_ha, _ = Commune.objects.get_or_create(code="02839", defaults={"province": lao_cai, "name": "Xã Bắc Hà", "short_name": "Bắc Hà", "kind": "Xã"})
    return {"hanoi": hanoi, "lao_cai": lao_cai, "ba_dinh": ba_dinh, "bac_ha": bac_ha}


def question(text, options, *, multiple=False, explanation="Vì đó là đáp án đúng."):
    """A quiz question as stored: options are (text, correct) pairs; every block gets an id, as in the editor."""
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "kind": "multiple" if multiple else "single",
            "options": [{"type": "item", "id": str(uuid.uuid4()), "value": {"text": t, "correct": c}} for t, c in options],
            "explanation": explanation,
        },
    }


OTP_QUESTION = ("Ai được phép hỏi mã OTP của bạn?", [("Nhân viên ngân hàng gọi điện", False), ("Không ai cả", True)])
SIGNS_QUESTION = (
    "Dấu hiệu nào cho thấy tin nhắn là lừa đảo? (chọn mọi đáp án đúng)",
    [("Đường dẫn lạ, giả tên ngân hàng", True), ("Thúc giục làm ngay kẻo mất tiền", True), ("Tin nhắn của người thân gọi bằng tên", False)],
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_course(*, lessons=2, lesson_quiz=False, course_quiz=True, title="An toàn thông tin cho người dân nông thôn", pass_mark=100):
    index = services.course_index_ensure()
    course = CoursePage(
        title=title, slug=f"khoa-{uuid.uuid4().hex[:8]}", audience="residents", level="beginner", estimated_minutes=40,
        intro="<p>Nhận biết lừa đảo qua tin nhắn.</p>", quiz_pass_mark=pass_mark,
        quiz=[question(*OTP_QUESTION), question(*SIGNS_QUESTION, multiple=True)] if course_quiz else [],
    )
    publish(index, course)
    made = []
    for number in range(1, lessons + 1):
        lesson = LessonPage(
            title=f"Bài {number}: Lừa đảo qua SMS", slug=f"bai-{number}", summary="Các dấu hiệu của tin nhắn lừa đảo.", minutes=10,
            body=[{"type": "paragraph", "value": "<p>Không bấm vào đường dẫn lạ.</p>", "id": str(uuid.uuid4())}],
            quiz=[question(*OTP_QUESTION)] if lesson_quiz else [], quiz_pass_mark=100,
        )
        made.append(publish(course, lesson))
    return course, made


@pytest.fixture
def places(db):
    return localities()
