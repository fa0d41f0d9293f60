"""State changes of user accounts (registration without revealing which addresses have accounts) and of
the Site record their e-mails' links are built from."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from oscar.apps.customer.utils import normalise_email

User = get_user_model()


def user_set_password_url(*, user) -> str:
    """An absolute link (on settings.SITE_URL) where `user` chooses a password; it works once."""
    path = reverse(
        "password-reset-confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)},
    )
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def user_register(*, email: str) -> None:
    """Register `email`, answering the same whatever the address: the caller learns nothing.

    A new address gets an account without a usable password and an e-mail with a link to set one
    (so only the mailbox's owner can use the account). An address that already has an account is
    left unchanged; its owner is told that someone tried to register, with sign-in and reset links.
    """
    email = normalise_email(email)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        user = User.objects.create_user(email=email, password=None)
        kind = "welcome"
    else:
        user, kind = existing, "already_registered"
    from . import tasks

    transaction.on_commit(lambda: tasks.send_registration_email.delay(user.pk, kind))


def registration_email_send(*, user_id: int, kind: str) -> None:
    """Send the registration e-mail of `kind` ("welcome" or "already_registered") to the user."""
    user = User.objects.get(pk=user_id)
    context = {
        "user": user,
        "site_url": settings.SITE_URL,
        "set_password_url": user_set_password_url(user=user),
        "login_url": f"{settings.SITE_URL}{reverse('customer:login')}",
        "password_reset_url": f"{settings.SITE_URL}{reverse('password-reset')}",
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"users/emails/registration_{kind}_subject.txt", context).strip()
        body = render_to_string(f"users/emails/registration_{kind}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def site_domain_from_settings() -> str:
    """The host (and port) of settings.SITE_URL: what Django's Site record must say."""
    return urlsplit(settings.SITE_URL).netloc


def site_sync_with_settings(*, site_model=None) -> bool:
    """Make Django's Site record (settings.SITE_ID) name the host of settings.SITE_URL.

    Oscar's e-mails build their links from it (password reset, stock alerts). Returns whether it changed.
    """
    if site_model is None:
        from django.contrib.sites.models import Site as site_model
    domain = site_domain_from_settings()
    site, created = site_model.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME}
    )
    if created or (site.domain, site.name) == (domain, settings.OSCAR_SHOP_NAME):
        return created
    site.domain, site.name = domain, settings.OSCAR_SHOP_NAME
    site.save(update_fields=["domain", "name"])
    return True
