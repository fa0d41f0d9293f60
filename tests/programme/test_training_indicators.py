"""Training reach feeds the programme figures (issue 15.4): people marked present at classes begun in the period
and course completions, per commune, province and nationally, counted by hand."""

import datetime

import pytest
from django.utils import timezone

from ocop_catalog.models import Commune, Province
from programme import indicators
from programme.indicators import NATIONAL, PROVINCE, Period, Scope
from training.classes.models import ClassSession, TrainingClass
from training.classes.services import attendance_mark, registration_create
from training.models import Completion, Learner

pytestmark = pytest.mark.django_db

BA_DINH, VO_TRANH = "00004", "05641"  # Hà Nội, Thái Nguyên


def _class(*, capacity: int = 10) -> TrainingClass:
    """A class open for registration (its session is tomorrow); `_held` moves it into the past."""
    starts = timezone.now() + datetime.timedelta(days=1)
    commune = Commune.objects.get(code=VO_TRANH)
    training_class = TrainingClass.objects.create(
        title="Lớp an toàn thông tin", audience="residents", topic="An toàn thông tin", province=commune.province, commune=commune,
        place="Nhà văn hoá", capacity=capacity,
    )  # fmt: skip
    ClassSession.objects.create(training_class=training_class, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))
    return training_class


def _held(training_class, *, days_ago: int) -> None:
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    ClassSession.objects.filter(training_class=training_class).update(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))


def _register(training_class, phone, commune_code, *, present: bool):
    result = registration_create(
        class_id=training_class.pk, name="Người học", phone=phone, commune=Commune.objects.get(code=commune_code), role="resident"
    )
    return result.registration.pk if present else None


def _complete(name, commune_code, *, days_ago: int, code: str):
    learner = Learner.objects.create(name=name, phone="", commune_id=commune_code)
    completion = Completion.objects.create(learner=learner, course=None, course_title="Khoá học", name=name, commune_id=commune_code, code=code)
    Completion.objects.filter(pk=completion.pk).update(completed_at=timezone.now() - datetime.timedelta(days=days_ago))


@pytest.fixture
def reach(localities):
    recent, old = _class(), _class()
    present = {_register(recent, "0912000001", VO_TRANH, present=True), _register(recent, "0912000002", BA_DINH, present=True)}
    _register(recent, "0912000003", VO_TRANH, present=False)  # registered, did not come
    old_present = {_register(old, "0912000004", VO_TRANH, present=True)}
    _held(recent, days_ago=5)
    _held(old, days_ago=100)  # before the period
    attendance_mark(training_class=recent, attended_ids=present)
    attendance_mark(training_class=old, attended_ids=old_present)
    _complete("An", VO_TRANH, days_ago=3, code="AAAAA11111")
    _complete("Bình", VO_TRANH, days_ago=10, code="AAAAA22222")
    _complete("Chi", BA_DINH, days_ago=200, code="AAAAA33333")  # before the period


def test_people_trained_and_courses_completed_per_province_and_nationally(reach):
    last_30 = Period.last_days(30)
    by_province = indicators.figures(scope=Scope(level=PROVINCE), period=last_30)
    thai_nguyen = Commune.objects.get(code=VO_TRANH).province_id
    hanoi = Province.objects.get(code=Commune.objects.get(code=BA_DINH).province_id).code

    assert (by_province[thai_nguyen].trained, by_province[thai_nguyen].course_completions) == (1, 2)
    assert (by_province[hanoi].trained, by_province[hanoi].course_completions) == (1, 0)
    national = indicators.figures(scope=Scope(level=NATIONAL), period=last_30)[indicators.NATIONAL_KEY]
    assert (national.trained, national.course_completions) == (2, 2)
    a_year = indicators.figures(scope=Scope(level=NATIONAL), period=Period.last_days(365))[indicators.NATIONAL_KEY]
    assert (a_year.trained, a_year.course_completions) == (3, 3)
