"""Cards through Stripe, exercised through the real stripe library against a local server:
the VND amount sent (zero-decimal), idempotency keys, signed webhooks handled once, refunds."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from oscar.core.loading import get_model

from payments import services
from payments.models import StripeEvent
from sellers import fulfilment
from sellers.models import Fulfilment, SellerRefund

from . import fake_stripe
from .conftest import add_to_basket, checkout, fill_details, stock

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")
PaymentEvent = get_model("order", "PaymentEvent")

SECRET = "whsec_test_local"


@pytest.fixture
def stripe_api(settings):
    fake = fake_stripe.start()
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_local"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = fake.base
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def intent(status="requires_payment_method", amount=150_000, **extra):
    return {"id": "pi_local_1", "object": "payment_intent", "amount": amount, "currency": "vnd",
            "client_secret": "pi_local_1_secret_abc", "status": status, "metadata": {"order_number": "100001"}, **extra}  # fmt: skip


@pytest.fixture
def card_order(client, shop, stripe_api):
    """A guest's card order of 150.000 ₫ (120.000 ₫ of tea + 30.000 ₫ shipping), card page opened."""
    stripe_api.answer("POST", "/v1/payment_intents", intent())
    stripe_api.answer("GET", "/v1/payment_intents/pi_local_1", intent())
    response = checkout(client, [(shop["tea"], 1)], method="card")
    assert response["Location"] == "/shop/checkout/card/"
    page = client.get("/shop/checkout/card/")
    assert page.status_code == 200
    return Order.objects.get()


