"""Changes to learners' records: who they are, lessons done, quiz attempts and the completion a finished course
earns. Each service checks, writes in one transaction and returns what it wrote."""

import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from . import selectors
from .codes import code_new
from .models import Completion, CourseIndexPage, CoursePage, Learner, LessonDone, LessonPage, QuizAttempt
from .quiz import QuizResult, quiz_score


def learner_register(*, name: str, commune, phone: str = "", user=None) -> Learner:
    """A learner with this name, phone and commune; for a signed-in `user` their one learner, updated."""
    name = unicodedata.normalize("NFC", name).strip()
    learner = Learner.objects.filter(user=user).first() if user is not None else None
    if learner is None:
        learner = Learner(user=user)
    learner.name, learner.phone, learner.commune = name, phone, commune
    learner.full_clean()
    learner.save()
    return learner


def _course_of(page) -> CoursePage:
    return page if isinstance(page, CoursePage) else CoursePage.objects.get(pk=page.get_parent().pk)


def lesson_mark_done(*, learner: Learner, lesson: LessonPage) -> Completion | None:
    """Records `lesson` as done by `learner` (once) and returns the completion of its course if that made it
    complete. A lesson with a quiz is done by passing the quiz (quiz_submit), not by this."""
    if lesson.has_quiz:
        raise ValidationError("A lesson with a quiz is done by passing its quiz.", code="quiz")
    with transaction.atomic():
        LessonDone.objects.get_or_create(learner=learner, lesson=lesson)
        return completion_ensure(learner=learner, course=_course_of(lesson))


@dataclass(frozen=True)
class QuizSubmission:
    attempt: QuizAttempt
    result: QuizResult
    completion: Completion | None


def quiz_submit(*, learner: Learner, page, answers: dict[str, list[str]]) -> QuizSubmission:
    """Scores `answers` to the quiz of `page` (a lesson or a course) and records the attempt; passing a lesson's
    quiz marks the lesson done; a course made complete by it earns its completion."""
    result = quiz_score(page.quiz_questions(), answers, pass_mark=page.quiz_pass_mark)
    chosen = {item.question.id: sorted(item.chosen) for item in result.questions}
    with transaction.atomic():
        attempt = QuizAttempt.objects.create(
            learner=learner, page_id=page.pk, answers=chosen, correct=result.correct, total=result.total,
            pass_mark=result.pass_mark, passed=result.passed,
        )  # fmt: skip
        completion = None
        if result.passed:
            if isinstance(page, LessonPage):
                LessonDone.objects.get_or_create(learner=learner, lesson=page)
            completion = completion_ensure(learner=learner, course=_course_of(page))
    return QuizSubmission(attempt=attempt, result=result, completion=completion)


def completion_ensure(*, learner: Learner, course: CoursePage) -> Completion | None:
    """The completion of `course` by `learner`, created with a new code once every lesson is done and the
    course's quiz passed; None while the course is not complete. Safe to call twice or concurrently."""
    existing = Completion.objects.filter(learner=learner, course=course).first()
    if existing is not None:
        return existing
    if not selectors.course_progress(learner=learner, course=course).complete:
        return None
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Completion.objects.create(
                    learner=learner, course=course, course_title=course.title, name=learner.name, commune_id=learner.commune_id, code=code_new()
                )
        except IntegrityError:
            # The same learner completing in two requests at once, or (rarely) a code already taken.
            existing = Completion.objects.filter(learner=learner, course=course).first()
            if existing is not None:
                return existing
    raise RuntimeError("No free completion code after five tries")


def course_index_ensure(*, title: str = "Khoá học trực tuyến", slug: str = "khoa-hoc", intro: str = "") -> CourseIndexPage | None:
    """The live course index under the home page (/khoa-hoc/), created and published if missing, with the
    editorial groups of cms allowed to write (and moderators to publish) courses under it; None without a home
    page. Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from cms.models import HomePage
    from cms.services import SECTION_PAGE_PERMISSIONS

    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        if home is None:
            return None
        index = CourseIndexPage(title=title, slug=slug, intro=intro)
        home.add_child(instance=index)
        index.save_revision(log_action=True).publish()
    for group in Group.objects.filter(name__in=SECTION_PAGE_PERMISSIONS):
        for codename in SECTION_PAGE_PERMISSIONS[group.name]:
            permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
            if permission is not None:
                GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return index
