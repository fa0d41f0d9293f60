"""The buyer's e-mails after the order confirmation, about money: a card or transfer payment received,
a refund, and a cancelled part they had paid for. Each is sent once per event, in Vietnamese, to the
guest's or the signed-in buyer's address, with the order's status link."""

from decimal import Decimal
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from oscar.core.loading import get_model

from payments import notifications, services, tasks
from payments.models import BuyerNotification
from sellers import fulfilment
from sellers.models import Fulfilment

from . import fake_stripe
from .conftest import checkout, fill_details, place, review
from .test_stripe import card_order, intent, post_webhook, stripe_api  # noqa: F401 — the Stripe fixtures, reused

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
CommunicationEvent = get_model("order", "CommunicationEvent")

NBSP = "\u00a0"
GUEST = "khach@example.vn"


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + f"{NBSP}₫"


def to(address):
    return [message for message in mail.outbox if address in message.to]


def guest_link(order):
    return f"http://127.0.0.1:8000/shop/accounts/order-status/{order.number}/{order.verification_hash()}/"


def html_of(message) -> str:
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html"
    return html


def paid_card_order(client, order, captured):
    """The order paid: Stripe's signed payment_intent.succeeded webhook, its on-commit tasks run."""
    payload = fake_stripe.event("evt_paid", "payment_intent.succeeded", intent("succeeded", amount_received=150_000))
    with captured(execute=True):
        assert post_webhook(client, payload).status_code == 200
    return order


class FlakySMTP(EmailBackend):
    """The local outbox, behind an SMTP server that drops the first `failures` connections."""

    failures = 0

    def send_messages(self, messages):
        if FlakySMTP.failures:
            FlakySMTP.failures -= 1
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def flaky_smtp(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakySMTP"
    yield FlakySMTP
    FlakySMTP.failures = 0


def test_a_card_payment_is_emailed_to_the_guest_once_in_vietnamese_however_often_stripe_replays_it(
    client, card_order, django_capture_on_commit_callbacks  # noqa: F811
):
    payload = fake_stripe.event("evt_ok_mail", "payment_intent.succeeded", intent("succeeded", amount_received=150_000))

    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_webhook(client, payload).status_code == 200
    # Stripe may also send the same payment under another event id: still the one e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        post_webhook(client, fake_stripe.event("evt_ok_mail_2", "payment_intent.succeeded", intent("succeeded", amount_received=150_000)))

    (message,) = to(GUEST)
    assert message.to == [GUEST]
    assert message.subject == f"Chợ OCOP: đã nhận thanh toán cho đơn hàng {card_order.number}"
    assert f"Chúng tôi đã nhận được khoản thanh toán {vnd(150_000)} cho đơn hàng {card_order.number}." in message.body
    assert "Thẻ (Visa, Mastercard, JCB)" in message.body and "đã được thanh toán đủ" in message.body
    assert guest_link(card_order) in message.body
    assert guest_link(card_order) in html_of(message) and vnd(150_000) in html_of(message)
    assert BuyerNotification.objects.filter(order=card_order).count() == 1


def test_running_the_payment_task_again_sends_nothing_more(client, card_order, django_capture_on_commit_callbacks):  # noqa: F811
    paid_card_order(client, card_order, django_capture_on_commit_callbacks)
    event = PaymentEvent.objects.get(order=card_order, event_type__name=services.CARD_PAID)

    tasks.send_payment_received_email.delay(event.pk)
    assert notifications.payment_received_send(payment_event_id=event.pk) is False

    assert len(to(GUEST)) == 1
    # Oscar records the sending, so the dashboard's order page lists the e-mail.
    assert CommunicationEvent.objects.filter(order=card_order, event_type__code=notifications.PAYMENT_RECEIVED).count() == 1


def test_a_failed_card_payment_sends_no_payment_email(client, card_order, django_capture_on_commit_callbacks):  # noqa: F811
    failed = intent("requires_payment_method", last_payment_error={"code": "card_declined", "message": "Declined"})

    with django_capture_on_commit_callbacks(execute=True):
        post_webhook(client, fake_stripe.event("evt_fail_mail", "payment_intent.payment_failed", failed))

    assert to(GUEST) == []


@pytest.fixture
def vietqr(settings):
    settings.VIETQR_BANK_BIN = "970436"
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_ACCOUNT_NAME = "CONG TY CHO OCOP"


def test_a_transfer_marked_received_is_emailed_to_the_signed_in_buyer_with_the_account_link(
    client, admin_client, shop, vietqr, django_user_model, django_capture_on_commit_callbacks
):
    buyer = django_user_model.objects.create_user(email="binh@example.vn", password="x")
    client.force_login(buyer)
    for product in (shop["tea"], shop["honey"]):
        client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1})
    fill_details(client, method="vietqr", email="")
    place(client, review(client)[1])
    order = Order.objects.get()
    url = f"/shop/dashboard/payments/orders/{order.number}/"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "transfer", "reference": "FT2611290001"})
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "transfer", "reference": "FT2611290001"})  # already paid: refused

    (message,) = to("binh@example.vn")
    total = 120_000 + 30_000 + 250_000 + 30_000
    assert order.total_incl_tax == Decimal(total)
    assert f"khoản thanh toán {vnd(total)} cho đơn hàng {order.number}" in message.body
    assert "Chuyển khoản bằng mã VietQR" in message.body
    assert f"http://127.0.0.1:8000/shop/accounts/orders/{order.number}/" in message.body
    assert "order-status" not in message.body  # a signed-in buyer follows it from the account


