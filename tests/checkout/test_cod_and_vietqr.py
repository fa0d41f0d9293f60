"""Cash on delivery (the seller or staff record the cash) and VietQR transfers (staff reconcile)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model
from vietnam_qr_pay import QRPay

from payments import methods
from payments.selectors import payment_summary
from sellers import fulfilment
from sellers.models import Fulfilment

from .conftest import add_to_basket, checkout

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
PaymentEvent = get_model("order", "PaymentEvent")


@pytest.fixture
def vietqr(settings):
    settings.VIETQR_BANK_BIN = "970436"  # Vietcombank
    settings.VIETQR_ACCOUNT_NUMBER = "0011001234567"
    settings.VIETQR_ACCOUNT_NAME = "CONG TY CHO OCOP"


@pytest.fixture
def cod_order(client, shop):
    checkout(client, [(shop["tea"], 2), (shop["honey"], 2)])
    return Order.objects.get()


def ship(part):
    fulfilment.fulfilment_confirm(fulfilment=part)
    return fulfilment.fulfilment_ship(fulfilment=part, carrier="VNPost", tracking_code="VN123")


def test_the_seller_records_the_cash_of_its_part_and_the_order_is_paid_when_all_parts_are(client, cod_order, shop):
    tea_part = cod_order.fulfilments.get(partner=shop["tea_seller"].partner)
    honey_part = cod_order.fulfilments.get(partner=shop["honey_seller"].partner)
    ship(tea_part)
    ship(honey_part)
    client.force_login(shop["tea_seller"].partner.users.get())

    page = client.get(f"/shop/seller/orders/{tea_part.pk}/").content.decode()
    assert 'value="cash"' in page and "270.000" in page
    client.post(f"/shop/seller/orders/{tea_part.pk}/action/", {"action": "cash"})

    summary = payment_summary(cod_order)
    assert summary.amount_paid == Decimal(270_000) and not summary.is_paid
    assert PaymentEvent.objects.get(order=cod_order).amount == Decimal(270_000)
    assert 'value="cash"' not in client.get(f"/shop/seller/orders/{tea_part.pk}/").content.decode()

    fulfilment.fulfilment_record_cash(fulfilment=honey_part)
    assert payment_summary(cod_order).is_paid


def test_cash_is_recorded_once_and_only_once_the_parcel_left(cod_order, shop):
    part = cod_order.fulfilments.get(partner=shop["tea_seller"].partner)
    with pytest.raises(ValidationError):
        fulfilment.fulfilment_record_cash(fulfilment=part)  # not shipped yet
    ship(part)
    fulfilment.fulfilment_record_cash(fulfilment=part)
    with pytest.raises(ValidationError):
        fulfilment.fulfilment_record_cash(fulfilment=part)
    assert Source.objects.get(order=cod_order).amount_debited == Decimal(270_000)


def test_another_seller_cannot_record_cash_on_a_part_it_does_not_own(client, cod_order, shop):
    tea_part = cod_order.fulfilments.get(partner=shop["tea_seller"].partner)
    ship(tea_part)
    client.force_login(shop["honey_seller"].partner.users.get())

    assert client.post(f"/shop/seller/orders/{tea_part.pk}/action/", {"action": "cash"}).status_code == 404
    assert Source.objects.get(order=cod_order).amount_debited == 0


def test_staff_record_the_cash_of_every_shipped_part(admin_client, cod_order):
    for part in cod_order.fulfilments.all():
        ship(part)

    admin_client.post(f"/shop/dashboard/payments/orders/{cod_order.number}/", {"action": "cash"})

    assert payment_summary(cod_order).is_paid
    page = admin_client.get(f"/shop/dashboard/orders/{cod_order.number}/").content.decode()
    assert 'id="order-payment"' in page and "770.000" in page


def test_a_cancelled_part_is_not_due(cod_order, shop):
    honey_part = cod_order.fulfilments.get(partner=shop["honey_seller"].partner)
    fulfilment.fulfilment_cancel(fulfilment=honey_part, reason="Hết hàng")

    assert payment_summary(cod_order).amount_due == Decimal(270_000)


def test_vietqr_is_offered_only_with_a_bank_account(client, shop, settings):
    add_to_basket(client, shop["tea"])
    assert methods.VIETQR not in dict(client.get("/shop/checkout/").context["form"].fields["payment_method"].choices)
    settings.VIETQR_BANK_BIN, settings.VIETQR_ACCOUNT_NUMBER = "970436", "0011001234567"
    assert methods.VIETQR in dict(client.get("/shop/checkout/").context["form"].fields["payment_method"].choices)


def test_the_confirmation_shows_a_vietqr_code_for_the_exact_amount_with_the_order_number(
    client, shop, vietqr, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        checkout(client, [(shop["tea"], 1)], method="vietqr")
    order = Order.objects.get()
    confirmation = next(message for message in mail.outbox if "khach@example.vn" in message.to)
    assert f"OCOP {order.number}" in confirmation.body and "0011001234567" in confirmation.body

    response = client.get("/shop/checkout/thank-you/")

    qr = response.context["vietqr"]
    decoded = QRPay(qr["payload"])
    assert decoded.is_valid
    assert decoded.amount == "150000" and decoded.currency == "704"
    assert decoded.consumer.bank_bin == "970436" and decoded.consumer.bank_number == "0011001234567"
    assert decoded.additional_data.purpose == f"OCOP {order.number}"
    html = response.content.decode()
    assert qr["svg"].startswith("<svg viewBox=") and qr["svg"] in html  # scales with the page, never cropped
    assert f"OCOP {order.number}" in html and "150.000" in html
    assert Source.objects.get(order=order).reference == f"OCOP {order.number}"


def test_staff_mark_a_transfer_received_once(admin_client, client, shop, vietqr):
    checkout(client, [(shop["tea"], 1)], method="vietqr")
    order = Order.objects.get()
    url = f"/shop/dashboard/payments/orders/{order.number}/"

    admin_client.post(url, {"action": "transfer", "reference": "FT2611290001"})
    admin_client.post(url, {"action": "transfer", "reference": "FT2611290001"})

    source = Source.objects.get(order=order)
    assert source.amount_debited == Decimal(150_000) and source.transactions.count() == 1
    assert source.transactions.get().reference == "FT2611290001"
    assert client.get("/shop/checkout/thank-you/").context.get("vietqr") is None  # paid: no code any more


def test_payment_actions_are_for_staff_only(client, shop, vietqr, django_user_model):
    checkout(client, [(shop["tea"], 1)], method="vietqr")
    order = Order.objects.get()
    client.force_login(django_user_model.objects.create_user(email="buyer@example.vn", password="x"))

    response = client.post(f"/shop/dashboard/payments/orders/{order.number}/", {"action": "transfer"})

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Source.objects.get(order=order).amount_debited == 0


def test_unknown_payment_method_in_the_session_places_nothing(client, shop):
    add_to_basket(client, shop["tea"])
    response = client.post("/shop/checkout/", {
        "email": "a@example.vn", "name": "A", "phone": "0912345678", "street": "1", "province": "01",
        "commune": "00004", "payment_method": "bitcoin",
    })  # fmt: skip
    assert "payment_method" in response.context["form"].errors
    assert not Fulfilment.objects.exists()
