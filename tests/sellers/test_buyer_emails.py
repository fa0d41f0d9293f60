"""What the buyer is e-mailed when a seller ships or cancels its part of an order: only that seller's
part, once, in Vietnamese, with the order's status link; and the seller's action stands even when
the e-mail cannot be sent."""

import datetime
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from oscar.core.loading import get_model

from payments import tasks
from payments.models import BuyerNotification
from sellers import fulfilment
from sellers.models import Fulfilment
from tests.factories.orders import place_order

from .test_fulfilment import order, stock, two_sellers  # noqa: F401 — the two-seller order, reused

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
BUYER = "buyer@example.vn"


def guest_link(placed):
    return f"http://127.0.0.1:8000/shop/accounts/order-status/{placed.number}/{placed.verification_hash()}/"


def to(address):
    return [message for message in mail.outbox if address in message.to]


def part_of(placed, seller):
    return placed.fulfilments.get(partner=seller.partner)


def ship_from_dashboard(client, seller, part, captured, *, carrier="Viettel Post", tracking_code="VTP123"):
    client.force_login(seller.partner.users.get())
    with captured(execute=True):
        client.post(f"/shop/seller/orders/{part.pk}/action/", {"action": "confirm"})
        return client.post(
            f"/shop/seller/orders/{part.pk}/action/", {"action": "ship", "carrier": carrier, "tracking_code": tracking_code}
        )


