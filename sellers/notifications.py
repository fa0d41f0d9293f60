"""E-mails of the seller side, rendered from templates in the recipient's language (Vietnamese)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import SellerApplication


def _send(*, template: str, context: dict, to: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        # One line whatever the data: a line break in a subject is an error, not an e-mail.
        subject = " ".join(render_to_string(f"sellers/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"sellers/emails/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def application_received(*, application_id: int) -> None:
    """Tell the applicant we have the application."""
    application = SellerApplication.objects.select_related("commune__province").get(pk=application_id)
    context = {"application": application, "site_url": settings.SITE_URL}
    _send(template="application_received", context=context, to=[application.email])


def application_for_staff(*, application_id: int) -> None:
    """Tell programme staff that an application waits for their review."""
    application = SellerApplication.objects.select_related("commune__province").get(pk=application_id)
    context = {"application": application, "site_url": settings.SITE_URL}
    _send(template="application_for_staff", context=context, to=[settings.SELLER_STAFF_EMAIL])


def application_decided(*, application_id: int) -> None:
    """Tell the applicant the decision: approval with a link to set a password, or the reason."""
    application = SellerApplication.objects.select_related("seller").get(pk=application_id)
    context = {"application": application, "site_url": settings.SITE_URL}
    if application.status == SellerApplication.Status.APPROVED:
        user = application.seller.partner.users.filter(email__iexact=application.email).first()
        if user is not None and not user.has_usable_password():
            path = reverse(
                "password-reset-confirm",
                kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)},
            )
            context["set_password_url"] = f"{settings.SITE_URL}{path}"
        context["dashboard_url"] = f"{settings.SITE_URL}{reverse('sellers:dashboard')}"
        _send(template="application_approved", context=context, to=[application.email])
    elif application.status == SellerApplication.Status.REJECTED:
        _send(template="application_rejected", context=context, to=[application.email])


def new_order_for_seller(*, fulfilment_id: int) -> None:
    """Tell the seller's users an order waits for them to confirm."""
    from .models import Fulfilment

    part = Fulfilment.objects.select_related("order", "partner__seller").get(pk=fulfilment_id)
    recipients = sorted({user.email for user in part.partner.users.all() if user.email})
    seller = getattr(part.partner, "seller", None)
    if seller is not None and seller.email and seller.email not in recipients:
        recipients.append(seller.email)
    if not recipients:
        return
    context = {
        "part": part,
        "order": part.order,
        "lines": part.order.lines.filter(partner_id=part.partner_id),
        "orders_url": f"{settings.SITE_URL}{reverse('sellers:order-list')}",
    }
    _send(template="new_order", context=context, to=recipients)
