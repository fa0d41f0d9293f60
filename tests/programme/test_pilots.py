"""Pilots as data: the shipped 2023 batch maps to 2025 communes, the loader is idempotent and says which line is
wrong, and the communes' pilot badges follow the designations."""

import pytest
from django.core.management import CommandError, call_command

from ocop_catalog.models import Commune
from programme.demo import PILOTS_2023, demo_pilots_load
from programme.models import Pilot
from programme.pilots_csv import PilotFileError, old_commune_to_2025, pilots_load
from programme.services import pilot_delete, pilot_save

pytestmark = pytest.mark.django_db

HEADER = "kind,commune_code,old_commune,old_district,old_province,starts_on,target_online_percent\n"

# The 2023 batch as the locality package converts it (vietnamadminunits 1.0.4): old name → 2025 commune.
EXPECTED_2023 = {
    ("smart", "Xã Giao Phong, Huyện Giao Thủy, Tỉnh Nam Định"): ("14212", "Xã Giao Ninh", "37"),
    ("smart", "Xã Tức Tranh, Huyện Phú Lương, Tỉnh Thái Nguyên"): ("05641", "Xã Vô Tranh", "19"),
    ("smart", "Xã Quảng Thọ, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế"): ("19867", "Xã Quảng Điền", "46"),
    ("smart", "Xã Hòa Đồng, Huyện Tây Hòa, Tỉnh Phú Yên"): ("22276", "Xã Hòa Thịnh", "66"),
    ("smart", "Xã Thoại Giang, Huyện Thoại Sơn, Tỉnh An Giang"): ("30682", "Xã Thoại Sơn", "91"),
    ("smart", "Xã Mỹ Lộc, Huyện Tam Bình, Tỉnh Vĩnh Long"): ("29728", "Xã Cái Ngang", "86"),
    ("ecommerce", "Xã Phúc Hòa, Huyện Tân Yên, Tỉnh Bắc Giang"): ("07330", "Xã Phúc Hòa", "24"),
    ("ecommerce", "Xã Mỹ Xương, Huyện Cao Lãnh, Tỉnh Đồng Tháp"): ("30076", "Xã Mỹ Thọ", "82"),
    ("ecommerce", "Xã Tân Mỹ Chánh, Thành phố Mỹ Tho, Tỉnh Tiền Giang"): ("28273", "Phường Mỹ Phong", "82"),
}


def test_old_commune_converts_to_its_2025_commune():
    assert old_commune_to_2025(commune="Xã Mỹ Xương", district="Huyện Cao Lãnh", province="Tỉnh Đồng Tháp") == "30076"
    # Nam Định merged into Ninh Bình; Giao Phong into Giao Ninh.
    assert old_commune_to_2025(commune="Xã Giao Phong", district="Huyện Giao Thủy", province="Tỉnh Nam Định") == "14212"


def test_the_shipped_2023_batch_maps_each_commune_to_2025_and_keeps_its_old_name(localities):
    result = pilots_load(text=PILOTS_2023.read_text(encoding="utf-8"))
    assert (result.created, result.updated, result.unchanged) == (9, 0, 0)
    found = {
        (pilot.kind, pilot.old_name): (pilot.commune_id, pilot.commune.name, pilot.commune.province_id)
        for pilot in Pilot.objects.select_related("commune")
    }
    assert found == EXPECTED_2023
    assert Pilot.objects.filter(kind="smart").count() == 6 and Pilot.objects.filter(kind="ecommerce").count() == 3
    # The shop's badges follow.
    assert Commune.objects.get(code="30076").is_ecommerce_pilot
    assert Commune.objects.get(code="14212").is_smart_rural_pilot and not Commune.objects.get(code="14212").is_ecommerce_pilot


def test_loading_the_same_file_twice_changes_nothing(localities):
    text = PILOTS_2023.read_text(encoding="utf-8")
    pilots_load(text=text)
    before = list(Pilot.objects.order_by("pk").values())
    result = pilots_load(text=text)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 9)
    assert list(Pilot.objects.order_by("pk").values()) == before


def test_a_changed_target_updates_the_designation_in_place(localities):
    pilots_load(text=HEADER + "ecommerce,30076,,,,2023-06-01,\n")
    result = pilots_load(text=HEADER + "ecommerce,30076,,,,2023-06-01,60\n")
    assert (result.created, result.updated) == (0, 1)
    assert Pilot.objects.get().target_online_percent == 60


def test_a_bad_file_names_every_bad_line_and_saves_nothing(localities):
    text = (
        "# a comment line\n" + HEADER
        + "ecommerce,30076,,,,2023-06-01,\n"  # line 3: good
        + "shop,30076,,,,2023-06-01,\n"  # line 4: unknown kind
        + "smart,99999,,,,2023-06-01,\n"  # line 5: no such commune
        + "smart,,Xã Không Có,Huyện Không Có,Tỉnh Nam Định,2023-06-01,\n"  # line 6: only the province is found
        + "smart,30076,,,,1 June 2023,\n"  # line 7: bad date
        + "ecommerce,30076,,,,2023-06-01,\n"  # line 8: same as line 3
    )  # fmt: skip
    with pytest.raises(PilotFileError) as error:
        pilots_load(text=text)
    lines = [line for line, _message in error.value.errors]
    assert lines == [4, 5, 6, 7, 8]
    assert "line 3" in error.value.errors[-1][1]
    assert not Pilot.objects.exists()


def test_command_prints_progress_and_refuses_a_bad_file_with_line_numbers(localities, tmp_path, capsys):
    call_command("load_pilots", str(PILOTS_2023))
    out = capsys.readouterr().out
    assert "[9/9]" in out and "Xã Mỹ Xương, Huyện Cao Lãnh, Tỉnh Đồng Tháp → 30076" in out and "9 created" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "smart,99999,,,,2023-06-01,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2: commune_code"):
        call_command("load_pilots", str(bad))
    with pytest.raises(CommandError, match="no such file"):
        call_command("load_pilots", str(tmp_path / "missing.csv"))


def test_removing_the_last_designation_of_a_kind_removes_the_badge(localities):
    commune = Commune.objects.get(code="30076")
    pilot = pilot_save(pilot=Pilot(commune=commune, kind="ecommerce", starts_on="2023-06-01"))
    pilot_save(pilot=Pilot(commune=commune, kind="smart", starts_on="2023-06-01"))
    commune.refresh_from_db()
    assert commune.is_ecommerce_pilot and commune.is_smart_rural_pilot
    pilot_delete(pilot=pilot)
    commune.refresh_from_db()
    assert not commune.is_ecommerce_pilot and commune.is_smart_rural_pilot


def test_demo_loader_loads_the_batch_and_gives_flagged_demo_communes_a_designation(localities):
    Commune.objects.filter(code="00577").update(is_ecommerce_pilot=True)  # as the demo catalogue flags Bát Tràng
    line = demo_pilots_load(stdout=None)
    assert "9 new" in line
    assert Pilot.objects.filter(commune_id="00577", kind="ecommerce", batch="demo").exists()
    assert demo_pilots_load(stdout=None).startswith("Demo pilots: 2023 batch 0 new, 0 updated, 9 unchanged; 0 demo")
