"""Courses (Wagtail pages): a course index, courses under it and their ordered lessons, each lesson or course
ending with an optional quiz; and what learners do: lessons done, quiz attempts and completion records.

Page tree: home → course index (/khoa-hoc/) → course → lesson. Learners are plain models, never pages: nothing
of theirs is indexed by the search or listed in the sitemap."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonBodyBlock, QuizBlock


class Audience(models.TextChoices):
    OFFICIALS = "officials", _("Commune and province officials")
    RESIDENTS = "residents", _("Rural residents")
    COOPERATIVES = "cooperatives", _("Cooperatives and producers")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseIndexPage(Page):
    """The list of courses (/khoa-hoc/)."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["training.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Course index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import courses_live

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = courses_live(index=self)
        return context


class QuizFields(models.Model):
    """A quiz at the end of a lesson or a course: questions and the pass mark."""

    quiz = StreamField(QuizBlock(), verbose_name=_("Quiz questions"), blank=True)
    quiz_pass_mark = models.PositiveSmallIntegerField(
        _("Pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of questions a learner must answer right to pass."),
    )  # fmt: skip

    quiz_panels = [MultiFieldPanel([FieldPanel("quiz_pass_mark"), FieldPanel("quiz")], heading=_("Quiz"))]

    class Meta:
        abstract = True

    @property
    def has_quiz(self) -> bool:
        return len(self.quiz) > 0

    def quiz_questions(self):
        from .quiz import questions_of

        return questions_of(self.quiz)


class CoursePage(QuizFields, Page):
    """A course: who it is for, its level and time, an introduction; its lessons are its child pages, in the
    order editors give them; its own quiz (optional) comes after the last lesson."""

    audience = models.CharField(_("Audience"), max_length=20, choices=Audience.choices)
    level = models.CharField(_("Level"), max_length=20, choices=Level.choices, default=Level.BEGINNER)
    estimated_minutes = models.PositiveSmallIntegerField(_("Estimated time (minutes)"), default=30, validators=[MinValueValidator(1)])
    intro = RichTextField(_("Introduction"), features=["bold", "italic", "ul", "ol", "link"])

    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel([FieldPanel("audience"), FieldPanel("level"), FieldPanel("estimated_minutes")], heading=_("Who it is for")),
            FieldPanel("intro"),
        ]
        + QuizFields.quiz_panels
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("audience")]
    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("Course")
        verbose_name_plural = _("Courses")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        from .presenters import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request=request, course=self))
        return context


class LessonPage(QuizFields, Page):
    """One lesson of a course: text, images, videos by address and documents to download; an optional quiz."""

    summary = models.TextField(_("Summary"), max_length=400, help_text=_("One or two sentences, shown in the course's list of lessons."))
    minutes = models.PositiveSmallIntegerField(_("Time (minutes)"), default=10, validators=[MinValueValidator(1)])
    body = StreamField(LessonBodyBlock(), verbose_name=_("Body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("minutes"), FieldPanel("body")] + QuizFields.quiz_panels
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["training.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Lesson")
        verbose_name_plural = _("Lessons")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        from .presenters import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request=request, lesson=self))
        return context


# --- Learners ----------------------------------------------------------------------------------


class Learner(models.Model):
    """Someone taking courses: a signed-in user, or a visitor known by name, phone and commune only (kept in
    their session)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("User"), null=True, blank=True, on_delete=models.SET_NULL, related_name="learner"
    )
    name = models.CharField(_("Full name"), max_length=150)
    phone = models.CharField(_("Mobile phone"), max_length=10, blank=True)  # normalised: 0912345678
    commune = models.ForeignKey("ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Learner")
        verbose_name_plural = _("Learners")
        permissions = [("view_completions", _("Can see course completions per commune and province"))]

    def __str__(self):
        return self.name


class LessonDone(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="lessons_done")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Lesson done")
        verbose_name_plural = _("Lessons done")
        constraints = [models.UniqueConstraint(fields=["learner", "lesson"], name="training_lesson_done_once")]

    def __str__(self):
        return f"{self.learner_id} → {self.lesson_id}"


class QuizAttempt(models.Model):
    """One submission of a quiz: the answers as given ({question id: [answer ids]}) and the score then."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="quiz_attempts")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")  # a lesson or a course
    answers = models.JSONField(default=dict)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    pass_mark = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Quiz attempt")
        verbose_name_plural = _("Quiz attempts")
        indexes = [models.Index(fields=["learner", "page", "passed"], name="training_attempt_learner_page")]

    def __str__(self):
        return f"{self.learner_id} → {self.page_id}: {self.correct}/{self.total}"


class Completion(models.Model):
    """A course completed: every lesson done and the course's quiz passed. The code, printed on the completion
    page, lets anyone check it (training:verify) without seeing who the learner is beyond their initials."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="completions")
    course = models.ForeignKey(CoursePage, on_delete=models.SET_NULL, null=True, related_name="+")
    course_title = models.CharField(_("Course"), max_length=255)  # as it was when completed
    name = models.CharField(_("Full name"), max_length=150)
    # The learner's commune when they completed: what the reach figures count.
    commune = models.ForeignKey("ocop_catalog.Commune", verbose_name=_("Commune"), on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("Verification code"), max_length=10, unique=True)
    completed_at = models.DateTimeField(_("Completed at"), auto_now_add=True)

    class Meta:
        ordering = ["-completed_at", "-pk"]
        verbose_name = _("Completion")
        verbose_name_plural = _("Completions")
        constraints = [models.UniqueConstraint(fields=["learner", "course"], name="training_completion_once_per_course")]

    def __str__(self):
        return f"{self.course_title} — {self.code}"
