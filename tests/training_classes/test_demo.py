"""The demo classes load once, through the services, with a waiting list and attendance."""

import pytest
from django.contrib.auth import get_user_model

from ocop_catalog.models import Commune, Province
from training.classes import lifecycle
from training.classes.demo import CLASSES, DEMO_STAFF_EMAIL, demo_classes_load
from training.classes.models import Registration, TrainingClass
from training.classes.selectors import classes_upcoming, reach_by_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces(db):
    for number, spec in enumerate(CLASSES):
        province = Province.objects.create(code=f"{90 + number}", name=spec.province, short_name=spec.province)
        Commune.objects.create(code=f"9{number:04d}", province=province, name=f"Xã {spec.commune}", short_name=spec.commune, kind="Xã")


def test_the_demo_classes_load_idempotently_with_waiting_lists_and_attendance(provinces):
    line = demo_classes_load()
    assert f"{len(CLASSES)} ({len(CLASSES)} new)" in line
    assert demo_classes_load().startswith(f"Demo training classes: {len(CLASSES)} (0 new)")
    assert TrainingClass.objects.count() == len(CLASSES)
    assert classes_upcoming().count() == 3
    for training_class in TrainingClass.objects.all():
        confirmed = Registration.objects.filter(training_class=training_class, status=lifecycle.CONFIRMED).count()
        assert confirmed <= training_class.capacity
    assert Registration.objects.filter(status=lifecycle.WAITING).exists()
    assert Registration.objects.filter(promoted_at__isnull=False).exists()
    assert sum(row.trained for row in reach_by_area(by="province")) > 0
    staff = get_user_model().objects.get(email=DEMO_STAFF_EMAIL)
    assert staff.has_perm("training_classes.view_reach")
    assert staff.training_classes_run.count() == len(CLASSES)
