"""Every reviewers' URL (evaluation.review_urls) tried with another's ids — by an officer of another
commune, the chair of another province's council and sellers (the dossiers' own included): a 404,
nothing shown, nothing changed. And the blind rule over every page and download of a round."""

import pytest
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from evaluation import review_urls, services
from evaluation.models import AuditEntry, CouncilRound, Dossier, DossierDocument, Scorecard, ScorecardAnswer
from ocop_catalog.models import Commune, OcopCertificate
from tests.evaluation.conftest import answers_for_total, make_seller, make_user
from tests.evaluation.test_review_council import client_for, on_new_product

pytestmark = pytest.mark.django_db

ID_KWARGS = {"pk", "document_pk", "round_pk", "card_pk"}


@pytest.fixture
def victim(world):
    """Dossiers of the world's seller in every state a reviewer acts on, with a round being scored."""
    on_new_product(world, "Nước mắm bí mật A")
    submitted = world.submitted()
    on_new_product(world, "Nước mắm bí mật B")
    accepted = world.accepted()
    on_new_product(world, "Nước mắm bí mật C")
    scoring = world.accepted()
    scoring_round = services.round_open(dossier=scoring, by=world.chair)
    services.scorecard_save(round=scoring_round, by=world.members[0], answers=answers_for_total(world.sheet, 81), submit=True)
    services.scorecard_save(round=scoring_round, by=world.members[1], answers=answers_for_total(world.sheet, 64))
    on_new_product(world, "Nước mắm bí mật D")
    scored = world.scored([75, 75, 75, 75])
    on_new_product(world, "Nước mắm bí mật E")
    central = services.dossier_send_to_central(dossier=world.scored([95, 95, 95, 95]), by=world.chair)
    return {
        "dossiers": [submitted, accepted, scoring, scored, central],
        "round": scoring_round,
        "card": Scorecard.objects.get(round=scoring_round, member=world.members[0]),
    }


@pytest.fixture
def attackers(world, other_province_commune):
    neighbour = Commune.objects.filter(province_id=world.commune.province_id).exclude(pk=world.commune.pk).first()
    officer = make_user("xalanggieng")
    services.commune_officer_add(user=officer, commune=neighbour)
    other_council = services.council_create(
        name="Hội đồng tỉnh khác", issuing_body="UBND tỉnh khác", province=other_province_commune.province
    )
    other_chair = make_user("chutichkhac")
    services.council_member_add(council=other_council, user=other_chair, is_chair=True)
    _seller, other_seller_user = make_seller(commune_code=other_province_commune.code)
    return {
        "officer of a neighbouring commune": officer,
        "chair of another province's council": other_chair,
        "the dossiers' own seller": world.seller_user,
        "another seller": other_seller_user,
    }


def snapshot():
    return {
        "dossiers": list(
            Dossier.objects.order_by("pk").values("pk", "status", "return_reason", "result_score", "result_stars", "certificate_id")
        ),
        "audit": AuditEntry.objects.count(),
        "rounds": list(CouncilRound.objects.order_by("pk").values("pk", "status", "mean", "closed_at")),
        "cards": list(Scorecard.objects.order_by("pk").values("pk", "member_id", "submitted_at", "updated_at")),
        "answers": list(ScorecardAnswer.objects.order_by("pk").values_list("pk", "scorecard_id", "option_id")),
        "documents": DossierDocument.objects.count(),
        "certificates": OcopCertificate.objects.count(),
    }


def review_patterns():
    patterns = [pattern for pattern in review_urls.urlpatterns if isinstance(pattern, URLPattern)]
    assert len(patterns) >= 18
    return patterns


def forged_kwargs(pattern, victim, dossier):
    values = {
        "pk": dossier.pk,
        "document_pk": dossier.documents.values_list("pk", flat=True).first(),
        "round_pk": victim["round"].pk,
        "card_pk": victim["card"].pk,
    }
    return {name: values[name] for name in pattern.pattern.converters}


