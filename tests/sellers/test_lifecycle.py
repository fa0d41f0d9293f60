"""The declared lifecycle of a seller's part and of the buyer's order (sellers.lifecycle)."""

from itertools import product

import pytest

from sellers import lifecycle
from sellers.lifecycle import (
    AWAITING,
    AWAITING_PAYMENT,
    CANCELLED,
    CONFIRMED,
    DELIVERED,
    SELLER,
    SHIPPED,
    STAFF,
    SYSTEM,
)


def test_a_seller_may_confirm_only_a_part_awaiting_confirmation():
    assert lifecycle.transitions_from(AWAITING_PAYMENT, actor=SELLER) == ["cancel"]
    assert lifecycle.transitions_from(AWAITING, actor=SELLER) == ["confirm", "cancel"]
    assert lifecycle.transitions_from(CONFIRMED, actor=SELLER) == ["cancel", "ship"]
    assert lifecycle.transitions_from(SHIPPED, actor=SELLER) == ["deliver"]
    assert lifecycle.transitions_from(DELIVERED, actor=SELLER) == []
    assert lifecycle.transitions_from(CANCELLED, actor=SELLER) == []


@pytest.mark.parametrize("status", [CONFIRMED, SHIPPED, DELIVERED, CANCELLED])
def test_the_deadline_job_can_expire_nothing_but_a_part_still_waiting(status):
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.transition_check("expire", status=status, actor=SYSTEM)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.transition_check("expire_unpaid", status=status, actor=SYSTEM)


def test_only_the_system_or_staff_record_a_payment():
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.transition_check("pay", status=AWAITING_PAYMENT, actor=SELLER)
    assert lifecycle.transition_check("pay", status=AWAITING_PAYMENT, actor=STAFF).target == AWAITING


def test_every_order_status_move_the_parts_can_cause_is_in_the_pipeline_and_no_other():
    statuses = list(lifecycle.PART_STATUSES)
    caused = set()
    for parts in product(statuses, repeat=3):
        before = lifecycle.order_status_from_parts(parts)
        for index, status in enumerate(parts):
            for transition in lifecycle.PART_TRANSITIONS.values():
                if status in transition.sources:
                    after = lifecycle.order_status_from_parts(parts[:index] + (transition.target,) + parts[index + 1 :])
                    if after != before:
                        caused.add((before, after))
    declared = {(before, after) for before, targets in lifecycle.ORDER_STATUS_PIPELINE.items() for after in targets}
    assert caused <= declared
    assert lifecycle.ORDER_STATUS_PIPELINE[lifecycle.ORDER_CANCELLED] == []
    assert lifecycle.ORDER_STATUS_PIPELINE[lifecycle.ORDER_DELIVERED] == []
    assert lifecycle.ORDER_CANCELLED not in lifecycle.ORDER_STATUS_PIPELINE[lifecycle.ORDER_SHIPPED]


def test_the_order_model_checks_status_changes_against_the_declared_pipeline():
    from oscar.core.loading import get_model

    assert get_model("order", "Order").pipeline is lifecycle.ORDER_STATUS_PIPELINE
