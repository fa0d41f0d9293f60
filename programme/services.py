"""State changes of the programme: pilot designations (and the commune pilot flags that follow them), programme staff."""

from django.db import transaction

from ocop_catalog.models import Commune
from ocop_catalog.services import commune_set_pilot_flags

from .models import Pilot, ProgrammeStaff


def programme_staff_set(*, user, province=None) -> ProgrammeStaff:
    """Make `user` programme staff of `province` (None: national), active. Idempotent."""
    role, _ = ProgrammeStaff.objects.update_or_create(user=user, defaults={"province": province, "is_active": True})
    return role


def pilot_flags_sync(*, commune_codes) -> None:
    """Make each commune's pilot flags (the shop's badges, ocop_catalog.Commune) say what its Pilot rows say:
    the designations are the source, the flags a copy kept for the pages that show them."""
    kinds_by_commune: dict[str, set[str]] = {code: set() for code in commune_codes}
    for code, kind in Pilot.objects.filter(commune_id__in=kinds_by_commune).values_list("commune_id", "kind"):
        kinds_by_commune[code].add(kind)
    for commune in Commune.objects.filter(code__in=kinds_by_commune):
        kinds = kinds_by_commune[commune.code]
        ecommerce, smart = Pilot.Kind.ECOMMERCE in kinds, Pilot.Kind.SMART in kinds
        if (commune.is_ecommerce_pilot, commune.is_smart_rural_pilot) != (ecommerce, smart):
            commune_set_pilot_flags(commune=commune, ecommerce=ecommerce, smart_rural=smart)


@transaction.atomic
def pilot_save(*, pilot: Pilot, previous_commune_code: str | None = None) -> Pilot:
    """Validate and save `pilot` (new or changed), then bring the pilot flags of its commune — and of the commune
    it was moved from, if any — in line. Raises ValidationError on a duplicate (commune, kind) or bad dates."""
    pilot.full_clean()
    pilot.save()
    pilot_flags_sync(commune_codes={pilot.commune_id, previous_commune_code} - {None})
    return pilot


@transaction.atomic
def pilot_delete(*, pilot: Pilot) -> None:
    """Remove a designation; the commune loses that pilot flag unless another designation of the kind remains."""
    code = pilot.commune_id
    pilot.delete()
    pilot_flags_sync(commune_codes={code})


@transaction.atomic
def pilots_adopt_flags(*, batch: str, note: str) -> int:
    """Give every commune flagged as a pilot but without a designation of that kind one (dated today, under
    `batch`), so the dashboard and the shop's badges agree. Returns how many designations were made."""
    from django.utils import timezone

    made = 0
    flagged = Commune.objects.filter(is_ecommerce_pilot=True) | Commune.objects.filter(is_smart_rural_pilot=True)
    existing = set(Pilot.objects.values_list("commune_id", "kind"))
    for commune in flagged:
        for kind, flag in ((Pilot.Kind.ECOMMERCE, commune.is_ecommerce_pilot), (Pilot.Kind.SMART, commune.is_smart_rural_pilot)):
            if flag and (commune.code, kind) not in existing:
                pilot_save(pilot=Pilot(commune=commune, kind=kind, batch=batch, starts_on=timezone.localdate(), note=note))
                made += 1
    return made
