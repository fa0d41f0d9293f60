"""The commune officer's pages (/ocop/tham-dinh/xa/): an inbox of its communes' dossiers, a dossier with
everything the producer sent and its history, and the check — accept, or return with a reason."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from evaluation import lifecycle, services
from evaluation.models import AuditEntry, Dossier
from tests.evaluation.conftest import PDF_BYTES, answers_for_total, pdf_upload
from tests.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.officer)
    return client


def state(dossier):
    return (
        Dossier.objects.filter(pk=dossier.pk).values("status", "return_reason").get(),
        AuditEntry.objects.filter(dossier=dossier).count(),
    )


def submitted_dossiers(world, count):
    """`count` submitted dossiers of the world's seller, one product each."""
    dossiers = []
    for index in range(count):
        product = make_product(producer=world.seller.partner, title=f"Mật ong rừng số {index}")
        dossier = services.dossier_create(seller=world.seller, product=product, sheet=world.sheet, by=world.seller_user)
        services.dossier_story_set(dossier=dossier, by=world.seller_user, product_story="Câu chuyện.")
        services.dossier_document_add(dossier=dossier, by=world.seller_user, upload=pdf_upload(), title="Giấy tờ")
        services.self_assessment_save(dossier=dossier, by=world.seller_user, answers=answers_for_total(world.sheet, 60))
        dossiers.append(services.dossier_submit(dossier=dossier, by=world.seller_user))
    return dossiers


def test_the_inbox_lists_dossiers_awaiting_the_check_and_those_handled(officer_client, world):
    waiting = world.submitted()
    handled = services.dossier_accept(dossier=submitted_dossiers(world, 1)[0], by=world.officer)
    draft_product = make_product(producer=world.seller.partner, title="Bản nháp chưa nộp")
    services.dossier_create(seller=world.seller, product=draft_product, sheet=world.sheet, by=world.seller_user)

    response = officer_client.get(reverse("evaluation-review:commune-inbox"))

    page = response.content.decode()
    awaiting_html = page.split('data-testid="awaiting"')[1].split("</table>")[0]
    handled_html = page.split('data-testid="handled"')[1].split("</table>")[0]
    assert reverse("evaluation-review:commune-dossier", args=[waiting.pk]) in awaiting_html
    assert reverse("evaluation-review:commune-dossier", args=[handled.pk]) in handled_html
    assert "Bản nháp chưa nộp" not in page  # a draft is the seller's own until submitted


def test_the_reviewer_home_leads_an_officer_to_the_commune_check(officer_client):
    response = officer_client.get(reverse("evaluation-review:home"))
    assert response.status_code == 302 and response.url == reverse("evaluation-review:commune-inbox")


def test_the_dossier_page_shows_product_story_documents_self_assessment_and_history(officer_client, world):
    dossier = world.submitted(total=72)
    document = dossier.documents.get()

    page = officer_client.get(reverse("evaluation-review:commune-dossier", args=[dossier.pk])).content.decode()

    assert world.product.title in page
    assert "Câu chuyện của sản phẩm." in page
    assert "Giấy chứng nhận ATTP" in page
    assert reverse("evaluation-review:commune-document", args=[dossier.pk, document.pk]) in page
    assert "72/100 · 4★" in page
    assert "/40" in page and "/25" in page and "/35" in page  # each part's points of its maximum
    trail = page.split('data-testid="audit-trail"')[1]
    assert (world.seller_user.get_full_name() or world.seller_user.email) in trail
    with translation.override(settings.LANGUAGE_CODE):
        moved = f"{lifecycle.STATUSES[lifecycle.DRAFT]} → {lifecycle.STATUSES[lifecycle.SUBMITTED]}"
    assert moved in trail


