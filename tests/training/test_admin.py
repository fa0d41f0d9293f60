"""Editors write courses and quizzes in the Wagtail admin; a question whose correct answers do not fit its kind
is refused there."""

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from training import services
from training.models import CoursePage

pytestmark = pytest.mark.django_db


def _options(*answers):
    return {
        "count": len(answers),
        **{
            str(n): {"value": {"text": text, "correct": "on" if correct else ""}, "deleted": "", "order": n, "id": ""}
            for n, (text, correct) in enumerate(answers)
        },
    }


def _course_form(*, kind, answers):
    question = {"question": "Ai được hỏi mã OTP?", "kind": kind, "options": _options(*answers), "explanation": "Không ai cả."}
    return nested_form_data({
        "title": "Khoá thử", "slug": "khoa-thu", "audience": "residents", "level": "beginner", "estimated_minutes": 30,
        "intro": rich_text("<p>Giới thiệu.</p>"), "quiz_pass_mark": 80, "quiz": streamfield([("question", question)]),
        "action-publish": "publish",
    })  # fmt: skip


@pytest.fixture
def editor(admin_client, db):
    return admin_client


def test_an_editor_publishes_a_course_with_a_quiz_from_the_admin(editor, places):
    index = services.course_index_ensure()
    url = f"/cms-admin/pages/add/training/coursepage/{index.pk}/"
    assert editor.get(url).status_code == 200
    response = editor.post(url, _course_form(kind="single", answers=[("Nhân viên ngân hàng", False), ("Không ai cả", True)]))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    course = CoursePage.objects.get(slug="khoa-thu")
    assert course.live
    (question,) = course.quiz_questions()
    assert [option.correct for option in question.options] == [False, True] and all(option.id for option in question.options)


def test_a_single_choice_question_with_two_correct_answers_is_refused(editor, places):
    index = services.course_index_ensure()
    response = editor.post(
        f"/cms-admin/pages/add/training/coursepage/{index.pk}/", _course_form(kind="single", answers=[("A", True), ("B", True)])
    )
    assert response.status_code == 200  # the form again, with the error
    assert not CoursePage.objects.exists()
    assert list(response.context["form"].errors) == ["quiz"]


@pytest.mark.parametrize(
    ("kind", "answers", "message"),
    [("single", [("A", True), ("B", True)], "exactly one"), ("single", [("A", False), ("B", False)], "exactly one"),
     ("multiple", [("A", False), ("B", False)], "at least one")],
)  # fmt: skip
def test_the_question_block_says_why_its_correct_answers_do_not_fit_its_kind(kind, answers, message):
    from wagtail.blocks import StructBlockValidationError

    from training.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python({
        "question": "Câu hỏi?", "kind": kind, "explanation": "Vì sao.",
        "options": [{"type": "item", "id": str(n), "value": {"text": t, "correct": c}} for n, (t, c) in enumerate(answers)],
    })  # fmt: skip
    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(value)
        assert message in refused.value.non_block_errors[0]  # the lazy message, read in English



def test_an_editor_previews_a_new_lesson_with_its_quiz(editor, places):
    from tests.training.conftest import make_course

    course, _lessons = make_course(lessons=1)
    data = nested_form_data({
        "title": "Bài mới", "slug": "bai-moi", "summary": "Tóm tắt.", "minutes": 5,
        "body": streamfield([("paragraph", rich_text("<p>Nội dung bài mới.</p>"))]), "quiz_pass_mark": 100,
        "quiz": streamfield([("question", {"question": "Câu hỏi xem trước?", "kind": "single", "explanation": "Vì sao.",
                                           "options": _options(("Đúng", True), ("Sai", False))})]),
    })  # fmt: skip
    url = f"/cms-admin/pages/add/training/lessonpage/{course.pk}/preview/"
    assert editor.post(url, data).json()["is_valid"]
    preview = editor.get(url)
    assert preview.status_code == 200 and "Câu hỏi xem trước?" in preview.content.decode()
