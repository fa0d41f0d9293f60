"""What the public sees of a certificate: one record for the verify page, the JSON API and the QR code.

No personal data: the producer's public name and place, never its users, tax code, phone or who revoked.
"""

import datetime

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.translation import pgettext

from .models import PUBLIC_EXPIRED, PUBLIC_NOT_ISSUED, PUBLIC_REVOKED, PUBLIC_VALID, OcopCertificate


def certificate_verify_url(*, certificate_id: int) -> str:
    """The absolute address of the certificate's public verify page (what its QR code encodes)."""
    return settings.SITE_URL.rstrip("/") + reverse("ocop-certificate-verify", kwargs={"pk": certificate_id})


def certificate_qr(*, certificate_id: int) -> segno.QRCode:
    """The QR code of the verify page's address (error level M: survives a scuffed label)."""
    return segno.make(certificate_verify_url(certificate_id=certificate_id), error="m", micro=False)


def certificate_qr_svg(*, certificate_id: int) -> str:
    """The QR code as an inline <svg>, drawn on the server (no script, no image request); sized by CSS."""
    return certificate_qr(certificate_id=certificate_id).svg_inline(border=4, dark="#000", light="#fff", omitsize=True)


def _status_label(status: str) -> str:
    return {
        PUBLIC_VALID: pgettext("certificate status", "Valid"),
        PUBLIC_EXPIRED: pgettext("certificate status", "Expired"),
        PUBLIC_REVOKED: pgettext("certificate status", "Revoked"),
        PUBLIC_NOT_ISSUED: pgettext("certificate status", "Not yet in force"),
    }[status]


def certificate_public_record(certificate: OcopCertificate, *, day: datetime.date) -> dict:
    """The certificate as anyone may see it on `day`: product, producer and its place, stars, score, issuer,
    dates and a plain status (valid, expired, or revoked with its reason and date); dates as dates
    (DjangoJSONEncoder writes them ISO 8601)."""
    status = certificate.public_status_on(day)
    product = certificate.product
    # The holder (chủ thể OCOP) when issued; the product's producer for certificates recorded before producers.
    producer = certificate.holder or product.ocop_producer
    commune = producer.commune if producer is not None else None
    return {
        "id": certificate.pk,
        "number": certificate.number,
        "status": status,
        "status_label": _status_label(status),
        "product": {"id": product.pk, "title": product.get_title(), "url": settings.SITE_URL.rstrip("/") + product.get_absolute_url()},
        "producer": producer.name if producer is not None else "",
        "producer_url": settings.SITE_URL.rstrip("/") + producer.get_absolute_url() if producer is not None else "",
        "commune": commune.name if commune is not None else "",
        "province": commune.province.name if commune is not None else "",
        "stars": certificate.stars,
        "score": certificate.score,
        "issuer": certificate.issuer,
        "level": certificate.level,
        "level_label": str(certificate.get_level_display()),
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "revoked_on": certificate.revoked_on if status == PUBLIC_REVOKED else None,
        "revoked_reason": certificate.revoked_reason if status == PUBLIC_REVOKED else "",
        "verify_url": certificate_verify_url(certificate_id=certificate.pk),
    }