def test_an_officer_downloads_a_document_from_private_storage(officer_client, world):
    dossier = world.submitted()
    document = dossier.documents.get()

    response = officer_client.get(reverse("evaluation-review:commune-document", args=[dossier.pk, document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_an_officer_accepts_a_dossier_for_the_province_council(officer_client, world):
    dossier = world.submitted()

    response = officer_client.post(reverse("evaluation-review:commune-accept", args=[dossier.pk]), follow=True)

    dossier.refresh_from_db()
    assert dossier.status == lifecycle.COMMUNE_CHECKED
    entry = AuditEntry.objects.filter(dossier=dossier).latest("pk")
    assert (entry.action, entry.actor, entry.before["status"], entry.after["status"]) == (
        "accept", world.officer, lifecycle.SUBMITTED, lifecycle.COMMUNE_CHECKED
    )
    assert response.status_code == 200
    assert "accept" not in response.context["steps"]


def test_returning_needs_a_reason_and_a_blank_one_changes_nothing(officer_client, world):
    dossier = world.submitted()
    before = state(dossier)

    response = officer_client.post(reverse("evaluation-review:commune-return", args=[dossier.pk]), {"reason": "   "})

    assert response.status_code == 400
    assert response.context["return_form"].errors["reason"]
    assert 'class="field-error"' in response.content.decode()
    assert state(dossier) == before


def test_a_returned_dossier_carries_the_reason_to_the_producer(officer_client, world, client):
    dossier = world.submitted()

    officer_client.post(
        reverse("evaluation-review:commune-return", args=[dossier.pk]), {"reason": "Thiếu phiếu kiểm nghiệm nước."}
    )

    dossier.refresh_from_db()
    assert dossier.status == lifecycle.RETURNED
    assert dossier.return_reason == "Thiếu phiếu kiểm nghiệm nước."
    seller = Client()
    seller.force_login(world.seller_user)
    assert "Thiếu phiếu kiểm nghiệm nước." in seller.get(reverse("evaluation:seller-dossier", args=[dossier.pk])).content.decode()


def test_a_refused_step_is_told_and_changes_nothing(officer_client, world):
    dossier = services.dossier_accept(dossier=world.submitted(), by=world.officer)
    before = state(dossier)

    accept = officer_client.post(reverse("evaluation-review:commune-accept", args=[dossier.pk]), follow=True)
    give_back = officer_client.post(reverse("evaluation-review:commune-return", args=[dossier.pk]), {"reason": "Muộn."}, follow=True)

    for response in (accept, give_back):
        assert response.status_code == 200
        assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert state(dossier) == before


def test_state_changes_are_post_only_and_need_the_csrf_token(world):
    dossier = world.submitted()
    before = state(dossier)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.officer)

    assert strict.get(reverse("evaluation-review:commune-accept", args=[dossier.pk])).status_code == 405
    assert strict.post(reverse("evaluation-review:commune-accept", args=[dossier.pk])).status_code == 403
    assert strict.post(reverse("evaluation-review:commune-return", args=[dossier.pk]), {"reason": "x"}).status_code == 403
    assert state(dossier) == before


def test_people_without_a_commune_role_are_kept_out(client, world):
    assert client.get(reverse("evaluation-review:commune-inbox")).status_code == 302  # to sign in
    client.force_login(world.seller_user)
    assert client.get(reverse("evaluation-review:commune-inbox")).status_code == 403
    assert client.get(reverse("evaluation-review:home")).status_code == 403


def test_the_inbox_keeps_a_fixed_number_of_queries(officer_client, world, django_assert_max_num_queries):
    url = reverse("evaluation-review:commune-inbox")
    services.dossier_accept(dossier=submitted_dossiers(world, 2)[0], by=world.officer)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(url)
    dossiers = submitted_dossiers(world, 12)
    for dossier in dossiers[:5]:
        services.dossier_accept(dossier=dossier, by=world.officer)

    with django_assert_max_num_queries(min(len(few), 24)):
        response = officer_client.get(url)

    assert len(response.context["awaiting"]) == 8 and len(response.context["handled"]) == 6
