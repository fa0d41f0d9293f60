import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from ocop_catalog.services import ListingData
from sellers import fulfilment, statements
from sellers.models import Fulfilment
from sellers.services import seller_listing_save
from tests.factories.orders import place_order

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")


def listing(sku, price, stock=10, group="thuc-pham"):
    return ListingData(sku=sku, title=f"Sản phẩm {sku}", description="", group_slug=group, price_vnd=price, stock=stock)


@pytest.fixture
def two_sellers(make_seller):
    tea = make_seller(name="HTX Chè")
    honey = make_seller(name="HTX Mật ong")
    return {
        "tea": tea,
        "honey": honey,
        "tea_product": seller_listing_save(seller=tea, listing=listing("CHE", 120_000)),
        "honey_product": seller_listing_save(seller=honey, listing=listing("MAT", 250_000)),
    }


@pytest.fixture
def order(two_sellers, settings, django_capture_on_commit_callbacks):
    settings.SHIPPING_FEE_PER_SELLER_VND = 30_000
    settings.SHIPPING_FREE_FROM_VND = 500_000
    with django_capture_on_commit_callbacks(execute=True):
        return place_order(items=[(two_sellers["tea_product"], 2), (two_sellers["honey_product"], 2)])


def stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated or 0


def test_a_two_seller_order_is_split_into_two_parts_each_charged_shipping(order, two_sellers):
    parts = {part.partner_id: part for part in order.fulfilments.all()}

    assert set(parts) == {two_sellers["tea"].partner_id, two_sellers["honey"].partner_id}
    # 240.000 ₫ of tea pays the flat fee; 500.000 ₫ of honey ships free.
    assert parts[two_sellers["tea"].partner_id].shipping_charge == 30_000
    assert parts[two_sellers["honey"].partner_id].shipping_charge == 0
    assert order.shipping_incl_tax == Decimal(30_000)
    assert order.total_incl_tax == Decimal(240_000 + 500_000 + 30_000)
    assert order.status == fulfilment.ORDER_AWAITING


def test_each_seller_is_emailed_about_its_part_only(order, two_sellers):
    tea_mail = [message for message in mail.outbox if two_sellers["tea"].email in message.to]
    assert len(tea_mail) == 1
    assert "Sản phẩm CHE" in tea_mail[0].body
    assert "Sản phẩm MAT" not in tea_mail[0].body


def test_a_two_seller_orders_sellers_are_emailed_through_one_queued_message(two_sellers, settings, django_capture_on_commit_callbacks, monkeypatch):
    """Queueing costs the buyer's request: the order's parts go in one message, which the worker turns into an
    e-mail task per part (each retried alone)."""
    from sellers import tasks

    queued = []
    monkeypatch.setattr(tasks.send_new_order_email, "delay", lambda *args: queued.append(("one", args)) or tasks.send_new_order_email.apply(args))
    monkeypatch.setattr(tasks.send_new_order_emails, "delay", lambda *args: queued.append(("all", args)) or tasks.send_new_order_emails.apply(args))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        placed = place_order(items=[(two_sellers["tea_product"], 1), (two_sellers["honey_product"], 1)])

    parts = sorted(placed.fulfilments.values_list("pk", flat=True))
    assert queued[0][0] == "all" and sorted(queued[0][1][0]) == parts  # the request's one message
    assert sorted(args[0] for kind, args in queued[1:]) == parts and {kind for kind, _ in queued[1:]} == {"one"}  # the worker's
    for seller in (two_sellers["tea"], two_sellers["honey"]):
        assert len([message for message in mail.outbox if seller.email in message.to]) == 1


def test_each_seller_sees_and_fulfils_only_its_part(order, two_sellers, client):
    client.force_login(two_sellers["tea"].partner.users.get())
    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    honey_part = order.fulfilments.get(partner=two_sellers["honey"].partner)

    listing_html = client.get("/shop/seller/orders/").content.decode()
    detail_html = client.get(f"/shop/seller/orders/{tea_part.pk}/").content.decode()

    assert str(order.number) in listing_html
    assert "Sản phẩm CHE" in detail_html and "Sản phẩm MAT" not in detail_html
    assert "12 Phố Hàng Bạc" in detail_html  # the buyer's delivery address
    assert client.get(f"/shop/seller/orders/{honey_part.pk}/").status_code == 404
    assert client.post(f"/shop/seller/orders/{honey_part.pk}/action/", {"action": "confirm"}).status_code == 404
    assert Fulfilment.objects.get(pk=honey_part.pk).status == Fulfilment.Status.AWAITING


def test_buyer_order_status_follows_the_parts(order, two_sellers):
    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    honey_part = order.fulfilments.get(partner=two_sellers["honey"].partner)

    fulfilment.fulfilment_confirm(fulfilment=tea_part)
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_AWAITING
    fulfilment.fulfilment_confirm(fulfilment=honey_part)
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_CONFIRMED
    fulfilment.fulfilment_ship(fulfilment=tea_part, carrier="Viettel Post", tracking_code="VTP123")
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_PARTLY_SHIPPED
    fulfilment.fulfilment_ship(fulfilment=honey_part, carrier="VNPost", tracking_code="EE1VN")
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_SHIPPED
    fulfilment.fulfilment_deliver(fulfilment=tea_part)
    fulfilment.fulfilment_deliver(fulfilment=honey_part)
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_DELIVERED


def test_shipping_consumes_the_allocated_stock(order, two_sellers):
    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    assert stock(two_sellers["tea_product"]) == (10, 2)

    fulfilment.fulfilment_confirm(fulfilment=tea_part)
    fulfilment.fulfilment_ship(fulfilment=tea_part, carrier="GHN", tracking_code="GHN1")

    assert stock(two_sellers["tea_product"]) == (8, 0)


