"""Council members' pages (/ocop/tham-dinh/hoi-dong/): the chair opens a round, each member scores every
criterion blind (draft, then submit), the chair closes the round on the members' mean and takes the
step its band allows; the central chair recognises 5★ or returns a 4★ result."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluation import lifecycle, services
from evaluation.models import AuditEntry, CouncilRound, Dossier, Scorecard
from ocop_catalog.models import OcopCertificate
from tests.evaluation.conftest import answers_for_total
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def posted(sheet, total):
    return {f"criterion-{criterion}": option for criterion, option in answers_for_total(sheet, total).items()}


def on_new_product(world, title):
    """Point the world at a fresh product, so it can hold another dossier in progress."""
    world.product = make_product(producer=world.seller.partner, title=title)
    return world


def state(dossier):
    return (
        Dossier.objects.filter(pk=dossier.pk).values("status", "result_score", "result_stars", "certificate_id").get(),
        AuditEntry.objects.filter(dossier=dossier).count(),
        OcopCertificate.objects.count(),
    )


def scoring_round(world):
    return services.round_open(dossier=world.accepted(), by=world.chair)


def test_the_chair_opens_the_round_and_members_find_it_in_their_inbox(world):
    dossier = world.accepted()
    chair = client_for(world.chair)
    inbox = chair.get(reverse("evaluation-review:council-inbox")).content.decode()
    assert reverse("evaluation-review:council-dossier", args=[dossier.pk]) in inbox

    response = chair.post(reverse("evaluation-review:round-open", args=[dossier.pk]), follow=True)

    opened = CouncilRound.objects.get(dossier=dossier)
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.COUNCIL_SCORING
    assert reverse("evaluation-review:round", args=[opened.pk]) in response.content.decode()
    member_inbox = client_for(world.members[0]).get(reverse("evaluation-review:council-inbox")).content.decode()
    assert reverse("evaluation-review:round", args=[opened.pk]) in member_inbox


def test_a_member_cannot_open_a_round_only_the_chair(world):
    dossier = world.accepted()
    before = state(dossier)

    response = client_for(world.members[0]).post(reverse("evaluation-review:round-open", args=[dossier.pk]), follow=True)

    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert state(dossier) == before and not CouncilRound.objects.exists()


def test_a_member_scores_blind_saves_a_draft_then_submits_and_reads_the_others(world):
    opened = scoring_round(world)
    first, second = world.members[:2]
    services.scorecard_save(round=opened, by=first, answers=answers_for_total(world.sheet, 81), submit=True)
    member = client_for(second)
    url = reverse("evaluation-review:round", args=[opened.pk])

    page = member.get(url).content.decode()
    assert "81/100" not in page and 'data-testid="blind-notice"' in page
    assert 'name="criterion-' in page

    member.post(url, {**posted(world.sheet, 64), "action": "save"})
    draft = Scorecard.objects.get(round=opened, member=second)
    assert draft.submitted_at is None
    page = member.get(url).content.decode()
    assert "81/100" not in page
    assert "64" in page.split('data-testid="my-total"')[1].split("</p>")[0]

    response = member.post(url, {**posted(world.sheet, 64), "action": "submit"}, follow=True)
    page = response.content.decode()
    assert Scorecard.objects.get(round=opened, member=second).submitted_at is not None
    assert "81/100" in page.split('data-testid="other-scorecards"')[1]
    assert 'name="criterion-' not in page  # submitted scores are final
    first_card = Scorecard.objects.get(round=opened, member=first)
    detail = member.get(reverse("evaluation-review:scorecard", args=[opened.pk, first_card.pk]))
    assert detail.status_code == 200 and "81/100" in detail.content.decode()


def test_submitting_an_incomplete_scorecard_marks_each_missing_criterion_and_saves_nothing(world):
    opened = scoring_round(world)
    answers = posted(world.sheet, 70)
    half = dict(list(answers.items())[: len(answers) // 2])

    response = client_for(world.members[0]).post(
        reverse("evaluation-review:round", args=[opened.pk]), {**half, "action": "submit"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('class="field field--error"') == len(answers) - len(half)
    assert page.count(" checked>") == len(half)  # what was posted is kept on the page
    assert not Scorecard.objects.filter(round=opened).exists()


def test_forged_answers_are_refused_with_a_message_not_an_error_page(world, sheets):
    opened = scoring_round(world)
    answers = posted(world.sheet, 70)
    first, second, *_rest = list(answers)
    other_sheet = next(iter(answers_for_total(sheets["do-uong-che"], 50).values()))
    url = reverse("evaluation-review:round", args=[opened.pk])
    member = client_for(world.members[0])

    for forged in ({first: str(other_sheet)}, {first: "9" * 30}, {second: "-1"}, {first: "abc"}):
        response = member.post(url, {**answers, **forged, "action": "submit"})
        assert response.status_code == 400, forged
    assert member.post(url, {**answers, "action": "delete"}).status_code == 302
    assert not Scorecard.objects.filter(round=opened).exists()


def test_the_sellers_self_assessment_refuses_an_id_too_large_for_the_database_with_a_message(world):
    dossier = world.draft(total=60)
    answers = posted(world.sheet, 60)
    first = next(iter(answers))

    response = client_for(world.seller_user).post(
        reverse("evaluation:seller-self-assessment", args=[dossier.pk]), {**answers, first: "9" * 30}, follow=True
    )

    assert response.status_code == 200
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_the_chair_closes_the_round_on_the_rounded_mean_and_issues_the_certificate(world):
    opened = scoring_round(world)
    for user, total in zip([world.chair, *world.members], [70, 69, 69, 70], strict=True):  # mean 69.5 → 70: 4★
        services.scorecard_save(round=opened, by=user, answers=answers_for_total(world.sheet, total), submit=True)
    chair = client_for(world.chair)

    round_page = chair.get(reverse("evaluation-review:round", args=[opened.pk])).content.decode()
    assert "69,50" in round_page or "69.50" in round_page  # the preview of closing now

    response = chair.post(reverse("evaluation-review:round-close", args=[opened.pk]), follow=True)
    page = response.content.decode()
    dossier = Dossier.objects.get(pk=opened.dossier_id)
    assert (dossier.status, dossier.result_score, dossier.result_stars) == (lifecycle.SCORED, 70, 4)
    assert "70/100 · 4★" in page.split('data-testid="result-outcome"')[1]
    assert reverse("evaluation-review:certify", args=[dossier.pk]) in page
    assert reverse("evaluation-review:send-to-central", args=[dossier.pk]) not in page

    issued_on = timezone.localdate() - datetime.timedelta(days=1)
    response = chair.post(
        reverse("evaluation-review:certify", args=[dossier.pk]), {"number": "12/QĐ-UBND", "issued_on": issued_on.isoformat()},
        follow=True,
    )  # fmt: skip
    dossier.refresh_from_db()
    certificate = dossier.certificate
    assert dossier.status == lifecycle.CERTIFIED
    assert (certificate.number, certificate.stars, certificate.issued_on, certificate.issuer) == (
        "12/QĐ-UBND", 4, issued_on, "UBND tỉnh thử"
    )
    verify = Client().get(reverse("ocop-certificate-verify", args=[certificate.pk])).content.decode()
    assert "12/QĐ-UBND" in verify


def test_a_member_who_is_not_chair_cannot_close_the_round(world):
    opened = scoring_round(world)
    for user in [world.chair, *world.members]:
        services.scorecard_save(round=opened, by=user, answers=answers_for_total(world.sheet, 75), submit=True)
    before = state(opened.dossier)

    page = client_for(world.members[0]).get(reverse("evaluation-review:round", args=[opened.pk])).content.decode()
    assert reverse("evaluation-review:round-close", args=[opened.pk]) not in page
    response = client_for(world.members[0]).post(reverse("evaluation-review:round-close", args=[opened.pk]), follow=True)

    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert state(opened.dossier) == before
    assert CouncilRound.objects.get(pk=opened.pk).status == CouncilRound.Status.OPEN


def test_closing_with_too_few_scorecards_is_refused_with_a_message(world):
    opened = scoring_round(world)
    services.scorecard_save(round=opened, by=world.members[0], answers=answers_for_total(world.sheet, 75), submit=True)
    before = state(opened.dossier)

    response = client_for(world.chair).post(reverse("evaluation-review:round-close", args=[opened.pk]), follow=True)

    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    assert state(opened.dossier) == before


def test_the_certificate_form_says_what_is_wrong_and_changes_nothing(world):
    dossier = world.scored([75, 75, 75, 75])
    before = state(dossier)
    chair = client_for(world.chair)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = chair.post(reverse("evaluation-review:certify", args=[dossier.pk]), {"number": " ", "issued_on": tomorrow.isoformat()})
    garbage = chair.post(reverse("evaluation-review:certify", args=[dossier.pk]), {"number": "1/QĐ", "issued_on": "31/02/2025"})

    assert response.status_code == 400
    assert set(response.context["certify_form"].errors) == {"number", "issued_on"}
    assert garbage.status_code == 400 and "issued_on" in garbage.context["certify_form"].errors
    assert state(dossier) == before


def test_a_result_of_90_goes_to_the_central_council_which_recognises_5_stars(world):
    dossier = world.scored([90, 90, 92, 90])
    chair = client_for(world.chair)
    page = chair.get(reverse("evaluation-review:council-dossier", args=[dossier.pk])).content.decode()
    assert reverse("evaluation-review:certify", args=[dossier.pk]) not in page

    chair.post(reverse("evaluation-review:send-to-central", args=[dossier.pk]))
    assert Dossier.objects.get(pk=dossier.pk).status == lifecycle.SENT_TO_CENTRAL

    central = client_for(world.central_chair)
    assert reverse("evaluation-review:council-dossier", args=[dossier.pk]) in central.get(
        reverse("evaluation-review:council-inbox")
    ).content.decode()
    central.post(
        reverse("evaluation-review:recognise", args=[dossier.pk]),
        {"number": "5/QĐ-BNNMT", "issued_on": timezone.localdate().isoformat()},
    )
    dossier.refresh_from_db()
    assert dossier.status == lifecycle.CERTIFIED
    assert (dossier.certificate.stars, dossier.certificate.level, dossier.certificate.number) == (5, "central", "5/QĐ-BNNMT")


def test_the_central_chair_returns_a_4_star_result_with_a_reason(world):
    dossier = services.dossier_send_to_central(dossier=world.scored([91, 90, 90, 90]), by=world.chair)
    central = client_for(world.central_chair)
    url = reverse("evaluation-review:return-four-star", args=[dossier.pk])
    before = state(dossier)

    bad = central.post(url, {"score": "95", "reason": ""})
    assert bad.status_code == 400 and set(bad.context["four_star_form"].errors) == {"score", "reason"}
    assert state(dossier) == before

    central.post(url, {"score": "86", "reason": "Bao bì chưa đạt chuẩn xuất khẩu."})
    dossier.refresh_from_db()
    assert (dossier.status, dossier.result_score, dossier.result_stars) == (lifecycle.SCORED, 86, 4)
    entry = AuditEntry.objects.filter(dossier=dossier).latest("pk")
    assert (entry.action, entry.note) == ("return_four_star", "Bao bì chưa đạt chuẩn xuất khẩu.")
    page = client_for(world.chair).get(reverse("evaluation-review:council-dossier", args=[dossier.pk])).content.decode()
    assert reverse("evaluation-review:certify", args=[dossier.pk]) in page


def test_under_50_is_concluded_without_a_certificate_and_certifying_is_refused(world):
    dossier = world.scored([40, 45, 44, 41])
    chair = client_for(world.chair)
    before = state(dossier)

    refused = chair.post(
        reverse("evaluation-review:certify", args=[dossier.pk]), {"number": "1/QĐ", "issued_on": timezone.localdate().isoformat()},
        follow=True,
    )  # fmt: skip
    assert [message.level_tag for message in refused.context["messages"]] == ["error"]
    assert state(dossier) == before

    chair.post(reverse("evaluation-review:conclude", args=[dossier.pk]))
    dossier.refresh_from_db()
    assert dossier.status == lifecycle.EVALUATED and dossier.certificate is None


def test_decisions_are_post_only_and_need_the_csrf_token(world):
    dossier = world.scored([75, 75, 75, 75])
    before = state(dossier)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.chair)
    url = reverse("evaluation-review:certify", args=[dossier.pk])

    assert strict.get(url).status_code == 405
    assert strict.post(url, {"number": "1/QĐ", "issued_on": timezone.localdate().isoformat()}).status_code == 403
    assert state(dossier) == before


def test_the_council_does_not_see_a_dossier_before_the_commune_has_accepted_it(world):
    dossier = world.submitted()
    chair = client_for(world.chair)

    assert chair.get(reverse("evaluation-review:council-dossier", args=[dossier.pk])).status_code == 404
    assert reverse("evaluation-review:council-dossier", args=[dossier.pk]) not in chair.get(
        reverse("evaluation-review:council-inbox")
    ).content.decode()


def test_the_council_inbox_keeps_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    def more_dossiers(count, start):
        for index in range(start, start + count):
            on_new_product(world, f"Chè Shan tuyết số {index}")
            dossier = world.accepted()
            if index % 2:
                opened = services.round_open(dossier=dossier, by=world.chair)
                services.scorecard_save(
                    round=opened, by=world.members[0], answers=answers_for_total(world.sheet, 60), submit=index % 3 == 0
                )

    client, url = client_for(world.members[0]), reverse("evaluation-review:council-inbox")
    more_dossiers(2, 0)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more_dossiers(8, 2)
    on_new_product(world, "Chè đã chấm")
    world.scored([60, 60, 60, 60])

    with django_assert_max_num_queries(min(len(few), 24)):
        response = client.get(url)

    assert len(response.context["active"]) == 11
    rounds = reverse("evaluation-review:council-inbox") + "vong-cham/"
    assert response.content.decode().count(rounds) == 5  # the open rounds, each linked
