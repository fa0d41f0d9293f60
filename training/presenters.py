"""What the course and lesson pages show a learner: their progress, the quiz, the way on."""

from .forms import LearnerForm
from .selectors import course_progress, learner_current, lessons_of

SESSION_KEY = "training_learner_id"


def current_learner(request):
    return learner_current(user=getattr(request, "user", None), learner_id=request.session.get(SESSION_KEY))


def course_context(*, request, course) -> dict:
    learner = current_learner(request)
    lessons = lessons_of(course=course)
    progress = course_progress(learner=learner, course=course, lessons=lessons)
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "learner": learner,
        "progress": progress,
        "learner_form": None if learner else LearnerForm(signed_in=signed_in, initial={"name": user.get_full_name()} if signed_in else None),
        "quiz_questions": course.quiz_questions() if course.has_quiz else [],
        "quiz_open": progress.done_count == progress.total,
    }


def lesson_context(*, request, lesson) -> dict:
    learner = current_learner(request)
    course = lesson.get_parent().specific
    lessons = lessons_of(course=course)
    progress = course_progress(learner=learner, course=course, lessons=lessons)
    position = next((index for index, status in enumerate(progress.lessons) if status.lesson.pk == lesson.pk), None)
    status = progress.lessons[position] if position is not None else None
    return {
        "learner": learner,
        "course": course,
        "progress": progress,
        "lesson_status": status,
        "previous_lesson": progress.lessons[position - 1].lesson if position else None,
        "next_lesson": progress.lessons[position + 1].lesson if position is not None and position + 1 < len(progress.lessons) else None,
        "quiz_questions": lesson.quiz_questions() if lesson.has_quiz else [],
    }