class DownSMTP:
    """An e-mail backend whose SMTP server is unreachable."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def test_when_one_seller_ships_the_buyer_hears_about_that_part_only(
    client, order, two_sellers, django_capture_on_commit_callbacks  # noqa: F811
):
    mail.outbox.clear()

    response = ship_from_dashboard(client, two_sellers["tea"], part_of(order, two_sellers["tea"]), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    (message,) = to(BUYER)
    assert message.to == [BUYER]
    assert message.subject == f"Chợ OCOP: HTX Chè đã gửi hàng trong đơn hàng {order.number} của bạn"
    body = message.body
    assert f"HTX Chè đã gửi các sản phẩm sau trong đơn hàng {order.number} của bạn:" in body
    assert "Sản phẩm CHE × 2" in body and "Sản phẩm MAT" not in body
    assert "Đơn vị vận chuyển: Viettel Post" in body and "Mã vận đơn: VTP123" in body
    assert "tiền mặt" not in body  # no payment method on this order (cash: tests/checkout)
    assert "Còn chờ gửi, trong các kiện hàng riêng: HTX Mật ong." in body
    assert guest_link(order) in body
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html" and guest_link(order) in html and "VTP123" in html and "Sản phẩm MAT" not in html


def test_each_sellers_shipment_is_its_own_email(client, order, two_sellers, django_capture_on_commit_callbacks):  # noqa: F811
    ship_from_dashboard(client, two_sellers["tea"], part_of(order, two_sellers["tea"]), django_capture_on_commit_callbacks)
    mail.outbox.clear()

    ship_from_dashboard(
        client, two_sellers["honey"], part_of(order, two_sellers["honey"]), django_capture_on_commit_callbacks,
        carrier="VNPost", tracking_code="EE1VN",
    )  # fmt: skip

    (message,) = to(BUYER)
    assert "HTX Mật ong" in message.subject
    assert "Sản phẩm MAT × 2" in message.body and "Sản phẩm CHE" not in message.body
    assert "Còn chờ gửi" not in message.body


def test_the_shipped_email_is_sent_once_even_if_the_task_runs_again(order, two_sellers, django_capture_on_commit_callbacks):  # noqa: F811
    part = part_of(order, two_sellers["tea"])
    fulfilment.fulfilment_confirm(fulfilment=part)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="GHN1")
    tasks.send_part_shipped_email.delay(part.pk)
    tasks.send_part_shipped_email.delay(part.pk)

    assert len(to(BUYER)) == 1
    assert BuyerNotification.objects.filter(kind=BuyerNotification.Kind.PART_SHIPPED, object_id=part.pk).count() == 1


def test_a_registered_buyer_is_emailed_at_their_account_address_with_the_account_link(
    two_sellers, django_user_model, django_capture_on_commit_callbacks  # noqa: F811
):
    buyer = django_user_model.objects.create_user(email="binh@example.vn", password="x")
    with django_capture_on_commit_callbacks(execute=True):
        placed = place_order(items=[(two_sellers["tea_product"], 1)], user=buyer)
    part = placed.fulfilments.get()
    fulfilment.fulfilment_confirm(fulfilment=part)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="GHN9")

    (message,) = mail.outbox
    assert message.to == ["binh@example.vn"]
    assert f"http://127.0.0.1:8000/shop/accounts/orders/{placed.number}/" in message.body


def test_a_failing_smtp_server_does_not_undo_the_shipment(
    client, order, two_sellers, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.EMAIL_BACKEND = f"{__name__}.DownSMTP"
    part = part_of(order, two_sellers["tea"])
    mail.outbox.clear()

    response = ship_from_dashboard(client, two_sellers["tea"], part, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    shipped = Fulfilment.objects.get(pk=part.pk)
    assert shipped.status == Fulfilment.Status.SHIPPED and shipped.tracking_code == "VTP123"
    assert stock(two_sellers["tea_product"]) == (8, 0)
    assert not BuyerNotification.objects.exists()  # nothing recorded: a later run still sends it

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tasks.send_part_shipped_email.delay(part.pk)
    assert len(to(BUYER)) == 1


def test_a_seller_cancelling_its_part_of_a_cash_order_tells_the_buyer_nothing_is_charged(
    client, order, two_sellers, django_capture_on_commit_callbacks  # noqa: F811
):
    part = part_of(order, two_sellers["honey"])
    client.force_login(two_sellers["honey"].partner.users.get())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/shop/seller/orders/{part.pk}/action/", {"action": "cancel", "reason": "Mật ong hết mùa"})
    tasks.send_part_cancelled_email.delay(part.pk)  # run twice: sent once

    (message,) = to(BUYER)
    assert message.subject == f"Chợ OCOP: các sản phẩm của HTX Mật ong trong đơn hàng {order.number} đã bị hủy"
    assert "Sản phẩm MAT × 2" in message.body and "Sản phẩm CHE" not in message.body
    assert "Lý do: Mật ong hết mùa" in message.body
    assert "Bạn sẽ không phải trả tiền cho các sản phẩm này." in message.body
    assert "Phần còn lại của đơn hàng vẫn được tiếp tục xử lý." in message.body
    assert guest_link(order) in message.body


def test_parts_cancelled_at_the_deadline_are_each_emailed_to_the_buyer_once(
    order, two_sellers, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.SELLER_CONFIRMATION_HOURS = 24
    later = order.date_placed + datetime.timedelta(hours=24, minutes=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert fulfilment.fulfilments_cancel_overdue(now=later) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert fulfilment.fulfilments_cancel_overdue(now=later) == 0

    messages = to(BUYER)
    assert sorted("HTX Chè" in message.subject for message in messages) == [False, True]
    for message in messages:
        assert "Lý do: Người bán không xác nhận đơn hàng trong vòng 24 giờ." in message.body
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_CANCELLED


def test_confirming_or_delivering_a_part_sends_the_buyer_nothing(order, two_sellers, django_capture_on_commit_callbacks):  # noqa: F811
    part = part_of(order, two_sellers["tea"])
    fulfilment.fulfilment_confirm(fulfilment=part)
    fulfilment.fulfilment_ship(fulfilment=part, carrier="GHN", tracking_code="GHN1")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_deliver(fulfilment=part)
        fulfilment.fulfilment_confirm(fulfilment=part_of(order, two_sellers["honey"]))

    assert to(BUYER) == []