def post_webhook(client, payload, *, secret=SECRET, **kwargs):
    body, header = fake_stripe.signed(payload, secret, **kwargs)
    return client.post("/shop/checkout/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def card_source(order):
    return Source.objects.get(order=order)


def test_card_is_hidden_without_stripe_keys(client, shop):
    add_to_basket(client, shop["tea"])
    choices = dict(client.get("/shop/checkout/").context["form"].fields["payment_method"].choices)
    assert "card" not in choices and "cod" in choices
    assert fill_details(client, method="card").context["form"].errors["payment_method"]


def test_card_is_hidden_below_stripes_minimum_charge(client, shop, stripe_api, settings):
    settings.STRIPE_MINIMUM_VND = 1_000_000
    add_to_basket(client, shop["tea"])
    assert "card" not in dict(client.get("/shop/checkout/").context["form"].fields["payment_method"].choices)


def test_the_payment_intent_is_in_whole_dong_with_an_idempotency_key_from_the_order(card_order, stripe_api, client):
    create = [r for r in stripe_api.requests if r.method == "POST" and r.path == "/v1/payment_intents"]
    assert len(create) == 1
    assert create[0].body.startswith("amount=150000&currency=vnd&")  # zero-decimal: never 15000000
    assert create[0].form["payment_method_types[0]"] == "card"
    assert create[0].form["metadata[order_number]"] == card_order.number
    assert create[0].headers["Idempotency-Key"] == f"ocop-order-{card_order.number}-intent"
    assert create[0].headers["Authorization"] == "Bearer sk_test_local"
    assert card_source(card_order).reference == "pi_local_1"
    assert card_order.total_incl_tax == Decimal(150_000)


def test_the_card_page_loads_stripe_js_and_reopening_it_creates_no_second_intent(card_order, stripe_api, client):
    page = client.get("/shop/checkout/card/").content.decode()

    assert "https://js.stripe.com/v3/" in page and "pi_local_1_secret_abc" in page and "pk_test_local" in page
    assert len([r for r in stripe_api.requests if r.path == "/v1/payment_intents"]) == 1
    assert [r.method for r in stripe_api.requests if r.path == "/v1/payment_intents/pi_local_1"] == ["GET"]
    assert "js.stripe.com" not in client.get("/shop/checkout/thank-you/").content.decode()


def test_a_card_order_is_placed_unpaid_and_reserves_its_stock(card_order, shop):
    assert card_source(card_order).amount_debited == 0
    assert stock(shop["tea"]) == (10, 1)


def test_payment_succeeded_marks_the_order_paid_once_however_often_replayed(card_order, client):
    payload = fake_stripe.event("evt_ok_1", "payment_intent.succeeded", intent("succeeded", amount_received=150_000))

    responses = [post_webhook(client, payload) for _ in range(10)]

    assert {response.status_code for response in responses} == {200}
    source = card_source(card_order)
    assert source.amount_debited == Decimal(150_000)
    assert source.transactions.filter(txn_type="Debit").count() == 1
    assert PaymentEvent.objects.filter(order=card_order, event_type__name=services.CARD_PAID).count() == 1
    assert StripeEvent.objects.filter(event_id="evt_ok_1").count() == 1
    assert client.get("/shop/checkout/thank-you/").context["payment"].is_paid


@pytest.mark.parametrize(
    "how", ["wrong secret", "tampered body", "stale timestamp", "no header"]
)
def test_a_bad_signature_is_refused_and_changes_nothing(card_order, client, how):
    payload = fake_stripe.event("evt_forged", "payment_intent.succeeded", intent("succeeded", amount_received=150_000))
    if how == "wrong secret":
        response = post_webhook(client, payload, secret="whsec_attacker")
    elif how == "tampered body":
        response = post_webhook(client, payload, tamper=True)
    elif how == "stale timestamp":
        response = post_webhook(client, payload, timestamp=int(timezone.now().timestamp()) - 3600)
    else:
        response = client.post("/shop/checkout/stripe/webhook/", b"{}", content_type="application/json")

    assert response.status_code == 400
    assert card_source(card_order).amount_debited == 0
    assert not StripeEvent.objects.exists() and not Transaction.objects.exists()


def test_payment_failed_is_recorded_once_and_the_order_stays_payable(card_order, client):
    failed = intent("requires_payment_method", last_payment_error={"code": "card_declined", "message": "Your card was declined."})
    payload = fake_stripe.event("evt_fail_1", "payment_intent.payment_failed", failed)

    for _ in range(10):
        assert post_webhook(client, payload).status_code == 200

    source = card_source(card_order)
    failures = source.transactions.filter(txn_type=services.FAILED)
    assert failures.count() == 1 and failures.get().status == "Your card was declined."
    assert source.amount_debited == 0
    assert client.get("/shop/checkout/card/").status_code == 200  # the buyer may try another card


def test_staff_refund_a_sellers_part_through_stripe(card_order, client, stripe_api, admin_client):
    post_webhook(client, fake_stripe.event("evt_ok_2", "payment_intent.succeeded", intent("succeeded", amount_received=150_000)))
    stripe_api.answer("POST", "/v1/refunds", {"id": "re_local_1", "object": "refund", "amount": 50_000, "currency": "vnd", "status": "succeeded"})
    part = Fulfilment.objects.get(order=card_order)

    response = admin_client.post(
        f"/shop/dashboard/payments/orders/{card_order.number}/",
        {"action": "refund", "part": part.pk, "amount": "50000", "reason": "Hộp bị móp"},
    )

    assert response.status_code == 302
    refund = [r for r in stripe_api.requests if r.path == "/v1/refunds"]
    assert len(refund) == 1
    assert refund[0].body.startswith("payment_intent=pi_local_1&amount=50000&")
    assert refund[0].headers["Idempotency-Key"] == f"ocop-order-{card_order.number}-part-{part.pk}-refund-1"
    source = card_source(card_order)
    assert source.amount_refunded == Decimal(50_000)
    assert source.transactions.get(txn_type="Refund").reference == "re_local_1"
    assert SellerRefund.objects.get(fulfilment=part).amount == Decimal(50_000)
    dashboard = admin_client.get(f"/shop/dashboard/orders/{card_order.number}/").content.decode()
    assert "re_local_1" in dashboard and 'id="card-refund"' in dashboard


def test_a_refund_above_what_the_part_cost_never_reaches_stripe(card_order, client, stripe_api):
    post_webhook(client, fake_stripe.event("evt_ok_3", "payment_intent.succeeded", intent("succeeded", amount_received=150_000)))
    part = Fulfilment.objects.get(order=card_order)

    with pytest.raises(ValidationError):
        services.card_refund(order=card_order, fulfilment=part, amount=Decimal(150_001), reason="?")

    assert not [r for r in stripe_api.requests if r.path == "/v1/refunds"]


def test_an_unpaid_card_order_is_cancelled_after_the_timeout_and_its_stock_given_back_once(card_order, stripe_api, shop, settings, client):
    stripe_api.answer("POST", "/v1/payment_intents/pi_local_1/cancel", intent("canceled"))
    later = timezone.now() + timezone.timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES + 1)

    assert services.orders_cancel_unpaid(now=later) == 1
    assert services.orders_cancel_unpaid(now=later) == 0

    cancels = [r for r in stripe_api.requests if r.path.endswith("/cancel")]
    assert len(cancels) == 1 and cancels[0].headers["Idempotency-Key"] == f"ocop-order-{card_order.number}-cancel"
    assert stock(shop["tea"]) == (10, 0)
    assert Order.objects.get().status == fulfilment.ORDER_CANCELLED
    assert client.get("/shop/checkout/card/")["Location"] == "/shop/checkout/thank-you/"  # nothing left to pay


