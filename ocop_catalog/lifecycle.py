"""A certificate's life after it is issued: revocation, reminders before expiry, and expiry itself.

Kept apart from services.py (recording and verifying) because these run from staff actions and Celery beat.
Nothing here talks to search: a certificate's save reaches search through search.signals (post_save), which
reindexes its product and, when the search document changes, retires cached search answers and with them the
product cards versioned by them (ocop_catalog.cards). Expiry needs no write to hide the stars: validity is
decided at query time for a day (`certificates_valid_on`, search's `stars_valid_on`), and every cached answer
and card is keyed by that day.

Decision 148/QĐ-TTg leaves a certificate valid 36 months (settings.OCOP_CERTIFICATE_VALIDITY_MONTHS); the
expiry date is its last valid day, so its stars leave the storefront when that day ends.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import CertificateNotice, OcopCertificate
from .text import nfc

logger = logging.getLogger("ocop_catalog")

# Days before expiry at which the seller is reminded, and the notice that records each reminder.
REMINDERS = ((90, CertificateNotice.Kind.EXPIRES_IN_90_DAYS), (30, CertificateNotice.Kind.EXPIRES_IN_30_DAYS))
# Certificates that expired longer ago than this get no expiry notice (the first run after deployment
# would otherwise e-mail about every old certificate).
EXPIRED_NOTICE_DAYS = 7


@transaction.atomic
def certificate_revoke(
    *, certificate: OcopCertificate, reason: str, revoked_on: datetime.date, by, today: datetime.date | None = None
) -> OcopCertificate:
    """Revoke (thu hồi) a verified certificate, with the issuing level's reason and decision date.

    Effective at once: the product loses its stars on the storefront, in search and the API in the next
    request; the verify page says revoked, with the reason and date. The reason is required; the date may
    not be before the issue date nor after `today`. A certificate that is not verified cannot be revoked.
    """
    today = today or timezone.localdate()
    certificate = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    reason = nfc(reason or "").strip()
    errors = {}
    if certificate.status != OcopCertificate.Status.VERIFIED:
        errors["status"] = _("Only a verified certificate can be revoked (this one is: %(status)s).") % {
            "status": certificate.get_status_display()
        }
    if not reason:
        errors["reason"] = _("Give the reason for the revocation.")
    if revoked_on is None:
        errors["revoked_on"] = _("Give the date of the revocation decision.")
    elif revoked_on > today:
        errors["revoked_on"] = _("The revocation date cannot be in the future.")
    elif revoked_on < certificate.issued_on:
        errors["revoked_on"] = _("The revocation date cannot be before the certificate was issued.")
    if errors:
        raise ValidationError(errors)
    certificate.status = OcopCertificate.Status.REVOKED
    certificate.revoked_on = revoked_on
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.full_clean()
    # The save reindexes the product (search.signals): its document loses the stars at once.
    certificate.save(update_fields=["status", "revoked_on", "revoked_reason", "revoked_by", "updated_at"])
    logger.info("certificate %s revoked on %s by %s", certificate.pk, revoked_on, getattr(by, "pk", None))
    return certificate


def _not_renewed():
    """Certificates whose product holds no later-expiring verified certificate (a renewal)."""
    renewal = OcopCertificate.objects.filter(
        product=OuterRef("product"), status=OcopCertificate.Status.VERIFIED, expires_on__gt=OuterRef("expires_on")
    )
    return ~Exists(renewal)


def certificate_recipients(*, certificate: OcopCertificate) -> list[str]:
    """The e-mail addresses of the seller listing the product: its partner's users and the seller's own address."""
    producer = certificate.product.producer
    if producer is None:
        return []
    recipients = {user.email for user in producer.users.all() if user.email}
    seller = getattr(producer, "seller", None)  # the reverse side of sellers.Seller.partner, when it is a seller
    if seller is not None and seller.email:
        recipients.add(seller.email)
    return sorted(recipients)


def _notice_send(*, certificate: OcopCertificate, kind: str, today: datetime.date) -> bool:
    """Record the notice and e-mail it, once: False when it was recorded before. A failed e-mail rolls the
    record back, so the next run tries again."""
    recipients = certificate_recipients(certificate=certificate)
    try:
        with transaction.atomic():
            CertificateNotice.objects.create(
                certificate=certificate, kind=kind, sent_on=today, recipients=", ".join(recipients)
            )
            if recipients:
                context = {
                    "certificate": certificate, "kind": kind, "days_left": (certificate.expires_on - today).days,
                    "site_url": settings.SITE_URL, "expired": kind == CertificateNotice.Kind.EXPIRED,
                }  # fmt: skip
                with translation.override(settings.LANGUAGE_CODE):
                    subject = " ".join(render_to_string("ocop_catalog/emails/certificate_notice_subject.txt", context).split())
                    body = render_to_string("ocop_catalog/emails/certificate_notice_body.txt", context)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except IntegrityError:  # sent before (or by another worker just now)
        return False
    return True


def certificate_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail the seller of each verified, not renewed certificate that expires within 90 days (then within
    30): each reminder once per certificate, whatever how often this runs. Returns how many were sent.

    A certificate already within 30 days gets only the 30-day reminder (the 90-day one is moot then).
    """
    today = today or timezone.localdate()
    sent = 0
    candidates = (
        OcopCertificate.objects.filter(
            _not_renewed(), status=OcopCertificate.Status.VERIFIED, issued_on__lte=today,
            expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=REMINDERS[0][0]),
        )
        .select_related("product__producer")
        .prefetch_related("product__producer__users")
        .order_by("expires_on", "pk")
    )  # fmt: skip
    for certificate in candidates:
        days_left = (certificate.expires_on - today).days
        kind = next(kind for days, kind in reversed(REMINDERS) if days_left <= days)
        if kind == CertificateNotice.Kind.EXPIRES_IN_90_DAYS and certificate.notices.filter(
            kind=CertificateNotice.Kind.EXPIRES_IN_30_DAYS
        ).exists():
            continue
        sent += _notice_send(certificate=certificate, kind=kind, today=today)
    return sent


