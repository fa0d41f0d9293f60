"""Every action on a dossier is kept: who, what, when, before and after, readable on the dossier."""

import pytest

from evaluation import lifecycle, services
from evaluation.selectors import dossier_audit_trail

pytestmark = pytest.mark.django_db


def test_a_dossier_from_draft_to_certificate_leaves_every_step_in_its_audit_trail(world):
    dossier = world.scored([75, 76, 75, 74])
    dossier = services.dossier_certify(dossier=dossier, by=world.chair, number="01/QĐ-UBND")
    trail = list(dossier_audit_trail(dossier=dossier))
    actions = [entry.action for entry in trail]
    assert actions == [
        "create", "story", "document_add", "self_assessment", "submit", "accept", "open_round", "round_opened",
        "scorecard_submitted", "scorecard_submitted", "scorecard_submitted", "scorecard_submitted",
        "close_round", "round_closed", "certify",
    ]  # fmt: skip
    by_action = {entry.action: entry for entry in trail}
    assert by_action["submit"].actor == world.seller_user and by_action["submit"].role == lifecycle.SELLER
    assert by_action["accept"].actor == world.officer and by_action["accept"].role == lifecycle.COMMUNE
    assert by_action["accept"].before["status"] == lifecycle.SUBMITTED
    assert by_action["accept"].after["status"] == lifecycle.COMMUNE_CHECKED
    assert by_action["close_round"].after == {
        "status": lifecycle.SCORED, "result_mean": "75.00", "result_score": 75, "result_stars": 4,
    }  # fmt: skip
    assert by_action["certify"].after["certificate"] == dossier.certificate_id
    assert all(entry.created_at is not None for entry in trail)
    assert [entry.created_at for entry in trail] == sorted(entry.created_at for entry in trail)


def test_a_return_keeps_its_reason_and_the_story_change_keeps_before_and_after(world):
    dossier = services.dossier_return(dossier=world.submitted(), by=world.officer, reason="Thiếu phiếu kiểm nghiệm")
    services.dossier_story_set(dossier=dossier, by=world.seller_user, product_story="Câu chuyện mới")
    trail = {entry.action: entry for entry in dossier_audit_trail(dossier=dossier)}
    assert trail["return"].note == "Thiếu phiếu kiểm nghiệm"
    assert trail["return"].after["return_reason"] == "Thiếu phiếu kiểm nghiệm"
    assert trail["story"].before == {"product_story": "Câu chuyện của sản phẩm."}
    assert trail["story"].after == {"product_story": "Câu chuyện mới"}


def test_the_self_assessment_records_its_total_before_and_after(world):
    dossier = world.draft(total=60)
    from tests.evaluation.conftest import answers_for_total

    services.self_assessment_save(dossier=dossier, by=world.seller_user, answers=answers_for_total(world.sheet, 72))
    entries = list(dossier_audit_trail(dossier=dossier).filter(action="self_assessment"))
    assert (entries[0].before["total"], entries[0].after["total"]) == (0, 60)
    assert (entries[1].before["total"], entries[1].after["total"], entries[1].after["stars"]) == (60, 72, 4)
