"""Demo courses: the course index (/khoa-hoc/) and three courses of three lessons with quizzes and handouts,
created through Wagtail's API as an editor would publish them. Idempotent (a course is found by its slug)."""

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from cms.demo_media import handout_pdf

from . import services
from .demo_content import COURSES, DemoCourse, DemoLesson
from .models import CoursePage, LessonPage


def _id() -> str:
    return str(uuid.uuid4())


def _quiz(questions) -> list[dict]:
    return [
        {"type": "question", "id": _id(), "value": {
            "question": text, "kind": kind, "explanation": explanation,
            "options": [{"type": "item", "id": _id(), "value": {"text": answer, "correct": correct}} for answer, correct in options],
        }}
        for text, kind, options, explanation in questions
    ]  # fmt: skip


def _handout(title: str, subtitle: str, points: list[str]):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        content = handout_pdf(title=title, subtitle=subtitle, points=points)
        # Size and hash as Wagtail's upload view records them (its chooser and duplicate check read them).
        document = Document(title=title, file_size=len(content), file_hash=hashlib.sha1(content).hexdigest())
        document.file.save(f"khoa-hoc-{uuid.uuid4().hex[:8]}.pdf", ContentFile(content), save=False)
        document.full_clean()
        document.save()
    return document


def _body(spec: DemoLesson) -> list[dict]:
    body = [{"type": "paragraph", "value": html, "id": _id()} for html in spec.body]
    if spec.handout:
        document = _handout(*spec.handout)
        body.append({"type": "document", "value": {"document": document.pk, "title": f"Tải về: {document.title} (PDF)"}, "id": _id()})
    return body


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page


def _course_create(*, index, spec: DemoCourse) -> CoursePage:
    course = _publish(index, CoursePage(
        title=spec.title, slug=spec.slug, audience=spec.audience, level=spec.level, estimated_minutes=spec.minutes,
        intro=spec.intro, quiz=_quiz(spec.quiz), quiz_pass_mark=spec.pass_mark,
    ))  # fmt: skip
    for lesson in spec.lessons:
        _publish(course, LessonPage(
            title=lesson.title, slug=lesson.slug, summary=lesson.summary, minutes=lesson.minutes, body=_body(lesson),
            quiz=_quiz(lesson.quiz), quiz_pass_mark=100,
        ))  # fmt: skip
    return course


def demo_courses_load(stdout=None) -> str:
    """Loads the course index and the demo courses once; a second run finds them and changes nothing."""
    created = 0
    with transaction.atomic():
        index = services.course_index_ensure(
            intro="<p>Học trên điện thoại, lúc nào rảnh: mỗi khoá vài bài ngắn và một bài kiểm tra. Học xong được ghi nhận "
            "hoàn thành, có mã để xác minh.</p>"
        )
        if index is None:
            return "Demo courses: skipped (no home page: run migrate first)."
        existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
        for spec in COURSES:
            if spec.slug in existing:
                continue
            _course_create(index=index, spec=spec)
            created += 1
            if stdout is not None:
                stdout.write(f"  course: {spec.title} ({len(spec.lessons)} lessons)")
    return f"Demo courses: {len(COURSES)} ({created} new) at {index.url}; completions checked at /tap-huan/xac-minh/."
