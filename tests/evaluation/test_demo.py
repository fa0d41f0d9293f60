"""The demo OCOP evaluation loads through the services: every dossier state, a revoked and an expired
certificate, one product awaiting the central level, the demo people able to act — and a second run changes
nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from evaluation import lifecycle, selectors
from evaluation.demo import (
    CENTRAL_CHAIR,
    COMMUNE_OFFICERS,
    COUNCIL_CHAIR,
    COUNCIL_MEMBERS,
    PROGRAMME_STAFF,
    demo_evaluation_load,
)
from evaluation.models import AuditEntry, CouncilMember, CriteriaSheet, Dossier
from evaluation.staff_selectors import can_edit_sheets, is_programme_staff
from ocop_catalog.models import OcopCertificate
from sellers.demo import demo_sellers_load

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def loaded(demo_catalogue):
    demo_sellers_load()
    first = demo_evaluation_load()
    counts = (Dossier.objects.count(), AuditEntry.objects.count(), OcopCertificate.objects.count(), User.objects.count())
    second = demo_evaluation_load()
    return {"first": first, "second": second, "counts": counts}


def test_the_demo_loads_every_state_once(loaded):
    assert (Dossier.objects.count(), AuditEntry.objects.count(), OcopCertificate.objects.count(), User.objects.count()) == loaded["counts"]
    assert CriteriaSheet.objects.count() == 3
    assert "(0 new)" in loaded["second"] and "(0 new)" not in loaded["first"]
    assert set(Dossier.objects.values_list("status", flat=True)) == set(lifecycle.STATUSES)
    assert Dossier.objects.filter(kind=Dossier.Kind.RENEWAL).exists()
    # Each dossier's history is in its audit trail, starting with its creation.
    for dossier in Dossier.objects.all():
        assert selectors.dossier_audit_trail(dossier=dossier).first().action == "create"


def test_the_demo_has_a_revoked_an_expired_and_a_valid_certificate_from_dossiers(loaded):
    today = timezone.localdate()
    certificates = [dossier.certificate for dossier in Dossier.objects.filter(certificate__isnull=False).select_related("certificate")]
    statuses = {certificate.public_status_on(today) for certificate in certificates}
    assert {"revoked", "expired", "valid"} <= statuses
    revoked = next(c for c in certificates if c.status == OcopCertificate.Status.REVOKED)
    assert revoked.revoked_reason


def test_the_demo_people_can_act(loaded, client, settings):
    settings.DEMO_ACCOUNTS_ENABLED = True  # demo accounts sign in only where demo data belongs
    awaiting_central = Dossier.objects.get(status=lifecycle.SENT_TO_CENTRAL)
    central_chair = User.objects.get(email=CENTRAL_CHAIR[0])
    assert lifecycle.CENTRAL_CHAIR in selectors.dossier_roles(user=central_chair, dossier=awaiting_central)

    submitted = Dossier.objects.get(status=lifecycle.SUBMITTED)
    officer = User.objects.get(email=COMMUNE_OFFICERS[submitted.commune_id][0])
    assert lifecycle.COMMUNE in selectors.dossier_roles(user=officer, dossier=submitted)

    scored = Dossier.objects.get(status=lifecycle.SCORED)
    chair = User.objects.get(email=COUNCIL_CHAIR[0])
    assert lifecycle.PROVINCE_CHAIR in selectors.dossier_roles(user=chair, dossier=scored)
    council = CouncilMember.objects.get(user=chair).council
    assert council.members.count() == 1 + len(COUNCIL_MEMBERS) == 4

    staff = User.objects.get(email=PROGRAMME_STAFF[0])
    assert is_programme_staff(staff) and can_edit_sheets(staff)
    client.force_login(staff)
    response = client.get(reverse("evaluation-staff:dossier-list"))
    assert response.context["counts"]["all"] == Dossier.objects.count()
    assert all(response.context["counts"]["by_status"][status] >= 1 for status in lifecycle.STATUSES)
