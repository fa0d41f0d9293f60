"""A small, hand-checked world for the map tests: three provinces, their communes at known points, producers,
tourism services and pilot communes. Every place is listed in MAP_WORLD's docstring with what it should show."""

import datetime

from ocop_catalog import services
from ocop_catalog.models import Commune, OcopCertificate, Producer, Province  # noqa: F401
from tests.factories import make_producer, make_product

HANOI = (21.0285, 105.8542)
HAIPHONG = (20.8449, 106.6881)


def _province(code, short_name, point):
    province, _ = Province.objects.update_or_create(
        code=code, defaults={"name": short_name, "short_name": short_name, "latitude": point[0], "longitude": point[1]}
    )
    return province


def _commune(code, province, name, point, *, ecommerce=False, smart=False):
    commune, _ = Commune.objects.update_or_create(
        code=code,
        defaults={
            "province": province, "name": name, "short_name": name.split(" ", 1)[1], "kind": name.split(" ", 1)[0],
            "latitude": point[0] if point else None, "longitude": point[1] if point else None,
            "is_ecommerce_pilot": ecommerce, "is_smart_rural_pilot": smart,
        },
    )  # fmt: skip
    return commune


def ocop_producer_of(partner) -> Producer:
    return services.producer_seller_itself(partner=partner)


def place_at(partner, point) -> Producer:
    """Give the seller's own producer its own coordinates (as a seller would in the dashboard)."""
    producer = ocop_producer_of(partner)
    return services.producer_save(
        partner=partner, producer=producer,
        data=services.ProducerData(name=producer.name, kind=producer.kind, commune=producer.commune, latitude=point[0], longitude=point[1]),
    )  # fmt: skip


def map_world() -> dict:
    """
    Hà Nội (01): Ba Đình (21.0340, 105.8140)
      - "HTX Chè Ba Đình" at its own point (21.0400, 105.8300): food 4★ + drinks 3★ → producer, 4★, thuc-pham
      - "HTX Rút hàng": its only product withdrawn → nothing
    Hải Phòng (31): Hải An (20.8300, 106.7500), e-commerce pilot
      - "HTX Gốm Hải An" at the commune: handicraft 5★ → producer, 5★; and "Tour làng gốm Hải An" 3★ → tourism
      - "HTX Hải An đình chỉ": suspended seller, food 4★ → nothing
      - "HTX Hải An hết hạn": food with a certificate expired → producer, no stars
    Lào Cai (15): Tả Van (22.3000, 103.9000), smart pilot
      - "HTX Du lịch Tả Van": only "Nghỉ nhà sàn Tả Van" (tourism, no certificate) → tourism only, no producer place
    Lào Cai: Xã Không Tọa Độ (no coordinates), e-commerce pilot: its producer and the pilot are not on the map
    Pilot places: Hải An (ecommerce), Tả Van (smart).
    """
    hanoi, haiphong, laocai = _province("01", "Hà Nội", HANOI), _province("31", "Hải Phòng", HAIPHONG), _province("15", "Lào Cai", (22.48, 103.97))
    ba_dinh = _commune("00004", hanoi, "Phường Ba Đình", (21.0340, 105.8140))
    hai_an = _commune("11311", haiphong, "Phường Hải An", (20.8300, 106.7500), ecommerce=True)
    ta_van = _commune("03037", laocai, "Xã Tả Van", (22.3000, 103.9000), smart=True)
    nowhere = _commune("03999", laocai, "Xã Không Tọa Độ", None, ecommerce=True)

    tea = make_producer(commune=ba_dinh, name="HTX Chè Ba Đình")
    place_at(tea, (21.0400, 105.8300))
    tea_food = make_product(producer=tea, title="Chè búp Ba Đình", group="thuc-pham", stars=4)
    make_product(producer=tea, title="Trà sen Ba Đình", group="do-uong", stars=3)

    withdrawn_partner = make_producer(commune=ba_dinh, name="HTX Rút hàng")
    withdrawn = make_product(producer=withdrawn_partner, title="Sản phẩm đã rút", stars=4)
    withdrawn.is_public = False
    withdrawn.save()

    pottery = make_producer(commune=hai_an, name="HTX Gốm Hải An")
    make_product(producer=pottery, title="Bình gốm Hải An", group="thu-cong-my-nghe", stars=5)
    pottery_tour = make_product(producer=pottery, title="Tour làng gốm Hải An", group="dich-vu-du-lich", stars=3)

    suspended = make_producer(commune=hai_an, name="HTX Hải An đình chỉ")
    make_product(producer=suspended, title="Mắm đình chỉ", stars=4)
    suspended.is_suspended = True
    suspended.save()

    expired = make_producer(commune=hai_an, name="HTX Hải An hết hạn")
    make_product(producer=expired, title="Nước mắm hết hạn", stars=4, issued_on=datetime.date.today() - datetime.timedelta(days=4 * 365))

    ta_van_partner = make_producer(commune=ta_van, name="HTX Du lịch Tả Van")
    homestay = make_product(producer=ta_van_partner, title="Nghỉ nhà sàn Tả Van", group="dich-vu-du-lich")

    lost = make_producer(commune=nowhere, name="HTX Không tọa độ")
    make_product(producer=lost, title="Sản phẩm không tọa độ", stars=3)

    assert OcopCertificate.objects.exists()
    return {
        "tea": ocop_producer_of(tea), "tea_food": tea_food, "pottery": ocop_producer_of(pottery),
        "pottery_tour": pottery_tour, "homestay": homestay, "expired": ocop_producer_of(expired),
        "ba_dinh": ba_dinh, "hai_an": hai_an, "ta_van": ta_van,
    }  # fmt: skip
