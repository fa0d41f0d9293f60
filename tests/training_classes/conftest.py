import datetime
import itertools

import pytest
from django.utils import timezone

from ocop_catalog.models import Commune, Province

_phones = itertools.count(10_000_000)


def localities():
    hanoi, _ = Province.objects.get_or_create(code="01", defaults={"name": "Thành phố Hà Nội", "short_name": "Hà Nội"})
    lao_cai, _ = Province.objects.get_or_create(code="15", defaults={"name": "Tỉnh Lào Cai", "short_name": "Lào Cai"})
    ba_dinh, _ = Commune.objects.get_or_create(
        code="00004", defaults={"province": hanoi, "name": "Phường Ba Đình", "short_name": "Ba Đình", "kind": "Phường"}
    )
    bac_ha, _ = Commune.objects.get_or_create(code="02839", defaults={"province": lao_cai, "name": "Xã Bắc Hà", "short_name": "Bắc Hà", "kind": "Xã"})
    return {"hanoi": hanoi, "lao_cai": lao_cai, "ba_dinh": ba_dinh, "bac_ha": bac_ha}


def make_class(*, commune, capacity=5, days=3, hours=3, title="Bán hàng trên sàn thương mại điện tử", online_link="", staff=(), **extra):
    from training.classes.models import ClassSession, TrainingClass

    mode = TrainingClass.Mode.ONLINE if online_link else TrainingClass.Mode.IN_PERSON
    training_class = TrainingClass.objects.create(
        title=title, audience="cooperatives", topic="Thương mại điện tử", mode=mode, province=commune.province,
        commune=None if online_link else commune, place="" if online_link else "Hội trường UBND xã", online_link=online_link,
        capacity=capacity, **extra,
    )  # fmt: skip
    start = timezone.now() + datetime.timedelta(days=days)
    ClassSession.objects.create(training_class=training_class, starts_at=start, ends_at=start + datetime.timedelta(hours=hours))
    if staff:
        training_class.staff.set(staff)
    return training_class


def next_phone() -> str:
    return f"09{next(_phones):08d}"


def register(training_class, *, commune, name="Nguyễn Văn An", phone=None, email="", role="resident"):
    from training.classes.services import registration_create

    return registration_create(
        class_id=training_class.pk, name=name, phone=phone or next_phone(), commune=commune, role=role, email=email
    ).registration


@pytest.fixture
def places(db):
    return localities()
