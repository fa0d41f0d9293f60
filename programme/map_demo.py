"""Demo coordinates for the agri-tourism map: each demo producer without a point of its own is placed near its
commune's centre, moved a little (up to ~1.5 km) by an offset drawn from its slug — the same every run, and two
producers of one commune do not sit on one pixel. Saved through ocop_catalog.services.producer_save, as a seller
would. The demo catalogue's tourism services (group dich-vu-du-lich) already span several provinces."""

import hashlib

from django.db import transaction

from ocop_catalog.demo.catalogue import PRODUCERS
from ocop_catalog.models import Producer
from ocop_catalog.services import ProducerData, producer_save

JITTER_DEGREES = 0.012


def jittered_point(*, latitude: float, longitude: float, seed: str) -> tuple[float, float]:
    """The point moved by up to JITTER_DEGREES in each direction, deterministically from `seed`."""
    digest = hashlib.sha256(seed.encode()).digest()
    dlat = (int.from_bytes(digest[:4], "big") / 0xFFFFFFFF * 2 - 1) * JITTER_DEGREES
    dlon = (int.from_bytes(digest[4:8], "big") / 0xFFFFFFFF * 2 - 1) * JITTER_DEGREES
    return round(latitude + dlat, 6), round(longitude + dlon, 6)


@transaction.atomic
def demo_map_load(*, stdout=None) -> str:
    """Give the demo producers (those of the demo sellers) coordinates near their commune. Idempotent: a producer
    that has coordinates keeps them."""
    codes = [demo.code for demo in PRODUCERS]
    producers = Producer.objects.filter(partner__code__in=codes, latitude__isnull=True).select_related("commune", "partner")
    placed = 0
    for producer in producers:
        commune = producer.commune
        if commune is None or commune.latitude is None or commune.longitude is None:
            continue
        latitude, longitude = jittered_point(latitude=commune.latitude, longitude=commune.longitude, seed=producer.slug)
        producer_save(
            partner=producer.partner,
            producer=producer,
            data=ProducerData(
                name=producer.name, kind=producer.kind, commune=commune, tax_code=producer.tax_code,
                story=producer.story, latitude=latitude, longitude=longitude,
            ),
        )  # fmt: skip
        placed += 1
    return f"Demo map: {placed} producers placed near their commune."