def test_seller_cancel_needs_a_reason_restocks_once_and_tells_the_buyer(order, two_sellers, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    with pytest.raises(ValidationError):
        fulfilment.fulfilment_cancel(fulfilment=tea_part, reason=" ")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfilment_cancel(fulfilment=tea_part, reason="Hết hàng vụ này.")
    with pytest.raises(ValidationError):
        fulfilment.fulfilment_cancel(fulfilment=tea_part, reason="Lần hai.")

    assert stock(two_sellers["tea_product"]) == (10, 0)
    (message,) = mail.outbox
    assert message.to == ["buyer@example.vn"] and "Hết hàng vụ này." in message.body
    assert Order.objects.get(pk=order.pk).status == fulfilment.ORDER_AWAITING  # the honey part goes on


def test_unconfirmed_parts_are_cancelled_after_the_deadline_and_restocked(order, two_sellers, settings):
    settings.SELLER_CONFIRMATION_HOURS = 24
    honey_part = order.fulfilments.get(partner=two_sellers["honey"].partner)
    fulfilment.fulfilment_confirm(fulfilment=honey_part)
    placed = order.date_placed

    assert fulfilment.fulfilments_cancel_overdue(now=placed + datetime.timedelta(hours=23, minutes=59)) == 0
    assert fulfilment.fulfilments_cancel_overdue(now=placed + datetime.timedelta(hours=24, minutes=1)) == 1
    assert fulfilment.fulfilments_cancel_overdue(now=placed + datetime.timedelta(hours=48)) == 0

    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    assert tea_part.status == Fulfilment.Status.CANCELLED
    assert "24" in tea_part.cancel_reason
    assert stock(two_sellers["tea_product"]) == (10, 0)
    assert Fulfilment.objects.get(pk=honey_part.pk).status == Fulfilment.Status.CONFIRMED


def test_the_beat_task_runs_the_overdue_cancellation(order, two_sellers, monkeypatch):
    from sellers.tasks import cancel_overdue_fulfilments

    later = timezone.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert cancel_overdue_fulfilments.delay().get() == 2


def test_statement_adds_up_for_a_month_with_a_refund(order, two_sellers, settings):
    settings.SELLER_COMMISSION_RATE = Decimal("0.05")
    tea = two_sellers["tea"]
    tea_part = order.fulfilments.get(partner=tea.partner)
    fulfilment.fulfilment_confirm(fulfilment=tea_part)
    fulfilment.fulfilment_ship(fulfilment=tea_part, carrier="GHN", tracking_code="1")
    fulfilment.fulfilment_deliver(fulfilment=tea_part)
    fulfilment.refund_record(fulfilment=tea_part, amount=Decimal(60_000), reason="Một gói bị rách.")

    statement = statements.statement_for(seller=tea, month=timezone.localdate())

    assert statement.delivered_parts == 1 and statement.delivered_lines == 1
    assert statement.gross_sales == 240_000
    assert statement.shipping == 30_000
    # Commission on delivered sales net of refunds: 5 % of 180.000 ₫.
    assert statement.commission == 9_000
    assert statement.refunds == 60_000
    assert statement.amount_owed == 240_000 + 30_000 - 60_000 - 9_000


def test_refund_cannot_exceed_what_the_buyer_paid(order, two_sellers):
    from django.core.exceptions import ValidationError

    tea_part = order.fulfilments.get(partner=two_sellers["tea"].partner)
    fulfilment.refund_record(fulfilment=tea_part, amount=Decimal(270_000), reason="Hoàn toàn bộ.")
    with pytest.raises(ValidationError):
        fulfilment.refund_record(fulfilment=tea_part, amount=Decimal(1), reason="Thêm.")


def test_seller_sales_summary_and_statement_csv(order, two_sellers, client):
    tea = two_sellers["tea"]
    client.force_login(tea.partner.users.get())

    sales = client.get("/shop/seller/sales/")
    (row,) = sales.context["months"]
    assert (row["orders"], row["units"], row["revenue"]) == (1, 2, Decimal(240_000))
    today = timezone.localdate()
    csv_response = client.get(f"/shop/seller/statements/{today.year}/{today.month}/csv/")
    content = csv_response.content.decode("utf-8-sig").splitlines()
    assert content[0].startswith("seller,month,delivered_orders")
    assert content[1].startswith(f"{tea.slug},{today:%Y-%m},0,0,0")


def test_staff_see_the_statement_record_a_payout_once_and_a_refund(order, two_sellers, admin_client):
    tea = two_sellers["tea"]
    tea_part = order.fulfilments.get(partner=tea.partner)
    month = timezone.localdate().strftime("%Y-%m")
    fulfilment.fulfilment_confirm(fulfilment=tea_part)
    fulfilment.fulfilment_ship(fulfilment=tea_part, carrier="GHN", tracking_code="1")
    fulfilment.fulfilment_deliver(fulfilment=tea_part)

    admin_client.post(f"/shop/dashboard/sellers/parts/{tea_part.pk}/refund/", {"amount": "10000", "reason": "Giao chậm."})
    page = admin_client.get(f"/shop/dashboard/sellers/{tea.pk}/statement/?month={month}")
    assert page.status_code == 200
    assert page.context["statement"].refunds == 10_000

    admin_client.post(f"/shop/dashboard/sellers/{tea.pk}/payout/", {"month": month, "amount": "0", "reference": "UNC-001"})
    admin_client.post(f"/shop/dashboard/sellers/{tea.pk}/payout/", {"month": month, "amount": "5", "reference": "UNC-002"})

    payout = statements.statement_for(seller=tea, month=timezone.localdate()).payout
    assert payout.reference == "UNC-001"
    assert tea.payouts.count() == 1
