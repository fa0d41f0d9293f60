"""Reads of courses, learners' progress and completions. A learner's own data leaves here only for that learner
(their user or their session); the public verification sees initials, course, date and province."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from .models import Completion, CourseIndexPage, CoursePage, Learner, LessonDone, LessonPage, QuizAttempt


def course_index() -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().first()


def courses_live(*, index: CourseIndexPage) -> list[CoursePage]:
    """The live, public courses under `index`, in the editors' order, each with `lesson_count` (live lessons):
    two queries whatever the number of courses."""
    courses = list(CoursePage.objects.live().public().child_of(index).order_by("path"))
    counts: dict[str, int] = {}
    for path in LessonPage.objects.live().public().descendant_of(index).values_list("path", flat=True):
        counts[path[: -LessonPage.steplen]] = counts.get(path[: -LessonPage.steplen], 0) + 1
    for course in courses:
        course.lesson_count = counts.get(course.path, 0)
    return courses


def lessons_of(*, course: CoursePage) -> list[LessonPage]:
    """The live lessons of `course`, in order."""
    return list(LessonPage.objects.live().public().child_of(course).order_by("path"))


def learner_current(*, user, learner_id) -> Learner | None:
    """The learner of a signed-in `user`, or of the visitor whose session holds `learner_id` (never a user's)."""
    if user is not None and user.is_authenticated:
        return Learner.objects.select_related("commune__province").filter(user=user).first()
    if isinstance(learner_id, int):
        return Learner.objects.select_related("commune__province").filter(pk=learner_id, user__isnull=True).first()
    return None


@dataclass(frozen=True)
class LessonStatus:
    lesson: LessonPage
    number: int
    done: bool


@dataclass(frozen=True)
class CourseProgress:
    lessons: tuple[LessonStatus, ...]
    quiz_passed: bool | None  # None: the course has no quiz of its own
    completion: Completion | None

    @property
    def done_count(self) -> int:
        return sum(status.done for status in self.lessons)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def complete(self) -> bool:
        """Every lesson done and the course's quiz (if any) passed; a course with neither is never complete."""
        if not self.lessons and self.quiz_passed is None:
            return False
        return self.done_count == self.total and self.quiz_passed is not False

    @property
    def percent(self) -> int:
        steps = self.total + (self.quiz_passed is not None)
        done = self.done_count + bool(self.quiz_passed)
        return done * 100 // steps if steps else 0

    def next_lesson(self) -> LessonPage | None:
        return next((status.lesson for status in self.lessons if not status.done), None)


def course_progress(*, learner: Learner | None, course: CoursePage, lessons: list[LessonPage] | None = None) -> CourseProgress:
    """Where `learner` is in `course` (nothing done for None): four queries at most, whatever the lessons."""
    lessons = lessons_of(course=course) if lessons is None else lessons
    done_ids: set[int] = set()
    quiz_passed = None
    completion = None
    if learner is not None:
        done_ids = set(LessonDone.objects.filter(learner=learner, lesson__in=[lesson.pk for lesson in lessons]).values_list("lesson_id", flat=True))
        completion = Completion.objects.filter(learner=learner, course=course).first()
    if course.has_quiz:
        quiz_passed = learner is not None and QuizAttempt.objects.filter(learner=learner, page_id=course.pk, passed=True).exists()
    statuses = tuple(LessonStatus(lesson=lesson, number=number, done=lesson.pk in done_ids) for number, lesson in enumerate(lessons, start=1))
    return CourseProgress(lessons=statuses, quiz_passed=quiz_passed, completion=completion)


def attempt_of(*, learner: Learner | None, pk: int) -> QuizAttempt:
    """One of `learner`'s own quiz attempts (DoesNotExist otherwise: someone else's is a 404)."""
    if learner is None:
        raise QuizAttempt.DoesNotExist
    return QuizAttempt.objects.get(learner=learner, pk=pk)


def completion_own(*, learner: Learner | None, code: str) -> Completion:
    """`learner`'s own completion with `code` (DoesNotExist otherwise)."""
    if learner is None:
        raise Completion.DoesNotExist
    return Completion.objects.select_related("commune__province").get(learner=learner, code=code)


def completion_public(*, code: str) -> Completion | None:
    """The completion holding `code`, with its province, for the public verification."""
    return Completion.objects.select_related("commune__province").filter(code=code).first()


def completions_of(*, learner: Learner | None) -> QuerySet:
    if learner is None:
        return Completion.objects.none()
    return Completion.objects.filter(learner=learner).order_by("-completed_at")


@dataclass(frozen=True)
class AreaCompletions:
    province_code: str
    province: str
    commune_code: str  # "" in a per-province row
    commune: str
    completions: int
    learners: int  # distinct learners who completed at least one course


def completions_by_area(*, by: str = "commune", province_code: str = "") -> list[AreaCompletions]:
    """Course completions and distinct learners who completed per commune (the learner's commune when they
    completed) or per province, in one aggregate query; sorted by province then commune."""
    queryset = Completion.objects.all()
    if province_code:
        queryset = queryset.filter(commune__province_id=province_code)
    keys = ["commune__province_id", "commune__province__short_name"]
    if by != "province":
        keys += ["commune_id", "commune__name"]
    rows = queryset.values(*keys).annotate(completions=Count("pk"), learners=Count("learner_id", distinct=True)).order_by(*keys[1::2])
    return [
        AreaCompletions(
            province_code=row["commune__province_id"], province=row["commune__province__short_name"],
            commune_code=row.get("commune_id", ""), commune=row.get("commune__name", ""),
            completions=row["completions"], learners=row["learners"],
        )  # fmt: skip
        for row in rows
    ]