def test_a_refund_is_emailed_once_with_the_amount_the_seller_and_its_items(
    client, admin_client, card_order, stripe_api, django_capture_on_commit_callbacks  # noqa: F811
):
    paid_card_order(client, card_order, django_capture_on_commit_callbacks)
    stripe_api.answer("POST", "/v1/refunds", {"id": "re_mail_1", "object": "refund", "amount": 50_000, "currency": "vnd", "status": "succeeded"})
    part = Fulfilment.objects.get(order=card_order)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/shop/dashboard/payments/orders/{card_order.number}/",
            {"action": "refund", "part": part.pk, "amount": "50000", "reason": "Hộp bị móp"},
        )
    event = PaymentEvent.objects.get(order=card_order, event_type__name=services.REFUNDED)
    tasks.send_refund_email.delay(event.pk)  # run twice: sent once

    assert response.status_code == 302
    (message,) = to(GUEST)
    assert message.subject == f"Chợ OCOP: đã hoàn {vnd(50_000)} cho đơn hàng {card_order.number}"
    assert f"Chúng tôi đã hoàn {vnd(50_000)} vào thẻ bạn dùng để thanh toán đơn hàng {card_order.number}." in message.body
    assert "Cho các sản phẩm sau của HTX Chè:" in message.body and "Sản phẩm CHE × 1" in message.body
    assert "re_mail_1" in message.body and guest_link(card_order) in message.body
    assert "5 đến 10 ngày làm việc" in html_of(message)


def test_a_cancelled_part_paid_by_card_tells_the_buyer_a_refund_follows(
    client, card_order, django_capture_on_commit_callbacks  # noqa: F811
):
    paid_card_order(client, card_order, django_capture_on_commit_callbacks)
    part = Fulfilment.objects.get(order=card_order)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_cancel(fulfilment=part, reason="Hết hàng vụ này")

    (message,) = to(GUEST)
    assert message.subject == f"Chợ OCOP: các sản phẩm của HTX Chè trong đơn hàng {card_order.number} đã bị hủy"
    assert "Sản phẩm CHE × 1" in message.body and "Lý do: Hết hàng vụ này" in message.body
    assert f"Chợ OCOP sẽ hoàn {vnd(150_000)} vào thẻ của bạn" in message.body
    assert "không phải trả tiền" not in message.body
    assert "Đơn hàng không còn sản phẩm nào khác" in message.body
    assert guest_link(card_order) in message.body