def test_a_card_order_paid_meanwhile_is_not_cancelled(card_order, stripe_api, shop, settings):
    refused = {"error": {"type": "invalid_request_error", "code": "payment_intent_unexpected_state", "message": "already succeeded"}}
    stripe_api.answer("POST", "/v1/payment_intents/pi_local_1/cancel", refused, status=400)
    later = timezone.now() + timezone.timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES + 1)

    assert services.orders_cancel_unpaid(now=later) == 0
    assert stock(shop["tea"]) == (10, 1)


def test_a_signed_in_buyer_pays_later_from_the_order_page_and_nobody_else_can(client, shop, stripe_api, django_user_model):
    stripe_api.answer("POST", "/v1/payment_intents", intent())
    buyer = django_user_model.objects.create_user(email="binh@example.vn", password="x")
    client.force_login(buyer)
    add_to_basket(client, shop["tea"])
    fill_details(client, method="card", email="")
    from .conftest import place, review

    place(client, review(client)[1])
    order = Order.objects.get()
    detail = client.get(f"/shop/accounts/orders/{order.number}/").content.decode()
    assert f"/shop/checkout/card/?order={order.number}" in detail

    assert client.get(f"/shop/checkout/card/?order={order.number}").status_code == 200
    other = client.__class__()
    other.force_login(django_user_model.objects.create_user(email="other@example.vn", password="x"))
    assert other.get(f"/shop/checkout/card/?order={order.number}")["Location"] == "/"


def test_the_card_is_charged_only_for_the_parts_still_due_after_a_seller_cancels(client, shop, stripe_api):
    stripe_api.answer("POST", "/v1/payment_intents", intent())
    response = checkout(client, [(shop["tea"], 1), (shop["honey"], 1)], method="card")
    order = Order.objects.get()
    stripe_api.answer("GET", "/v1/payment_intents/pi_local_1", intent(amount=int(order.total_incl_tax)))
    assert client.get(response["Location"]).status_code == 200  # the card page: the intent for the whole order
    honey_part = order.fulfilments.get(partner=shop["honey_seller"].partner)

    fulfilment.fulfilment_cancel(fulfilment=honey_part, reason="Hết hàng")
    due = order.total_incl_tax - fulfilment.part_total(honey_part)
    stripe_api.answer("POST", "/v1/payment_intents/pi_local_1", intent(amount=int(due)))
    page = client.get("/shop/checkout/card/")

    assert page.status_code == 200
    updates = [r for r in stripe_api.requests if r.method == "POST" and r.path == "/v1/payment_intents/pi_local_1"]
    assert [update.form["amount"] for update in updates] == [str(int(due))]
    assert 0 < due < order.total_incl_tax


def test_no_card_payment_is_asked_for_an_order_whose_parts_were_all_cancelled(client, shop, stripe_api):
    checkout(client, [(shop["tea"], 1)], method="card")
    order = Order.objects.get()
    fulfilment.fulfilment_cancel(fulfilment=order.fulfilments.get(), reason="Hết hàng")

    with translation.override("vi"), pytest.raises(ValidationError, match="Không còn khoản nào phải trả"):
        services.card_payment_intent(order=order)
    assert client.get("/shop/checkout/card/")["Location"] == "/shop/checkout/thank-you/"
    assert not [r for r in stripe_api.requests if r.path.startswith("/v1/payment_intents")]
