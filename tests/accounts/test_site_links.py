"""E-mails link to the site itself (settings.SITE_URL), never to Django's default example.com."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core import mail

from tests.checkout.conftest import _shipping_and_payment_settings, checkout, shop  # noqa: F401 — fixtures, reused
from tests.sellers.conftest import make_seller  # noqa: F401

pytestmark = pytest.mark.django_db

User = get_user_model()
LINK = re.compile(r"""https?://[^\s"'<>]+""")
HREF = re.compile(r"""(?:href|src)=["'](https?://[^"']+)""")  # not the DTD or schema.org names in the HTML


def links(messages) -> list[str]:
    found = []
    for message in messages:
        found += LINK.findall(message.body)
        found += [link for html, _ in getattr(message, "alternatives", []) for link in HREF.findall(html)]
    return found


def assert_all_on_the_site(messages, settings):
    found = links(messages)
    assert found, "the e-mails carry no link"
    # Links to other hosts (none today) would show here too: every one must be on the site.
    assert [link for link in found if not link.startswith(settings.SITE_URL + "/")] == []


def test_the_site_record_follows_site_url_after_migrate(settings):
    site = Site.objects.get(pk=settings.SITE_ID)

    assert f"http://{site.domain}" == settings.SITE_URL or f"https://{site.domain}" == settings.SITE_URL
    assert site.domain != "example.com"


def test_password_reset_email_links_to_the_site(client, settings):
    User.objects.create_user(email="buyer@example.vn", password="a-long-passphrase")

    client.post("/shop/password-reset/", {"email": "buyer@example.vn"})

    (message,) = mail.outbox
    assert_all_on_the_site([message], settings)
    assert any("/shop/password-reset/confirm/" in link for link in links([message]))


def test_registration_emails_link_to_the_site(client, settings, django_capture_on_commit_callbacks):
    User.objects.create_user(email="taken@example.vn", password="a-long-passphrase")

    with django_capture_on_commit_callbacks(execute=True):
        for email in ("taken@example.vn", "new@example.vn"):
            client.post("/shop/accounts/register/", {"email": email})

    assert len(mail.outbox) == 2
    assert_all_on_the_site(mail.outbox, settings)


def test_order_and_seller_emails_link_to_the_site(client, shop, settings, django_capture_on_commit_callbacks):  # noqa: F811
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        checkout(client, [(shop["tea"], 1)])

    assert {address for message in mail.outbox for address in message.to} >= {"khach@example.vn"}
    assert_all_on_the_site(mail.outbox, settings)


def test_a_site_record_out_of_step_is_put_right_by_migrate_and_flagged_until_then(settings):
    from django.core.management import call_command

    from marketplace.users.checks import site_matches_site_url

    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com", name="example.com")
    (warning,) = site_matches_site_url(app_configs=None)
    assert warning.id == "users.W001" and "example.com" in warning.msg

    call_command("migrate", verbosity=0)

    assert Site.objects.get(pk=settings.SITE_ID).domain == settings.SITE_URL.split("://", 1)[1]
    assert site_matches_site_url(app_configs=None) == []