def test_an_unpaid_card_order_cancelled_after_the_timeout_says_nothing_is_charged(
    card_order, stripe_api, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    from django.utils import timezone

    stripe_api.answer("POST", "/v1/payment_intents/pi_local_1/cancel", intent("canceled"))
    later = timezone.now() + timezone.timedelta(minutes=settings.CARD_PAYMENT_TIMEOUT_MINUTES + 1)

    with django_capture_on_commit_callbacks(execute=True):
        services.orders_cancel_unpaid(now=later)

    (message,) = to(GUEST)
    assert f"Lý do: Thanh toán thẻ không hoàn tất trong vòng {settings.CARD_PAYMENT_TIMEOUT_MINUTES} phút." in message.body
    assert "Bạn sẽ không phải trả tiền cho các sản phẩm này." in message.body
    assert "hoàn" not in message.subject


def test_the_payment_task_retries_an_smtp_failure_and_sends_once(client, card_order, flaky_smtp, django_capture_on_commit_callbacks):  # noqa: F811
    flaky_smtp.failures = 100
    paid_card_order(client, card_order, django_capture_on_commit_callbacks)
    event = PaymentEvent.objects.get(order=card_order, event_type__name=services.CARD_PAID)
    flaky_smtp.failures = 1

    # As a worker runs it (not propagating): the SMTP error makes Celery retry the task.
    result = tasks.send_payment_received_email.apply(args=[event.pk], throw=False)

    assert result.successful()
    assert len(to(GUEST)) == 1
    assert BuyerNotification.objects.filter(order=card_order).count() == 1


def test_an_smtp_outage_keeps_the_payment_and_lets_a_later_run_send_the_email(
    client, card_order, flaky_smtp, django_capture_on_commit_callbacks  # noqa: F811
):
    flaky_smtp.failures = 100  # longer than every retry

    paid_card_order(client, card_order, django_capture_on_commit_callbacks)

    assert Order.objects.get().sources.get().amount_debited == Decimal(150_000)  # the webhook's change stays
    assert to(GUEST) == [] and not BuyerNotification.objects.exists()
    flaky_smtp.failures = 0
    event = PaymentEvent.objects.get(order=card_order, event_type__name=services.CARD_PAID)
    tasks.send_payment_received_email.delay(event.pk)
    assert len(to(GUEST)) == 1


def test_the_buyers_emails_follow_the_sites_language(client, card_order, settings, django_capture_on_commit_callbacks):  # noqa: F811
    settings.LANGUAGE_CODE = "en"

    paid_card_order(client, card_order, django_capture_on_commit_callbacks)

    (message,) = to(GUEST)
    assert message.subject == f"Chợ OCOP: payment received for order {card_order.number}"
    assert f"We received your payment of {vnd(150_000)}" in message.body


def test_a_cash_on_delivery_parcel_tells_the_buyer_the_cash_to_hand_the_courier(client, shop, django_capture_on_commit_callbacks):
    checkout(client, [(shop["tea"], 2), (shop["honey"], 2)])
    order = Order.objects.get()
    honey = order.fulfilments.get(partner=shop["honey_seller"].partner)
    fulfilment.fulfilment_confirm(fulfilment=honey)

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_ship(fulfilment=honey, carrier="VNPost", tracking_code="EE1VN")

    (message,) = to(GUEST)
    # This parcel only: 2 × 250.000 ₫ of honey, shipped free from 500.000 ₫ — not the order's 770.000 ₫.
    assert f"Khi nhận kiện hàng này, bạn trả {vnd(500_000)} tiền mặt cho người giao hàng." in message.body
    assert "Còn chờ gửi, trong các kiện hàng riêng: HTX Chè." in message.body
    assert guest_link(order) in message.body
