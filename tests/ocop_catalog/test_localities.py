import pytest
from django.core.management import call_command

from ocop_catalog.models import Commune, Province

pytestmark = pytest.mark.django_db


def test_load_localities_gives_the_34_provinces_and_their_communes():
    call_command("load_localities", verbosity=0)

    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    assert Province.objects.get(code="01").short_name == "Hà Nội"
    ba_dinh = Commune.objects.get(code="00004")
    assert ba_dinh.province_id == "01"
    assert ba_dinh.name == "Phường Ba Đình"
    assert not Commune.objects.filter(province__isnull=True).exists()
    assert all(len(code) == 2 for code in Province.objects.values_list("code", flat=True))
    assert all(len(code) == 5 for code in Commune.objects.values_list("code", flat=True))
    # Every province has communes attached.
    assert not Province.objects.filter(communes__isnull=True).exists()


def test_loading_twice_changes_nothing_and_keeps_pilot_flags():
    call_command("load_localities", verbosity=0)
    Commune.objects.filter(code="00004").update(is_ecommerce_pilot=True)
    before = list(Commune.objects.order_by("code").values_list("code", "name", "province_id"))

    call_command("load_localities", verbosity=0)

    assert list(Commune.objects.order_by("code").values_list("code", "name", "province_id")) == before
    assert Commune.objects.get(code="00004").is_ecommerce_pilot
