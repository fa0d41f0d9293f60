"""Thin views around the course pages (which Wagtail serves): who the learner is, a lesson done, a quiz
submitted and its result, the learner's printable completion and the public verification of a code."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from . import selectors, services
from .codes import code_display, initials
from .forms import LearnerForm, VerifyForm
from .limits import learner_form_allowed, quiz_allowed, verification_allowed
from .models import Completion, CoursePage, LessonPage, QuizAttempt
from .presenters import SESSION_KEY, current_learner
from .quiz import quiz_score


def _private(response):
    """A learner's own pages: never cached by a proxy, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@require_GET
def courses(request):
    """/tap-huan/khoa-hoc/: the course index, wherever editors placed it."""
    index = selectors.course_index()
    if index is None:
        raise Http404(_("There are no courses yet."))
    return HttpResponseRedirect(index.url)


@never_cache
@require_http_methods(["GET", "POST"])
def learner_start(request):
    """Name, phone and commune (or a signed-in user's commune): the learner is kept in the session."""
    signed_in = request.user.is_authenticated
    index = selectors.course_index()
    fallback = index.url if index else "/"
    reloading = request.method == "POST" and "show_communes" in request.POST
    data = request.POST if request.method == "POST" and not reloading else None
    initial = request.POST.dict() if reloading else ({"name": request.user.get_full_name()} if signed_in else None)
    form = LearnerForm(data, signed_in=signed_in, initial=initial)
    status = 200
    if data is not None:
        if not learner_form_allowed(request):
            form.add_error(None, _("Too many tries from this connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            learner = services.learner_register(
                name=form.cleaned_data["name"], phone=form.cleaned_data["phone"], commune=form.cleaned_data["commune"],
                user=request.user if signed_in else None,
            )  # fmt: skip
            if not signed_in:
                request.session.cycle_key()
                request.session[SESSION_KEY] = learner.pk
            messages.success(request, _("Welcome, %(name)s. Your progress is saved as you learn.") % {"name": learner.name})
            return redirect(_safe_next(request, fallback))
        else:
            status = 400
    return _private(render(request, "training/learner_start.html", {"form": form, "next": _safe_next(request, "")}, status=status))


def _live_page(model, pk: int):
    try:
        return model.objects.live().public().get(pk=pk)
    except model.DoesNotExist as error:
        raise Http404(_("No such lesson or course.")) from error


def _ask_who(request, page):
    messages.info(request, _("Tell us your name and commune first: your progress and your completion are kept under them."))
    return redirect(f"{reverse('training:learner')}?next={page.url}")


@require_POST
def lesson_done(request, pk: int):
    lesson = _live_page(LessonPage, pk)
    learner = current_learner(request)
    if learner is None:
        return _ask_who(request, lesson)
    if lesson.has_quiz:
        messages.info(request, _("Pass the quiz at the end of the lesson to finish it."))
        return redirect(lesson.url)
    completion = services.lesson_mark_done(learner=learner, lesson=lesson)
    if completion is not None:
        messages.success(request, _("Congratulations: you have completed the course."))
        return redirect("training:completion", code=completion.code)
    course = lesson.get_parent().specific
    following = selectors.course_progress(learner=learner, course=course).next_lesson()
    return redirect(following.url if following else f"{course.url}#kiem-tra")


def _quiz_page(pk: int):
    page = Page.objects.live().public().filter(pk=pk).first()
    page = page.specific if page is not None else None
    if not isinstance(page, CoursePage | LessonPage) or not page.has_quiz:
        raise Http404(_("No such quiz."))
    return page


@require_POST
def quiz_submit(request, pk: int):
    page = _quiz_page(pk)
    learner = current_learner(request)
    if learner is None:
        return _ask_who(request, page)
    if not quiz_allowed(request):
        messages.error(request, _("Too many tries from this connection. Please try again in an hour."))
        return redirect(page.url)
    answers = {question.id: request.POST.getlist(f"q-{question.id}")[:10] for question in page.quiz_questions()}
    submission = services.quiz_submit(learner=learner, page=page, answers=answers)
    return redirect("training:attempt", pk=submission.attempt.pk)


@never_cache
@require_GET
def attempt_detail(request, pk: int):
    learner = current_learner(request)
    try:
        attempt = selectors.attempt_of(learner=learner, pk=pk)
    except QuizAttempt.DoesNotExist as error:
        raise Http404(_("No such quiz attempt of yours.")) from error
    page = attempt.page.specific
    # The answers as given, shown against the quiz as it is now (with its explanations).
    result = quiz_score(page.quiz_questions(), attempt.answers, pass_mark=attempt.pass_mark)
    course = page if isinstance(page, CoursePage) else page.get_parent().specific
    progress = selectors.course_progress(learner=learner, course=course)
    return _private(
        render(
            request, "training/attempt_detail.html",
            {"attempt": attempt, "page": page, "course": course, "result": result, "progress": progress,
             "next_lesson": progress.next_lesson(), "completion": progress.completion},
        )  # fmt: skip
    )


@never_cache
@require_GET
def completion_detail(request, code: str):
    try:
        completion = selectors.completion_own(learner=current_learner(request), code=code)
    except Completion.DoesNotExist as error:
        raise Http404(_("No such completion of yours.")) from error
    verify_url = request.build_absolute_uri(f"{reverse('training:verify')}?ma={completion.code}")
    context = {"completion": completion, "code": code_display(completion.code), "verify_url": verify_url}
    return _private(render(request, "training/completion_detail.html", context))


@require_GET
def verify(request):
    """Anyone checks a completion code: the course, the date, the province and the learner's initials only."""
    form = VerifyForm(request.GET if "ma" in request.GET else None)
    completion, status, looked_up = None, 200, False
    if form.is_bound:
        if not verification_allowed(request):
            form.add_error(None, _("Too many look-ups from this connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            looked_up = True
            completion = selectors.completion_public(code=form.cleaned_data["ma"])
            status = 200 if completion else 404
        else:
            status = 400
    context = {"form": form, "looked_up": looked_up, "completion": completion}
    if completion is not None:
        context.update(initials=initials(completion.name), code=code_display(completion.code))
    return _private(render(request, "training/verify.html", context, status=status))
