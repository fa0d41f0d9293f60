"""Reads of training classes. Registrant data leaves here only for the staff running a class."""

from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone

from ocop_catalog.models import Province
from training.selectors import completions_by_area

from . import lifecycle
from .models import Registration, TrainingClass


def _with_dates_and_places(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        first_start=Min("sessions__starts_at"),
        last_end=Max("sessions__ends_at"),
        confirmed_count=Count("registrations", filter=Q(registrations__status=lifecycle.CONFIRMED), distinct=True),
        waiting_count=Count("registrations", filter=Q(registrations__status=lifecycle.WAITING), distinct=True),
    ).select_related("province", "commune")


def classes_upcoming(*, province_code: str = "") -> QuerySet:
    """Published classes not yet over, soonest first, with first_start, last_end, confirmed_count and
    waiting_count; only the organising province's when `province_code` is given."""
    queryset = _with_dates_and_places(TrainingClass.objects.filter(is_published=True))
    if province_code:
        queryset = queryset.filter(province_id=province_code)
    return queryset.filter(last_end__gt=timezone.now()).order_by("first_start", "pk")


def class_public(*, pk: int) -> TrainingClass:
    """A published class with its counts (DoesNotExist otherwise)."""
    return _with_dates_and_places(TrainingClass.objects.filter(is_published=True)).get(pk=pk)


def provinces_with_classes() -> QuerySet:
    upcoming = classes_upcoming().values("province_id")
    return Province.objects.filter(code__in=upcoming).order_by("short_name")


def classes_run_by(*, user) -> QuerySet:
    """The classes `user` runs (every class for a superuser), newest first."""
    queryset = TrainingClass.objects.all() if user.is_superuser else TrainingClass.objects.filter(staff=user)
    return _with_dates_and_places(queryset).order_by("-first_start", "-pk")


def class_for_staff(*, user, pk: int) -> TrainingClass:
    """A class `user` runs (any for a superuser); DoesNotExist for anyone else, so a foreign id is a 404."""
    return classes_run_by(user=user).get(pk=pk)


def registrations_of(*, training_class: TrainingClass) -> QuerySet:
    """Every registration of a class, queue order, with commune and province: for its staff only."""
    return Registration.objects.filter(training_class=training_class).select_related("commune__province").order_by("created_at", "pk")


@dataclass(frozen=True)
class AreaReach:
    province_code: str
    province: str
    commune_code: str  # "" in a per-province row
    commune: str
    trained: int  # distinct phone numbers that attended at least one class
    attendances: int
    completions: int


def reach_by_area(*, by: str = "commune", province_code: str = "") -> list[AreaReach]:
    """People trained (attended a class; counted once per phone number) and attendances per commune (the
    registrant's own commune) or per province, in one aggregate query; completions of online courses (the
    learner's commune) added from training.selectors.completions_by_area. Sorted by province then commune."""
    attended = Registration.objects.filter(attended=True, status=lifecycle.CONFIRMED)
    if province_code:
        attended = attended.filter(commune__province_id=province_code)
    if by == "province":
        keys = ["commune__province_id", "commune__province__short_name"]
    else:
        keys = ["commune__province_id", "commune__province__short_name", "commune_id", "commune__name"]
    rows = attended.values(*keys).annotate(trained=Count("phone", distinct=True), attendances=Count("pk")).order_by(*keys)
    completions = _completions(by=by, province_code=province_code)
    result = {}
    for row in rows:
        key = (row["commune__province_id"], row.get("commune_id", ""))
        result[key] = AreaReach(
            province_code=row["commune__province_id"], province=row["commune__province__short_name"],
            commune_code=row.get("commune_id", ""), commune=row.get("commune__name", ""),
            trained=row["trained"], attendances=row["attendances"], completions=completions.pop(key, {}).get("count", 0),
        )  # fmt: skip
    for key, extra in completions.items():
        result[key] = AreaReach(
            province_code=key[0], province=extra.get("province", ""), commune_code=key[1], commune=extra.get("commune", ""),
            trained=0, attendances=0, completions=extra.get("count", 0),
        )  # fmt: skip
    return [result[key] for key in sorted(result, key=lambda k: (result[k].province, result[k].commune))]


def _completions(*, by: str, province_code: str) -> dict:
    """{(province code, commune code or ""): {"count", "province", "commune"}} of course completions."""
    return {
        (row.province_code, row.commune_code): {"count": row.completions, "province": row.province, "commune": row.commune}
        for row in completions_by_area(by=by, province_code=province_code)
    }