def certificates_expire(*, today: datetime.date | None = None) -> list[int]:
    """For each verified certificate whose last valid day has passed (within EXPIRED_NOTICE_DAYS) and was not
    handled yet: save it so search reindexes its product the same day, and tell the seller (unless renewed).
    Safe to run twice. Returns the ids of the products reindexed."""
    today = today or timezone.localdate()
    expired = (
        OcopCertificate.objects.filter(
            status=OcopCertificate.Status.VERIFIED, expires_on__lt=today,
            expires_on__gte=today - datetime.timedelta(days=EXPIRED_NOTICE_DAYS),
        )
        .exclude(notices__kind=CertificateNotice.Kind.EXPIRED)
        .annotate(not_renewed=_not_renewed())
        .select_related("product__producer")
        .prefetch_related("product__producer__users")
        .order_by("expires_on", "pk")
    )  # fmt: skip
    product_ids = []
    for certificate in expired:
        if certificate.not_renewed:
            recorded = _notice_send(certificate=certificate, kind=CertificateNotice.Kind.EXPIRED, today=today)
        else:
            recorded = _notice_record(certificate=certificate, today=today)
        if recorded:
            # Touching the row sends it through search.signals: the product's document is rebuilt now.
            certificate.save(update_fields=["updated_at"])
            product_ids.append(certificate.product_id)
    return product_ids


def _notice_record(*, certificate: OcopCertificate, today: datetime.date) -> bool:
    try:
        with transaction.atomic():
            CertificateNotice.objects.create(certificate=certificate, kind=CertificateNotice.Kind.EXPIRED, sent_on=today)
    except IntegrityError:
        return False
    return True
