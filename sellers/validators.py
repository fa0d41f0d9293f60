"""Validation of what sellers type and upload."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ocop_catalog.phones import MOBILE_RE, normalise_phone
from ocop_catalog.text import has_control_characters

__all__ = ["normalise_phone"]  # the one rule, ocop_catalog.phones, as sellers' forms and services know it

TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")
BANK_ACCOUNT_RE = re.compile(r"^\d{6,20}$")

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# Signatures of the file types we accept, checked on the bytes, never trusting the browser.
DOCUMENT_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
DOCUMENT_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
# What an applicant types on one line; names end up in e-mail subjects, where a line break is an error.
SINGLE_LINE_FIELDS = ("name", "representative", "bank_name", "bank_account_holder")


def validate_single_line(value: str) -> None:
    """Refuse a line break, tab or any other control character in a one-line field."""
    if has_control_characters(value or ""):
        raise ValidationError(
            _("Write this on one line, without control characters (such as a line break or a tab)."),
            code="single_line",
        )


def validate_tax_code(value: str) -> None:
    if not TAX_CODE_RE.match(value or ""):
        raise ValidationError(
            _("A tax code has 10 digits, or 13 with a branch suffix: 0101234567 or 0101234567-001."),
            code="tax_code",
        )


def validate_vietnamese_mobile(value: str) -> None:
    if not MOBILE_RE.match(normalise_phone(value)):
        raise ValidationError(_("Enter a Vietnamese mobile number, e.g. 0912 345 678."), code="phone")


def validate_bank_account(value: str) -> None:
    if not BANK_ACCOUNT_RE.match(value or ""):
        raise ValidationError(_("A bank account number has 6 to 20 digits."), code="bank_account")


def sniff_document_type(head: bytes) -> str | None:
    """The content type its first bytes prove, among PDF, JPEG and PNG; None otherwise."""
    for content_type, signatures in DOCUMENT_SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return content_type
    return None


def validate_document(uploaded) -> str:
    """Check an uploaded scan's size and real type; returns its content type."""
    if uploaded.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("%(name)s is larger than 5 MB.") % {"name": uploaded.name}, code="document_size"
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    content_type = sniff_document_type(head)
    if content_type is None:
        raise ValidationError(
            _("%(name)s is not a PDF, JPEG or PNG file.") % {"name": uploaded.name}, code="document_type"
        )
    return content_type
