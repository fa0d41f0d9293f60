"""A visitor takes a course with name, phone and commune only: lessons, quiz, completion, verification."""

import re

import pytest
from django.urls import reverse

from tests.training.conftest import make_course
from training.models import Completion, Learner, LessonDone, QuizAttempt

pytestmark = pytest.mark.django_db


def _start(client, places, *, next_url, name="Lò Thị Xuân", phone="0912 345 678"):
    return client.post(
        reverse("training:learner"),
        {"name": name, "phone": phone, "province": "15", "commune": places["bac_ha"].pk, "next": next_url},
    )


def _answers(page, *, right=True, partial=False):
    data = {}
    for question in page.quiz_questions():
        ids = [option.id for option in question.options if option.correct == right]
        data[f"q-{question.id}"] = ids[:1] if partial and question.multiple else ids
    return data


def test_a_visitor_gives_name_phone_and_commune_then_finishes_lessons_passes_the_quiz_and_gets_a_completion(client, places):
    course, lessons = make_course(lessons=2)
    page = client.get(course.url)
    assert page.status_code == 200 and 'name="commune"' in page.content.decode()

    response = _start(client, places, next_url=course.url)
    assert response.status_code == 302 and response["Location"] == course.url
    learner = Learner.objects.get()
    assert (learner.name, learner.phone, learner.commune, learner.user) == ("Lò Thị Xuân", "0912345678", places["bac_ha"], None)

    for lesson in lessons:
        assert client.post(reverse("training:lesson-done", args=[lesson.pk])).status_code == 302
    assert LessonDone.objects.filter(learner=learner).count() == 2
    assert not Completion.objects.exists()  # the course's quiz is still to pass

    response = client.post(reverse("training:quiz", args=[course.pk]), _answers(course))
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == reverse("training:attempt", args=[attempt.pk]) and attempt.passed
    completion = Completion.objects.get()
    assert (completion.name, completion.commune, completion.course_title) == ("Lò Thị Xuân", places["bac_ha"], course.title)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{10}", completion.code)

    result = client.get(response["Location"])
    assert reverse("training:completion", args=[completion.code]) in result.content.decode()
    printable = client.get(reverse("training:completion", args=[completion.code]))
    body = printable.content.decode()
    assert printable.status_code == 200 and "Lò Thị Xuân" in body and f"{completion.code[:5]}-{completion.code[5:]}" in body
    assert printable["X-Robots-Tag"] == "noindex, nofollow"


def test_a_multiple_choice_answered_partly_fails_the_quiz_and_shows_the_explanations(client, places):
    course, lessons = make_course(lessons=1)
    _start(client, places, next_url=course.url)
    client.post(reverse("training:lesson-done", args=[lessons[0].pk]))
    response = client.post(reverse("training:quiz", args=[course.pk]), _answers(course, partial=True))
    attempt = QuizAttempt.objects.get()
    assert (attempt.passed, attempt.correct, attempt.total) == (False, 1, 2)
    assert not Completion.objects.exists()
    shown = client.get(response["Location"]).content.decode()
    assert "Vì đó là đáp án đúng." in shown  # the explanation, after answering


def test_passing_a_lessons_quiz_marks_the_lesson_done_and_the_last_one_completes_a_course_without_its_own_quiz(client, places):
    course, lessons = make_course(lessons=2, lesson_quiz=True, course_quiz=False)
    _start(client, places, next_url=course.url)
    # A lesson with a quiz is not "done" by the button: by its quiz.
    client.post(reverse("training:lesson-done", args=[lessons[0].pk]))
    assert not LessonDone.objects.exists()
    wrong = client.post(reverse("training:quiz", args=[lessons[0].pk]), _answers(lessons[0], right=False))
    assert wrong.status_code == 302 and not LessonDone.objects.exists()
    client.post(reverse("training:quiz", args=[lessons[0].pk]), _answers(lessons[0]))
    assert LessonDone.objects.count() == 1 and not Completion.objects.exists()
    client.post(reverse("training:quiz", args=[lessons[1].pk]), _answers(lessons[1]))
    assert Completion.objects.count() == 1
    # Passing again changes nothing: one completion per learner and course.
    client.post(reverse("training:quiz", args=[lessons[1].pk]), _answers(lessons[1]))
    assert Completion.objects.count() == 1


def test_without_a_name_the_quiz_asks_who_you_are_and_records_nothing(client, places):
    course, _lessons = make_course(lessons=0)
    response = client.post(reverse("training:quiz", args=[course.pk]), _answers(course))
    assert response.status_code == 302 and response["Location"].startswith(reverse("training:learner"))
    assert not QuizAttempt.objects.exists()


def test_a_signed_in_user_learns_under_their_account_without_giving_a_phone(client, places, django_user_model):
    user = django_user_model.objects.create_user(email="hoc.vien@example.vn", password="mat-khau-thu-1")
    client.force_login(user)
    course, _lessons = make_course(lessons=0)
    response = _start(client, places, next_url=course.url, phone="")
    assert response.status_code == 302
    assert Learner.objects.get().user == user
    client.post(reverse("training:quiz", args=[course.pk]), _answers(course))
    assert Completion.objects.get().learner.user == user


def test_someone_elses_completion_attempt_and_foreign_ids_are_404(client, places):
    course, _lessons = make_course(lessons=0)
    _start(client, places, next_url=course.url)
    client.post(reverse("training:quiz", args=[course.pk]), _answers(course))
    completion, attempt = Completion.objects.get(), QuizAttempt.objects.get()
    client.logout()
    client.cookies.clear()
    assert client.get(reverse("training:completion", args=[completion.code])).status_code == 404
    assert client.get(reverse("training:attempt", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("training:quiz", args=[999999])).status_code == 404
    assert client.post(reverse("training:lesson-done", args=[course.pk])).status_code == 404  # a course is no lesson


def test_a_bad_learner_form_is_a_400_and_a_commune_of_another_province_refused(client, places):
    response = client.post(reverse("training:learner"), {"name": "An", "phone": "12345", "province": "01", "commune": places["bac_ha"].pk})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"phone", "commune"}
    assert not Learner.objects.exists()


def test_a_redirect_after_the_learner_form_stays_on_this_site(client, places):
    course, _lessons = make_course(lessons=0)
    response = _start(client, places, next_url="https://evil.example/")
    assert response["Location"] == course.get_parent().url
