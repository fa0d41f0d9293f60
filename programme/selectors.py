"""Reads of the programme: who is programme staff and for which province, pilots, areas. The indicators
themselves are in programme.indicators."""

from django.db.models import QuerySet
from django.http import Http404

from ocop_catalog.models import Commune, Producer, Province

from .models import Pilot, ProgrammeStaff

NATIONAL = "national"


def programme_staff_for(*, user) -> ProgrammeStaff | None:
    """The active programme-staff role of `user`, or None. Superusers count as national staff."""
    if not getattr(user, "is_authenticated", False):
        return None
    role = ProgrammeStaff.objects.filter(user=user, is_active=True).select_related("province").first()
    if role is None and user.is_superuser:
        return ProgrammeStaff(user=user, province=None)
    return role


def staff_province_code(*, user) -> str | None:
    """The province `user` is programme staff of; None for national staff and for anyone else (the admin
    decides their rights by its own permissions)."""
    role = ProgrammeStaff.objects.filter(user=user, is_active=True).values_list("province_id", flat=True).first()
    return role


def province_for_staff(*, role: ProgrammeStaff, code: str) -> Province:
    """The province `code` if `role` may see it; raises Http404 otherwise (another province's figures)."""
    if role.province_id is not None and role.province_id != code:
        raise Http404
    try:
        return Province.objects.get(code=code)
    except Province.DoesNotExist:
        raise Http404 from None


def commune_for_staff(*, role: ProgrammeStaff, code: str) -> Commune:
    """The commune `code` with its province if `role` may see it; Http404 otherwise."""
    communes = Commune.objects.select_related("province").filter(code=code)
    if role.province_id is not None:
        communes = communes.filter(province_id=role.province_id)
    commune = communes.first()
    if commune is None:
        raise Http404
    return commune


def producer_for_staff(*, role: ProgrammeStaff, pk) -> Producer:
    producers = Producer.objects.select_related("commune__province").filter(pk=pk, commune__isnull=False)
    if role.province_id is not None:
        producers = producers.filter(commune__province_id=role.province_id)
    producer = producers.first()
    if producer is None:
        raise Http404
    return producer


def pilots_of(*, province_code: str | None = None, commune_code: str | None = None) -> QuerySet:
    """Pilot designations, with their commune and province, of one province or commune (all when neither)."""
    pilots = Pilot.objects.select_related("commune__province")
    if province_code:
        pilots = pilots.filter(commune__province_id=province_code)
    if commune_code:
        pilots = pilots.filter(commune_id=commune_code)
    return pilots
