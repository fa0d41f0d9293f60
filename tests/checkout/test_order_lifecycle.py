"""The order lifecycle (issue 10): the cases a review and probes found, each as a buyer, a seller or
staff would meet it. The race of case 2 is in test_lifecycle_races.py (PostgreSQL)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from oscar.core.loading import get_model

from ocop_catalog.money import NotWholeDong
from payments import services, stripe_gateway
from payments.vietqr import vietqr_payload
from sellers import fulfilment, lifecycle, statements
from sellers.models import Fulfilment, FulfilmentStatusChange, SellerRefund
from sellers.services import seller_listing_save

from . import fake_stripe
from .conftest import checkout, listing, stock
from .test_cod_and_vietqr import vietqr  # noqa: F401 — VietQR configured
from .test_stripe import card_order, intent, post_webhook, stripe_api  # noqa: F401 — a card order on a local Stripe

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
OrderStatusChange = get_model("order", "OrderStatusChange")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")

S = Fulfilment.Status


def percentage_offer(percent: str):
    everything = Range.objects.create(name="Mọi sản phẩm", includes_all_products=True)
    ConditionalOffer.objects.create(
        name=f"Giảm {percent}%", offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=Decimal(percent)),
    )  # fmt: skip


def pay_by_webhook(client, event_id="evt_paid", amount=150_000):
    payload = fake_stripe.event(event_id, "payment_intent.succeeded", intent("succeeded", amount=amount, amount_received=amount))
    assert post_webhook(client, payload).status_code == 200


# --- Case 1: money in whole đồng -------------------------------------------------------------------


def test_a_percentage_offer_gives_a_whole_dong_total_and_a_vietqr_code_for_it(client, shop, vietqr):  # noqa: F811
    percentage_offer("7.3")
    odd = seller_listing_save(seller=shop["tea_seller"], listing=listing("LE", 99_999))

    response = checkout(client, [(odd, 1)], method="vietqr")
    assert response.status_code == 302 and response["Location"].endswith("/thank-you/"), [
        str(m) for m in response.wsgi_request._messages
    ]

    order = Order.objects.get()
    # 7,3 % of 99.999 ₫ is 7.299,927 ₫: rounded down to 7.299 ₫, so the buyer pays 92.700 + 30.000 ₫.
    assert order.total_incl_tax == Decimal(122_700)
    page = client.get("/shop/checkout/thank-you/")
    assert page.status_code == 200
    assert page.context["vietqr"]["amount"] == Decimal(122_700)


def test_an_order_whose_total_has_a_fraction_shows_words_not_an_error(client, shop, vietqr):  # noqa: F811
    checkout(client, [(shop["tea"], 1)], method="vietqr")
    Order.objects.update(total_incl_tax=Decimal("150000.27"))  # as orders placed before the rounding rule

    page = client.get("/shop/checkout/thank-you/")

    assert page.status_code == 200
    assert page.context["payment_problem"] and "vietqr" not in page.context


def test_the_confirmation_email_of_such_an_order_is_still_sent(client, shop, vietqr):  # noqa: F811
    from marketplace.checkout.emails import order_confirmation_send

    checkout(client, [(shop["tea"], 1)], method="vietqr")
    Order.objects.update(total_incl_tax=Decimal("150000.27"))
    mail.outbox.clear()

    assert order_confirmation_send(order_id=Order.objects.get().pk)
    assert len(mail.outbox) == 1


def test_payment_adapters_refuse_a_fraction_of_a_dong_with_a_clear_error():
    with pytest.raises(NotWholeDong, match="150000.27"):
        stripe_gateway.stripe_amount(Decimal("150000.27"))
    with pytest.raises(NotWholeDong):
        vietqr_payload(amount=Decimal("1.5"), order_number="100001")
    assert stripe_gateway.stripe_amount(Decimal("150000")) == 150_000


def test_the_checkout_refuses_an_order_whose_total_is_not_whole_dong(client, shop, monkeypatch):
    from marketplace.checkout import placement

    monkeypatch.setattr(placement, "is_whole_dong", lambda amount: False)  # as an offer rounded elsewhere would
    response = checkout(client, [(shop["tea"], 1)])

    assert response.status_code == 302 and response["Location"].endswith("/basket/")
    assert not Order.objects.exists() and stock(shop["tea"]) == (10, 0)


# --- Case 4: prepaid parts wait for the money ----------------------------------------------------


def test_a_seller_cannot_confirm_or_ship_a_card_order_before_it_is_paid(card_order, shop, client):  # noqa: F811
    part = card_order.fulfilments.get()
    assert part.status == S.AWAITING_PAYMENT
    assert card_order.status == lifecycle.ORDER_AWAITING_PAYMENT
    seller = shop["tea_seller"].partner.users.get()
    client.force_login(seller)

    page = client.get(f"/shop/seller/orders/{part.pk}/").content.decode()
    client.post(f"/shop/seller/orders/{part.pk}/action/", {"action": "confirm"})

    with translation.override("vi"):
        waiting = gettext("the buyer has not paid yet: confirm it once the payment arrives")
    assert 'name="action" value="confirm"' not in page
    assert waiting in page
    assert Fulfilment.objects.get(pk=part.pk).status == S.AWAITING_PAYMENT
    with pytest.raises(ValidationError):
        fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="1")


def test_paying_a_card_order_sends_its_parts_to_their_sellers_with_a_fresh_deadline(
    card_order, shop, client, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pay_by_webhook(client)

    part = card_order.fulfilments.get()
    assert part.status == S.AWAITING
    assert part.confirm_by > timezone.now() + datetime.timedelta(hours=settings.SELLER_CONFIRMATION_HOURS - 1)
    assert Order.objects.get(pk=card_order.pk).status == lifecycle.ORDER_AWAITING
    assert any(shop["tea_seller"].email in message.to for message in mail.outbox)
    fulfilment.fulfilment_confirm(fulfilment=part)
    assert Fulfilment.objects.get(pk=part.pk).status == S.CONFIRMED


def test_an_unpaid_vietqr_order_is_cancelled_after_its_timeout_and_its_stock_given_back(client, shop, vietqr, settings):  # noqa: F811
    checkout(client, [(shop["tea"], 2)], method="vietqr")
    order = Order.objects.get()
    assert stock(shop["tea"]) == (10, 2)

    assert services.orders_cancel_unpaid(now=timezone.now() + datetime.timedelta(hours=1)) == 0
    later = timezone.now() + datetime.timedelta(hours=settings.VIETQR_PAYMENT_TIMEOUT_HOURS, minutes=1)
    assert services.orders_cancel_unpaid(now=later) == 1
    assert services.orders_cancel_unpaid(now=later) == 0  # never picked again

    assert order.fulfilments.get().status == S.CANCELLED
    assert Order.objects.get(pk=order.pk).status == lifecycle.ORDER_CANCELLED
    assert stock(shop["tea"]) == (10, 0)


def test_a_paid_vietqr_order_is_not_cancelled_by_the_timeout(client, shop, vietqr, settings, admin_user):  # noqa: F811
    checkout(client, [(shop["tea"], 1)], method="vietqr")
    order = Order.objects.get()
    services.order_record_transfer(order=order, by=admin_user)

    later = timezone.now() + datetime.timedelta(hours=settings.VIETQR_PAYMENT_TIMEOUT_HOURS + 1)
    assert services.orders_cancel_unpaid(now=later) == 0
    part = order.fulfilments.get()
    assert part.status == S.AWAITING
    assert part.status_changes.get(transition="pay").changed_by == admin_user


# --- Case 3: a card refund is always recorded once -------------------------------------------------


def refund_answer(refund_id="re_local_1", amount=50_000, part=None):
    return {"id": refund_id, "object": "refund", "amount": amount, "currency": "vnd", "status": "succeeded",
            "payment_intent": "pi_local_1", "metadata": {"order_number": "100001", "part_id": str(part.pk) if part else ""}}  # fmt: skip


def test_a_card_refund_beyond_what_is_left_after_a_manual_refund_never_reaches_stripe(card_order, client, stripe_api):  # noqa: F811
    pay_by_webhook(client)
    part = card_order.fulfilments.get()
    fulfilment.refund_record(fulfilment=part, amount=Decimal(120_000), reason="Hoàn tiền mặt tại quầy")

    with pytest.raises(ValidationError):
        services.card_refund(order=card_order, fulfilment=part, amount=Decimal(50_000), reason="Hộp móp")

    assert not [r for r in stripe_api.requests if r.path == "/v1/refunds"]
    assert Source.objects.get(order=card_order).amount_refunded == 0


def test_a_refund_stripe_made_is_recorded_by_the_webhook_when_recording_failed(card_order, client, stripe_api, monkeypatch):  # noqa: F811
    pay_by_webhook(client)
    part = card_order.fulfilments.get()
    stripe_api.answer("POST", "/v1/refunds", refund_answer(part=part))
    original = services._card_refund_record

    def crash(**kwargs):
        raise ConnectionError("database went away")

    monkeypatch.setattr(services, "_card_refund_record", crash)
    with pytest.raises(ConnectionError):
        services.card_refund(order=card_order, fulfilment=part, amount=Decimal(50_000), reason="Hộp móp")
    monkeypatch.setattr(services, "_card_refund_record", original)
    assert not SellerRefund.objects.exists()

    event = fake_stripe.event("evt_refund_1", "refund.created", refund_answer(part=part))
    assert post_webhook(client, event).status_code == 200
    assert post_webhook(client, fake_stripe.event("evt_refund_2", "refund.updated", refund_answer(part=part))).status_code == 200

    refund = SellerRefund.objects.get()
    assert (refund.amount, refund.reference, refund.fulfilment_id) == (Decimal(50_000), "re_local_1", part.pk)
    assert Source.objects.get(order=card_order).amount_refunded == Decimal(50_000)


def test_retrying_a_card_refund_asks_stripe_with_the_same_key_and_records_it_once(card_order, client, stripe_api, monkeypatch):  # noqa: F811
    pay_by_webhook(client)
    part = card_order.fulfilments.get()
    stripe_api.answer("POST", "/v1/refunds", refund_answer(part=part))
    original = services._card_refund_record
    calls = []

    def fail_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return original(**kwargs)

    monkeypatch.setattr(services, "_card_refund_record", fail_once)
    with pytest.raises(ConnectionError):
        services.card_refund(order=card_order, fulfilment=part, amount=Decimal(50_000), reason="Hộp móp")
    services.card_refund(order=card_order, fulfilment=part, amount=Decimal(50_000), reason="Hộp móp")

    keys = [r.headers["Idempotency-Key"] for r in stripe_api.requests if r.path == "/v1/refunds"]
    assert keys == [f"ocop-order-{card_order.number}-part-{part.pk}-refund-1"] * 2
    assert SellerRefund.objects.get().reference == "re_local_1"


def test_a_signed_stripe_event_without_a_type_is_a_bad_request(client, stripe_api):  # noqa: F811
    body, header = fake_stripe.signed({"id": "evt_odd", "object": "event", "data": {"object": {}}}, "whsec_test_local")
    response = client.post("/shop/checkout/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)
    assert response.status_code == 400


# --- Case 6: staff status changes go through the parts ---------------------------------------------


def test_staff_cancelling_an_order_on_the_dashboard_cancels_its_parts_and_restocks(
    client, shop, admin_client, django_capture_on_commit_callbacks
):
    checkout(client, [(shop["tea"], 2), (shop["honey"], 1)])
    order = Order.objects.get()
    mail.outbox.clear()

    page = admin_client.get(f"/shop/dashboard/orders/{order.number}/")
    assert set(page.context["order_status_form"].fields["new_status"].choices) >= {("Cancelled", "Cancelled")}
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/shop/dashboard/orders/{order.number}/", {"order_action": "change_order_status", "new_status": "Cancelled"})

    assert set(order.fulfilments.values_list("status", flat=True)) == {S.CANCELLED}
    assert Order.objects.get(pk=order.pk).status == lifecycle.ORDER_CANCELLED
    assert stock(shop["tea"]) == (10, 0) and stock(shop["honey"]) == (10, 0)
    assert FulfilmentStatusChange.objects.filter(transition="cancel", changed_by__is_staff=True).count() == 2
    assert len([m for m in mail.outbox if "khach@example.vn" in m.to]) == 2  # one per seller's part


def test_staff_cannot_set_a_status_the_parts_have_not_reached(client, shop, admin_client):
    checkout(client, [(shop["tea"], 1)])
    order = Order.objects.get()

    admin_client.post(f"/shop/dashboard/orders/{order.number}/", {"order_action": "change_order_status", "new_status": "Shipped"})
    part = order.fulfilments.get()
    fulfilment.fulfilment_confirm(fulfilment=part)
    fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="1")
    admin_client.post(f"/shop/dashboard/orders/{order.number}/", {"order_action": "change_order_status", "new_status": "Cancelled"})

    assert Order.objects.get(pk=order.pk).status == lifecycle.ORDER_SHIPPED
    assert order.fulfilments.get().status == S.SHIPPED


# --- Case 8: every change recorded and shown -----------------------------------------------------------


def test_every_move_is_recorded_with_who_and_shown_to_the_seller_and_staff(client, shop, admin_client):
    checkout(client, [(shop["tea"], 1)])
    order = Order.objects.get()
    part = order.fulfilments.get()
    seller = shop["tea_seller"].partner.users.get()
    client.force_login(seller)

    client.post(f"/shop/seller/orders/{part.pk}/action/", {"action": "confirm"})
    client.post(f"/shop/seller/orders/{part.pk}/action/", {"action": "ship", "carrier": "Viettel Post", "tracking_code": "VTP1"})

    changes = list(part.status_changes.values_list("old_status", "new_status", "changed_by"))
    assert changes == [(S.AWAITING, S.CONFIRMED, seller.pk), (S.CONFIRMED, S.SHIPPED, seller.pk)]
    order_changes = list(OrderStatusChange.objects.filter(order=order).order_by("pk").values_list("old_status", "new_status"))
    assert order_changes == [("Awaiting confirmation", "Confirmed"), ("Confirmed", "Shipped")]
    who = seller.get_full_name() or seller.email
    seller_page = client.get(f"/shop/seller/orders/{part.pk}/").content.decode()
    assert seller_page.count('<td data-label="') >= 10 and who in seller_page  # two rows of five cells
    staff_page = admin_client.get(f"/shop/dashboard/orders/{order.number}/").content.decode()
    assert 'id="order-history"' in staff_page and who in staff_page


def test_seller_order_actions_refuse_bad_input_with_a_message_not_an_error(client, shop):
    checkout(client, [(shop["tea"], 1)])
    part = Order.objects.get().fulfilments.get()
    client.force_login(shop["tea_seller"].partner.users.get())
    fulfilment.fulfilment_confirm(fulfilment=part)

    for data in (
        {"action": "ship", "carrier": "x" * 101, "tracking_code": "1"},
        {"action": "ship", "carrier": "GHN", "tracking_code": "A\x00B"},
        {"action": "cancel", "reason": "Hết\x00hàng"},
        {"action": "ship", "carrier": "GHN\x07", "tracking_code": "1"},
        {"action": "teleport"},
    ):
        response = client.post(f"/shop/seller/orders/{part.pk}/action/", data)
        assert response.status_code == 302, data
    assert Fulfilment.objects.get(pk=part.pk).status == S.CONFIRMED


# --- Case 9: commission net of refunds, a refund after a closed month ---------------------------------


def test_a_refund_after_a_closed_month_comes_off_the_next_statement_with_its_commission(client, shop, settings, admin_user):
    settings.SELLER_COMMISSION_RATE = Decimal("0.05")
    checkout(client, [(shop["tea"], 2)])  # 240.000 ₫ of tea, free of nothing: 30.000 ₫ shipping
    part = Order.objects.get().fulfilments.get()
    fulfilment.fulfilment_confirm(fulfilment=part)
    fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="1")
    fulfilment.fulfilment_deliver(fulfilment=part)
    october = datetime.date(2026, 10, 1)
    Fulfilment.objects.filter(pk=part.pk).update(delivered_at=timezone.make_aware(datetime.datetime(2026, 10, 20, 9)))
    seller = shop["tea_seller"]
    closed = statements.statement_for(seller=seller, month=october)
    statements.payout_record(seller=seller, month=october, amount=closed.amount_owed, reference="UNC-10", recorded_by=admin_user)

    refund = fulfilment.refund_record(fulfilment=part, amount=Decimal(120_000), reason="Một hộp vỡ")
    SellerRefund.objects.filter(pk=refund.pk).update(created_at=timezone.make_aware(datetime.datetime(2026, 11, 3, 10)))

    assert statements.statement_for(seller=seller, month=october).amount_owed == closed.amount_owed  # a paid month does not change
    november = statements.statement_for(seller=seller, month=datetime.date(2026, 11, 1))
    assert (november.gross_sales, november.refunds) == (0, 120_000)
    assert november.commission == -6_000  # the commission on the refunded sale is given back
    assert november.amount_owed == -114_000
    assert closed.commission == 12_000 and closed.amount_owed == 240_000 + 30_000 - 12_000
