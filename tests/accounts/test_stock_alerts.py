"""Stock alerts by e-mail: escaped titles, one confirmation at a time per address, and a limit per
address and per client, counted in the shared cache."""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

ProductAlert = get_model("customer", "ProductAlert")
TITLE = 'Chè <b>Tân Cương</b><img src=x onerror="alert(1)">'


@pytest.fixture
def products(localities):
    producer = make_producer(commune=Commune.objects.get(code="00004"))
    return [make_product(producer=producer, title=f"{TITLE} {number}", stock=0) for number in range(12)]


def ask_for_alert(client, product, email, address="10.0.0.1"):
    return client.post(f"/shop/accounts/alerts/create/{product.pk}/", {"email": email}, REMOTE_ADDR=address)


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def confirm_all(email):
    for alert in ProductAlert.objects.filter(email=email, status=ProductAlert.UNCONFIRMED):
        alert.confirm()


def test_the_confirmation_email_escapes_the_product_title(client, products, settings):
    ask_for_alert(client, products[0], "khach@example.vn")

    (message,) = mail.outbox
    html = html_of(message)
    assert "<img" not in html and "<b>Tân" not in html
    assert "&lt;img src=x" in html
    confirm = re.search(r"https?://\S+/alerts/confirm/\w+/", message.body).group(0)
    assert confirm.startswith(settings.SITE_URL + "/")


def test_the_back_in_stock_email_escapes_the_product_title(client, products):
    from oscar.apps.customer.alerts.utils import AlertsDispatcher

    ask_for_alert(client, products[0], "khach@example.vn")
    confirm_all("khach@example.vn")
    mail.outbox.clear()
    record = products[0].stockrecords.get()
    record.num_in_stock = 5
    record.save()

    AlertsDispatcher().send_product_alert_email_for_user(products[0])

    (message,) = mail.outbox
    assert "<img" not in html_of(message) and "&lt;img src=x" in html_of(message)


def test_an_unconfirmed_address_gets_no_second_confirmation_until_it_confirms(client, products):
    ask_for_alert(client, products[0], "khach@example.vn")
    ask_for_alert(client, products[1], "khach@example.vn")

    assert len(mail.outbox) == 1
    confirm_all("khach@example.vn")
    ask_for_alert(client, products[2], "khach@example.vn")
    assert len(mail.outbox) == 2


def test_confirmation_emails_to_one_address_are_limited(client, products, settings):
    settings.ALERT_CONFIRMATIONS_PER_ADDRESS = 3
    for number in range(5):
        response = ask_for_alert(client, products[number], "khach@example.vn", address=f"10.0.0.{number}")
        confirm_all("khach@example.vn")

    assert len(mail.outbox) == 3
    assert response.status_code == 429
    assert ProductAlert.objects.filter(email="khach@example.vn").count() == 3


def test_alerts_from_one_client_are_limited_whatever_the_addresses(client, products, settings):
    settings.ALERT_CONFIRMATIONS_PER_CLIENT = 4
    for number in range(6):
        response = ask_for_alert(client, products[number], f"nguoi{number}@example.vn")

    assert len(mail.outbox) == 4
    assert response.status_code == 429
    assert ProductAlert.objects.count() == 4
    ask_for_alert(client, products[7], "khac@example.vn", address="10.0.0.99")
    assert len(mail.outbox) == 5
