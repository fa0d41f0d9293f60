"""The demo courses: three courses of at least three lessons, each with a quiz that can be passed; loaded twice,
nothing doubles."""

import pytest

from training.demo import demo_courses_load
from training.demo_content import COURSES
from training.models import CoursePage, LessonPage
from training.quiz import quiz_score
from training.selectors import courses_live, lessons_of

pytestmark = pytest.mark.django_db


def test_the_demo_loads_three_courses_with_lessons_and_quizzes_once(client):
    demo_courses_load()
    demo_courses_load()
    index = CoursePage.objects.first().get_parent().specific
    courses = courses_live(index=index)
    assert [course.title for course in courses] == [spec.title for spec in COURSES]
    assert {
        "Bán hàng trên sàn thương mại điện tử cho hợp tác xã", "An toàn thông tin cho người dân nông thôn",
        "Chuyển đổi số trong xây dựng nông thôn mới cho cán bộ xã",
    } <= {course.title for course in courses}  # fmt: skip
    for course in courses:
        assert course.lesson_count >= 3 and course.has_quiz
        questions = course.quiz_questions()
        right = {question.id: [option.id for option in question.options if option.correct] for question in questions}
        assert quiz_score(questions, right, pass_mark=course.quiz_pass_mark).passed
        assert client.get(course.url).status_code == 200
        for lesson in lessons_of(course=course):
            assert client.get(lesson.url).status_code == 200
    assert LessonPage.objects.count() == sum(len(spec.lessons) for spec in COURSES)
    assert client.get("/tap-huan/khoa-hoc/").url == index.url