def test_every_reviewer_url_refuses_others_ids(world, victim, attackers):
    everything = {
        "reason": "Trả lại trái phép", "number": "HACK-1", "issued_on": timezone.localdate().isoformat(), "score": "80",
        "action": "submit",
        **{f"criterion-{criterion}": option for criterion, option in answers_for_total(world.sheet, 95).items()},
    }  # fmt: skip
    titles = [dossier.product.title for dossier in victim["dossiers"]]
    before = snapshot()
    tried = 0
    for who, user in attackers.items():
        client = client_for(user)
        for pattern in review_patterns():
            for dossier in victim["dossiers"] if "pk" in pattern.pattern.converters else victim["dossiers"][:1]:
                kwargs = forged_kwargs(pattern, victim, dossier)
                url = reverse(f"evaluation-review:{pattern.name}", kwargs=kwargs)
                get, post = client.get(url), client.post(url, everything)
                tried += 1
                body = b"".join(get.streaming_content if get.streaming else [get.content]).decode(errors="replace")
                body += post.content.decode()
                for title in titles:
                    assert title not in body, (who, url)
                if set(kwargs) & ID_KWARGS:
                    assert (get.status_code, post.status_code) == (404, 404), (who, url, get.status_code, post.status_code)
                else:
                    assert get.status_code in (200, 302, 403) and post.status_code in (302, 403, 405), (who, url)
                assert snapshot() == before, (who, url)
    assert tried >= 4 * 18
    print(f"isolation: {tried} reviewer URL tries with others' ids, nothing leaked or changed")


def test_anonymous_visitors_are_sent_to_sign_in_from_every_reviewer_url(victim):
    before = snapshot()
    client = Client()
    for pattern in review_patterns():
        url = reverse(f"evaluation-review:{pattern.name}", kwargs=forged_kwargs(pattern, victim, victim["dossiers"][2]))
        for response in (client.get(url), client.post(url, {"reason": "x", "action": "submit"})):
            assert response.status_code == 302 and "/login/" in response.url, url
    assert snapshot() == before


def test_a_member_reads_no_other_members_scores_before_submitting_its_own(world, victim):
    scoring_round, first_card = victim["round"], victim["card"]
    second = world.members[1]  # has a draft of 64; the first member submitted 81
    member = client_for(second)
    first_name = world.members[0].get_full_name() or world.members[0].email

    page = member.get(reverse("evaluation-review:round", args=[scoring_round.pk])).content.decode()
    scorecard = member.get(reverse("evaluation-review:scorecard", args=[scoring_round.pk, first_card.pk]))
    csv = member.get(reverse("evaluation-review:round-csv", args=[scoring_round.pk])).content.decode()
    dossier_page = member.get(reverse("evaluation-review:council-dossier", args=[scoring_round.dossier_id])).content.decode()

    assert "81/100" not in page and "81/100" not in dossier_page
    assert scorecard.status_code == 404
    assert first_name not in csv and ",81\r\n" not in csv
    assert ",64\r\n" in csv  # its own draft's total

    services.scorecard_save(round=scoring_round, by=second, answers=answers_for_total(world.sheet, 64), submit=True)

    assert "81/100" in member.get(reverse("evaluation-review:round", args=[scoring_round.pk])).content.decode()
    assert member.get(reverse("evaluation-review:scorecard", args=[scoring_round.pk, first_card.pk])).status_code == 200
    csv = member.get(reverse("evaluation-review:round-csv", args=[scoring_round.pk])).content.decode()
    assert first_name in csv and ",81\r\n" in csv


def test_a_member_who_has_not_submitted_does_not_see_another_members_draft_either(world, victim):
    # The second member's draft (64) stays hidden from the first, who has submitted: drafts are nobody else's.
    scoring_round = victim["round"]
    draft = Scorecard.objects.get(round=scoring_round, member=world.members[1])
    first = client_for(world.members[0])

    page = first.get(reverse("evaluation-review:round", args=[scoring_round.pk])).content.decode()

    assert "64/100" not in page
    assert first.get(reverse("evaluation-review:scorecard", args=[scoring_round.pk, draft.pk])).status_code == 404
